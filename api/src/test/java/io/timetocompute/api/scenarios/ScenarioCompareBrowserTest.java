package io.timetocompute.api.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
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

import io.timetocompute.api.ui.HeadlessChromium;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.scheduler.portfolio.Shipment;

/**
 * The compare view in a real browser (Debian's chromium through its chromedriver, as WebUiBrowserTest): a planner
 * compares the live plan with a scenario in which a shipment is much later; an executive does not see the scenario
 * until it is shared.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "ttc.planning.demo-tasks=300"})
@EmbeddedKafka(partitions = 1)
class ScenarioCompareBrowserTest {


    @LocalServerPort
    int port;

    @Autowired
    LivePlans session;

    @TempDir
    Path profile;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private final HttpClient client = HttpClient.newHttpClient();

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
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPlannerComparesTheLivePlanWithAScenarioAndAnExecutiveSeesOnlySharedOnes() throws Exception {
        await().atMost(Duration.ofSeconds(90)).until(() -> session.latestPublication(LivePlans.DEMO).isPresent());
        Shipment shipment = session.plan(LivePlans.DEMO).portfolio().shipments().stream()
                .filter(s -> s.deliveredDate() == null).min(Comparator.comparing(Shipment::id)).orElseThrow();
        String id = createScenario(shipment);
        int blocks = session.latestPublication(LivePlans.DEMO).orElseThrow().projection().blocks().size();

        logIn("planner");
        browser.get(url("/compare.html?portfolio=demo&left=live&right=scenario:" + id));
        List<WebElement> rows = wait.until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#blocks-table tbody tr"), blocks));
        assertThat(rows).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#blocks-table .days.late"))).isNotEmpty();
        assertThat(browser.findElement(By.id("blocks-table")).getText()).contains(shipment.siteId());
        assertThat(new Select(browser.findElement(By.id("right"))).getFirstSelectedOption().getText())
                .isEqualTo("Scenario: browser test");
        assertThat(browser.findElements(By.cssSelector("#money-table tbody tr"))).hasSize(4);
        // Comparing the scenario with itself from the form: no block moves.
        new Select(browser.findElement(By.id("left"))).selectByValue("scenario:" + id);
        browser.findElement(By.id("compare-button")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#blocks-table .days.late"), 0));
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/login"));

        logIn("executive");
        browser.get(url("/compare.html?portfolio=demo"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#blocks-table tbody tr"), blocks));
        assertThat(new Select(browser.findElement(By.id("right"))).getOptions()).hasSize(1);
        send("PUT", "/api/portfolios/demo/scenarios/" + id + "/shared", "{\"shared\":true}");
        browser.navigate().refresh();
        wait.until(driver -> new Select(driver.findElement(By.id("right"))).getOptions().size() == 2);
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#blocks-table .days.late"), 0));
        assertThat(browser.findElements(By.cssSelector(".message.forbidden"))).isEmpty();
    }

    @Test
    void aPlannerSeeksAGoalFromTheCompareView() {
        await().atMost(Duration.ofSeconds(90)).until(() -> session.latestPublication(LivePlans.DEMO).isPresent());
        var block = session.latestPublication(LivePlans.DEMO).orElseThrow().projection().blocks().get(0);
        String by = block.onlineDate().minusDays(30).toString();

        logIn("planner");
        browser.get(url("/compare.html?portfolio=demo"));
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("goal-panel")));
        wait.until(driver -> new Select(driver.findElement(By.id("goal-block"))).getOptions().size() > 0);
        new Select(browser.findElement(By.id("goal-block"))).selectByValue(block.blockId());
        browser.executeScript("document.getElementById('goal-by').value = arguments[0];"
                + "document.getElementById('goal-seconds').value = '2';", by);
        browser.findElement(By.id("goal-button")).click();
        WebElement status = new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("goal-status")));
        assertThat(status.getText()).matches("(Reached|Not reachable): block " + block.blockId() + " online by "
                + by + ".*");
        if (status.getText().startsWith("Not reachable")) {
            assertThat(status.getText()).contains("Best date");
        }
        assertThat(panel.findElements(By.cssSelector(".message.error"))).isEmpty();
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/login"));

        logIn("executive");
        browser.get(url("/compare.html?portfolio=demo"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#money-table")));
        assertThat(browser.findElement(By.id("goal-panel")).isDisplayed()).isFalse();
    }

    @Test
    void theCompareScriptWritesTextOnly() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/static/app/compare.js")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(script).doesNotContain("innerHTML").doesNotContain("insertAdjacentHTML")
                    .doesNotContain("eval(");
        }
        try (InputStream in = getClass().getResourceAsStream("/static/compare.html")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).doesNotContain("<script>")
                    .doesNotContain("onclick").doesNotContain("onsubmit");
        }
    }

    private String createScenario(Shipment shipment) throws Exception {
        String changes = "[{\"specversion\":\"1.0\",\"id\":\"b1\","
                + "\"type\":\"io.timetocompute.supply.shipment.eta-changed.v1\",\"source\":\"/planners/test\","
                + "\"data\":{\"shipmentId\":\"" + shipment.id() + "\",\"newDate\":\""
                + shipment.promisedDate().plusDays(400) + "\"}}]";
        String created = send("POST", "/api/portfolios/demo/scenarios",
                "{\"name\":\"browser test\",\"seconds\":2,\"changes\":" + changes + "}");
        String id = JsonPath.read(created, "$.id");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> "done".equals(
                JsonPath.read(send("GET", "/api/portfolios/demo/scenarios/" + id, null), "$.status")));
        return id;
    }

    private String send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "planner:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path).isLessThan(300);
        return response.body();
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
}
