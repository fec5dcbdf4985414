package io.timetocompute.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.events.contract.Suppliers;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Site;

/**
 * The web UI in a real browser against the whole service: Debian's chromium, driven through its own chromedriver, logs
 * in through the form as a planner and as an executive and checks what the pages draw from the real endpoints.
 * Screenshots go to target/screenshots; with {@code -Dttc.ui.update-docs-screenshots} they are also copied to
 * docs/images for the README.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "ttc.planning.demo-tasks=300"})
@EmbeddedKafka(partitions = 1)
class WebUiBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path DOCS_IMAGES = Path.of("..", "docs", "images");
    private static final String ISO_DATE = "\\d{4}-\\d{2}-\\d{2}";
    // The first schedule of the demo portfolio is computed after start-up; the dashboard polls until it is there.
    private static final Duration FIRST_SCHEDULE = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    LivePlans session;

    @TempDir
    Path profile;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void needsChromium() {
        HeadlessChromium.assumeInstalled();
    }

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void plannerSeesThePortfolioAndASitesSchedule() throws IOException, InterruptedException {
        Portfolio portfolio = session.plan(LivePlans.DEMO).portfolio();
        logIn("planner");

        List<WebElement> rows = new WebDriverWait(browser, FIRST_SCHEDULE)
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#sites-table > tbody > tr"),
                        portfolio.sites().size()));
        String table = browser.findElement(By.id("sites-table")).getText();
        portfolio.sites().forEach(site -> assertThat(table).contains(site.name()));
        rows.forEach(row -> assertThat(row.findElement(By.cssSelector(".projected")).getText()).matches(ISO_DATE));
        WebElement chart = browser.findElement(By.cssSelector("#mw-chart canvas"));
        assertThat(chart.getSize().getWidth()).isPositive();
        screenshot("dashboard.png");

        // A site with shipments, so that every part of the site view has something to show.
        Site site = portfolio.sites().stream()
                .filter(candidate -> portfolio.shipments().stream()
                        .anyMatch(shipment -> candidate.id().equals(shipment.siteId())))
                .findFirst().orElseThrow();
        browser.findElement(By.linkText(site.name())).click();
        wait.until(ExpectedConditions.urlContains("site.html?id="));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#gantt .vis-item"), 0));
        assertThat(browser.findElement(By.id("site-title")).getText()).isEqualTo(site.name());
        assertThat(browser.findElements(By.cssSelector("#blocks .card"))).hasSize(site.computeBlocks().size());
        assertThat(browser.findElements(By.cssSelector("#shipments-table tbody tr"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#pools .pool canvas"))).isNotEmpty();
        // Readable: a Gantt tall enough for several phases, opened at a zoom where bars carry their task names, and
        // driving paths in words rather than the projection's step kinds and ids.
        assertThat(browser.findElement(By.cssSelector("#gantt .vis-timeline")).getSize().getHeight())
                .isGreaterThanOrEqualTo(480);
        assertThat(browser.findElements(By.cssSelector("#gantt .vis-item.task")))
                .anySatisfy(bar -> assertThat(bar.getSize().getWidth()).isGreaterThan(80));
        String paths = browser.findElement(By.id("blocks")).getText();
        assertThat(paths).doesNotContain("POOL_WAIT", "SITE_OPENING", "DATA_DATE");
        browser.findElement(By.cssSelector("#blocks .zoom-path")).click();
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#gantt .vis-item.vis-selected"),
                0));
        assertThat(browser.findElements(By.cssSelector("#gantt .vis-item.driving"))).isNotEmpty();
        screenshot("site.png");

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void executiveSeesTheDashboardGetsACalendarLinkAndOpensASiteView() throws IOException, InterruptedException {
        Portfolio portfolio = session.plan(LivePlans.DEMO).portfolio();
        logIn("executive");

        new WebDriverWait(browser, FIRST_SCHEDULE).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#sites-table > tbody > tr"), portfolio.sites().size()));
        assertThat(browser.findElement(By.cssSelector("#app-header .role")).getText()).isEqualTo("executive");
        assertThat(new Select(browser.findElement(By.id("portfolio-picker"))).getFirstSelectedOption()
                .getDomAttribute("value")).isEqualTo(LivePlans.DEMO);
        // A calendar app with the link reads the feed without logging in.
        browser.findElement(By.id("calendar-link")).click();
        WebElement calendarUrl = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calendar-url")));
        String link = calendarUrl.getDomProperty("value");
        assertThat(link).startsWith(url("/api/portfolios/demo/calendar.ics?token="));
        HttpResponse<String> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR");
        // The site links lead to the site view, not to a refusal.
        Site site = portfolio.sites().get(0);
        browser.findElement(By.linkText(site.name())).click();
        wait.until(ExpectedConditions.urlContains("site.html?id="));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#gantt .vis-item"), 0));
        assertThat(browser.findElements(By.cssSelector(".message.forbidden"))).isEmpty();
    }

    @Test
    void aSupplierLandsOnItsOwnShipments() {
        String supplier = "meridian-switchgear";
        logIn(supplier);

        wait.until(ExpectedConditions.urlContains("/supplier.html"));
        List<WebElement> rows = new WebDriverWait(browser, FIRST_SCHEDULE).until(ExpectedConditions
                .numberOfElementsToBeMoreThan(By.cssSelector("#supplier-shipments tbody tr"), 0));
        long own = session.plan(LivePlans.DEMO).portfolio().shipments().stream()
                .filter(shipment -> Suppliers.slugOf(shipment.supplier()).equals(supplier)).count();
        assertThat(rows).hasSize((int) own);
        assertThat(browser.findElement(By.id("supplier-title")).getText()).contains(supplier);
        assertThat(browser.findElements(By.cssSelector(".message.forbidden"))).isEmpty();
        assertThat(browser.findElements(By.id("portfolio-picker"))).isEmpty();
    }

    private void logIn(String user) {
        browser.get(url("/login"));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#app-header .user")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The whole page, not just the window: the window is grown to the page's height first. */
    private void screenshot(String name) throws IOException, InterruptedException {
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight"
                + " + window.outerHeight - window.innerHeight;");
        browser.manage().window().setSize(new Dimension(1400, (int) Math.min(height, 5000)));
        // vis.js checks its container's size once a second and redraws after a resize; uPlot redraws at once.
        Thread.sleep(1500);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        if (System.getProperty("ttc.ui.update-docs-screenshots") != null) {
            Files.createDirectories(DOCS_IMAGES);
            Files.copy(target, DOCS_IMAGES.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        browser.manage().window().setSize(new Dimension(1400, 1000));
    }
}
