package io.timetocompute.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;

/**
 * Planner- and supplier-supplied text is shown as text: a portfolio whose site, task, phase and supplier names carry
 * markup is imported over the API, and every page that shows them, the Gantt (vis-timeline) included, runs none of
 * it. Both defenses are checked on their own: the names are in the page as text (no element was made of them), and
 * the Content-Security-Policy forbids inline script in any case.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "ttc.planning.demo-tasks=300", "ttc.demo.events-enabled=false"})
@EmbeddedKafka(partitions = 1)
class WebUiXssBrowserTest {

    private static final String IMG = "<img src=x onerror=\"window.xssRan=(window.xssRan||[]).concat('img')\">";
    private static final String SCRIPT = "<script>window.xssRan=(window.xssRan||[]).concat('script')</script>";

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
        wait = new WebDriverWait(browser, Duration.ofSeconds(90));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void namesWithMarkupAreShownAsTextAndNoScriptRuns() throws Exception {
        Portfolio hostile = hostile(session.plan(LivePlans.DEMO).portfolio());
        Site site = hostile.sites().get(0);
        HttpResponse<String> imported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(
                        "/api/portfolios/" + LivePlans.DEMO))).header("Authorization", basic("planner"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(PortfolioJson.toJson(hostile))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(202);
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(
                "/site.html"))).header("Authorization", basic("planner")).build(),
                HttpResponse.BodyHandlers.ofString());
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self';", "object-src 'none'", "base-uri 'none'",
                "frame-ancestors 'none'");

        logIn("planner");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sites-table"), "onerror"));
        assertThat(browser.findElement(By.id("sites-table")).getText()).contains(site.name());
        assertThat(browser.findElements(By.cssSelector("#sites-table img"))).isEmpty();

        browser.get(url("/site.html?id=" + site.id()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("gantt"), "xssRan"));
        String gantt = browser.findElement(By.id("gantt")).getText();
        assertThat(gantt).contains(IMG).contains(SCRIPT);
        assertThat(browser.findElements(By.cssSelector("#gantt img, #gantt script"))).isEmpty();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("site-title"), "onerror"));
        assertThat(browser.findElement(By.id("site-title")).getText()).isEqualTo(site.name());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shipments"), "onerror"));
        assertThat(browser.findElements(By.cssSelector("main img, main script"))).isEmpty();

        browser.get(url("/events.html"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#app-header .user")));
        Thread.sleep(1000);
        assertThat(browser.executeScript("return window.xssRan === undefined")).isEqualTo(true);
    }

    /** The portfolio with markup in the first site's name, its tasks' names and phases, and a supplier's name. */
    private static Portfolio hostile(Portfolio portfolio) {
        Site first = portfolio.sites().get(0);
        List<Site> sites = new ArrayList<>(portfolio.sites());
        sites.set(0, new Site(first.id(), "Site " + IMG, first.region(), first.calendar(),
                first.powerAvailableDate(), first.startNotBefore(), first.computeBlocks()));
        List<Task> tasks = new ArrayList<>();
        boolean phaseSet = false;
        for (Task task : portfolio.tasks()) {
            if (task.siteId().equals(first.id())) {
                String phase = phaseSet ? task.phase() : SCRIPT;
                phaseSet = true;
                task = new Task(task.id(), task.siteId(), IMG + " " + SCRIPT, phase, task.modes(),
                        task.predecessors(), task.materials(), task.requiresPower(), task.bringsOnline(),
                        task.progress());
            }
            tasks.add(task);
        }
        List<Shipment> shipments = portfolio.shipments().stream().map(shipment -> shipment.siteId().equals(first.id())
                ? new Shipment(shipment.id(), "Supplier " + IMG, shipment.material(), shipment.siteId(),
                        shipment.quantity(), shipment.promisedDate(), shipment.deliveredDate(),
                        shipment.receivingDays())
                : shipment).toList();
        return portfolio.withSites(sites).withTasks(tasks).withShipments(shipments);
    }

    private void logIn(String user) {
        browser.get(url("/"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#app-header .user")));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
