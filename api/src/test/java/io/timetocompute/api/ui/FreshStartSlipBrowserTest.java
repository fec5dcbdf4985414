package io.timetocompute.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.timetocompute.api.planning.LivePlans;

/**
 * A new user's first look: the service starts fresh with the demo events running, and a while later (a minute by
 * default, {@code -Dttc.ui.fresh-start-wait=PT30S} to shorten it) the dashboard shows no slip that no event caused:
 * every block whose date differs from the baseline was moved by an event at some point, and the first plan was the
 * converged one, not the construction heuristic's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "ttc.planning.demo-tasks=300", "ttc.planning.first-publication-budget=40s",
        "ttc.demo.events-enabled=true", "ttc.demo.events-interval=2s"})
@EmbeddedKafka(partitions = 1)
class FreshStartSlipBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant STARTED = Instant.now();

    @LocalServerPort
    int port;

    @Autowired
    LivePlans plans;

    @Value("${ttc.ui.fresh-start-wait:PT1M}")
    Duration freshStartWait;

    @TempDir
    Path profile;

    private ChromeDriver browser;

    @BeforeAll
    static void needsChromium() {
        HeadlessChromium.assumeInstalled();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aMinuteAfterAFreshStartWithDemoEventsNoSlipIsShownThatNoEventCaused() throws Exception {
        long wait = Duration.between(Instant.now(), STARTED.plus(freshStartWait)).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        browser = HeadlessChromium.start(profile);
        WebDriverWait until = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(url("/"));
        until.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("planner");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        until.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#sites-table > tbody > tr"),
                plans.plan(LivePlans.DEMO).portfolio().sites().size()));
        assertThat(browser.findElement(By.id("summary")).getText()).contains("first published plan");

        // Read in one go: the dashboard redraws itself on every publication, and the demo events publish often.
        @SuppressWarnings("unchecked")
        List<List<String>> blockRows = (List<List<String>>) browser.executeScript("return [...document"
                + ".querySelectorAll('#sites-table tr[data-block-id]')].map(row => [row.dataset.blockId,"
                + " row.querySelector('.slip').textContent.trim()]);");
        assertThat(blockRows).isNotEmpty();
        int slipped = 0;
        for (List<String> row : blockRows) {
            String slip = row.get(1);
            if (slip.equals("0") || slip.equals("–")) {
                continue;
            }
            slipped++;
            String blockId = row.get(0);
            JsonNode history = get("/api/portfolios/" + LivePlans.DEMO + "/blocks/" + blockId + "/history");
            boolean movedByAnEvent = false;
            for (JsonNode change : history) {
                movedByAnEvent |= !change.path("oldDate").isNull() && change.path("eventIds").size() > 0;
            }
            assertThat(movedByAnEvent).as("block %s shows a slip of %s that no event caused: %s", blockId, slip,
                    history).isTrue();
        }
        // The demo events must have had a chance to move something for the check to mean anything.
        assertThat(plans.latestPublication(LivePlans.DEMO).orElseThrow().version()).isGreaterThan(1);
        System.out.printf("fresh start: %d of %d blocks slipped, every one by an event%n", slipped, blockRows.size());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("planner:demo".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
