package io.timetocompute.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import net.sf.mpxj.writer.FileFormat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.timetocompute.api.interchange.ScheduleFiles;
import io.timetocompute.api.planning.LivePlans;

/**
 * The import page in a real browser (Debian's chromium, as {@link WebUiBrowserTest}, whose service context it
 * shares): a planner finds it in the navigation, uploads a P6 file, reads the report, confirms and gets the new
 * portfolio; a damaged file gets the server's problem as a message; the dashboard links the plan's exports.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "ttc.planning.demo-tasks=300"})
@EmbeddedKafka(partitions = 1)
class ImportPageBrowserTest {


    @LocalServerPort
    int port;

    @Autowired
    LivePlans session;

    @TempDir
    Path profile;

    @TempDir
    Path files;

    private final String id = "browser-import-" + UUID.randomUUID().toString().substring(0, 8);
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void needsChromium() {
        HeadlessChromium.assumeInstalled();
    }

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowserAndArchiveTheImport() {
        if (browser != null) {
            browser.quit();
        }
        if (session.ids().contains(id)) {
            session.archive(id);
        }
    }

    @Test
    void aPlannerPreviewsTheReportThenImportsTheFileAsANewPortfolio() throws Exception {
        Path xer = Files.write(files.resolve("DC1 Abilene.xer"),
                ScheduleFiles.write(ScheduleFiles.site("DC1", "DC1 Abilene"), FileFormat.XER));
        Path truncated = Files.write(files.resolve("damaged.xer"),
                Arrays.copyOf(Files.readAllBytes(xer), (int) Files.size(xer) / 2));
        logIn("planner");
        // The dashboard links the current plan's files.
        WebElement export = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("export-xer")));
        wait.until(driver -> export.getAttribute("href") != null);
        assertThat(export.getAttribute("href")).endsWith("/api/portfolios/demo/export?format=xer");

        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Import"))).click();
        wait.until(ExpectedConditions.urlContains("/import.html"));

        browser.findElement(By.id("schedule-file")).sendKeys(truncated.toAbsolutePath().toString());
        browser.findElement(By.id("preview")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#import-message .message.error")));
        assertThat(error.getText()).contains("damaged.xer").contains("truncated");
        assertThat(browser.findElement(By.id("report")).isDisplayed()).isFalse();

        browser.findElement(By.id("schedule-file")).clear();
        browser.findElement(By.id("schedule-file")).sendKeys(xer.toAbsolutePath().toString());
        browser.findElement(By.id("preview")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report")));
        assertThat(browser.findElement(By.id("report-facts")).getText()).contains("XER").contains("DC1 Abilene");
        assertThat(browser.findElement(By.id("dropped")).getText()).contains("A1090");
        assertThat(browser.findElement(By.id("counts")).getText()).contains("relationshipsFF");
        assertThat(browser.findElement(By.id("agreement")).getText()).isNotBlank();
        WebElement portfolioId = browser.findElement(By.id("portfolio-id"));
        assertThat(portfolioId.getAttribute("value")).isEqualTo("dc1-abilene");
        assertThat(session.ids()).doesNotContain("dc1-abilene", id);

        portfolioId.clear();
        portfolioId.sendKeys(id);
        browser.findElement(By.id("confirm")).click();
        WebElement open = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("open-imported")));
        assertThat(browser.findElement(By.id("confirm-message")).getText()).contains(id).contains("5 tasks");
        assertThat(session.ids()).contains(id);
        assertThat(open.getAttribute("href")).endsWith("/?portfolio=" + id);
    }

    private void logIn(String user) {
        browser.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#app-header .user")));
    }
}
