package io.timetocompute.api.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.timetocompute.api.FullServiceTest;
import io.timetocompute.api.TestEvents;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.scheduler.projection.ScheduleProjection.ShipmentProjection;

/**
 * A supplier's ETA slip, sent over real HTTP, moves a block's projected date: an executive subscribed to the stream
 * sees it as it is published, and then finds it in the timeline and in the event log.
 */
@FullServiceTest
class TimelineEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    LivePlans session;

    @Autowired
    TimelineStreamHub hub;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anEtaSlipPostedOverHttpReachesTheStreamTheTimelineAndTheEventLog() throws Exception {
        ShipmentProjection shipment = TestEvents.tightestShipment(session);
        String eventId = TestEvents.newId("e2e");
        int subscribersBefore = hub.subscriberCount();

        HttpResponse<InputStream> stream = http.send(request("/api/portfolios/demo/timeline/stream", "executive")
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            CompletableFuture<List<JsonNode>> dateChanges = CompletableFuture.supplyAsync(
                    () -> readUntilPublicationOf(lines, eventId));

            HttpResponse<String> posted = http.send(request("/api/portfolios/demo/events", TestEvents.slugOf(shipment))
                    .header("Content-Type", "application/json")
                    .header("ce-specversion", "1.0").header("ce-id", eventId)
                    .header("ce-type", TestEvents.ETA_CHANGED).header("ce-source", TestEvents.sourceOf(shipment))
                    .header("ce-subject", shipment.id()).header("ce-time", TestEvents.now())
                    .POST(HttpRequest.BodyPublishers.ofString(TestEvents.etaChangedData(shipment, 120))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            assertThat(JSON.readTree(posted.body()).get("status").asText()).isEqualTo("APPLIED");

            // The publication may also move other blocks as the solver's improvements are published with it: those
            // are credited to re-optimization, the slip's own effect to the event.
            List<JsonNode> streamed = dateChanges.get(60, TimeUnit.SECONDS);
            JsonNode moved = streamed.stream().filter(item -> item.get("eventIds").toString().contains(eventId))
                    .findFirst().orElseThrow(() -> new AssertionError("no block moved by the slip: " + streamed));
            assertThat(moved.get("cause").asText()).contains(shipment.id());
            assertThat(moved.get("eventEffectDays").asLong()).isPositive();
            assertThat(moved.get("eventEffectDays").asLong() + moved.get("reoptimizationDays").asLong())
                    .isEqualTo(moved.get("deltaDays").asLong());
            assertThat(streamed).filteredOn(item -> item.get("eventIds").isEmpty()).allSatisfy(item -> {
                assertThat(item.get("cause").asText()).isEqualTo("re-optimization");
                assertThat(item.get("eventEffectDays").asLong()).isZero();
            });

            JsonNode timeline = get("/api/portfolios/demo/timeline?page=0&size=500", "executive");
            assertThat(timeline.get("items")).anySatisfy(item -> {
                assertThat(item.get("blockId").asText()).isEqualTo(moved.get("blockId").asText());
                assertThat(item.get("version").asLong()).isEqualTo(moved.get("version").asLong());
                assertThat(item.get("newDate").asText()).isEqualTo(moved.get("newDate").asText());
                assertThat(item.get("eventIds").toString()).contains(eventId);
                assertThat(item.get("eventEffectDays").asLong()).isEqualTo(moved.get("eventEffectDays").asLong());
                assertThat(item.get("reoptimizationDays").asLong())
                        .isEqualTo(moved.get("reoptimizationDays").asLong());
            });

            JsonNode logged = get("/api/portfolios/demo/events/" + eventId, "planner");
            assertThat(logged.get("status").asText()).isEqualTo("APPLIED");
            assertThat(logged.get("movedDates")).anySatisfy(date -> {
                assertThat(date.get("blockId").asText()).isEqualTo(moved.get("blockId").asText());
                assertThat(date.get("newDate").asText()).isEqualTo(moved.get("newDate").asText());
                assertThat(date.get("eventEffectDays").asLong()).isEqualTo(moved.get("eventEffectDays").asLong());
            });
        }
        // The client is gone: the next write to it fails and the hub drops it.
        await().atMost(Duration.ofSeconds(40)).untilAsserted(
                () -> assertThat(hub.subscriberCount()).isLessThanOrEqualTo(subscribersBefore));
    }

    /**
     * Reads the stream until the {@code publication} event that took in the event; returns the {@code date-changed}
     * items that named it before that.
     */
    private static List<JsonNode> readUntilPublicationOf(BufferedReader lines, String eventId) {
        List<JsonNode> dateChanges = new ArrayList<>();
        try {
            String eventName = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    eventName = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    JsonNode data = JSON.readTree(line.substring("data:".length()));
                    if ("date-changed".equals(eventName) && data.get("eventIds").toString().contains(eventId)) {
                        dateChanges.add(data);
                    } else if ("publication".equals(eventName) && data.get("causes").toString().contains(eventId)) {
                        return dateChanges;
                    }
                } else if (line.isEmpty()) {
                    eventName = null;
                }
            }
            throw new IllegalStateException("the stream ended before event " + eventId + " was published");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String path, String user) throws Exception {
        HttpResponse<String> response = http.send(request(path, user).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path, String user) {
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + credentials);
    }
}
