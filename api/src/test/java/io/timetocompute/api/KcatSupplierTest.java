package io.timetocompute.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import com.fasterxml.jackson.databind.JsonNode;

import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.events.contract.EventTypes;
import io.timetocompute.events.contract.Topics;
import org.springframework.data.mongodb.core.MongoTemplate;
import io.timetocompute.api.store.MongoEventLog;
import java.time.Clock;
import io.timetocompute.events.inbound.EventLog;
import io.timetocompute.events.inbound.InboundEvent;
import io.timetocompute.scheduler.portfolio.PortfolioJson;

/**
 * An outside supplier system drives the service with kcat, exactly as docs/events.md shows (the ETA-change example:
 * headers, key and JSON on stdin), and an outside reader sees the result with kcat: the block that waits for the
 * transformer moves, and its timeline record names the event. CI installs kcat ({@code .ci/run}); without it the
 * test is skipped.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "ttc.planning.demo-tasks=1000"})
@EmbeddedKafka(partitions = 1)
class KcatSupplierTest {

    /**
     * The ETA-change example of docs/events.md, with a later date: the documented 2028-05-15 still leaves the
     * transformer ahead of the GPU deliveries that set WTX1's dates, so it would move no block of the demo.
     */
    private static final String SHIPMENT = "SHP-WTX1-XFMR-2";
    private static final LocalDate NEW_ETA = LocalDate.parse("2029-09-15");
    private static final String EXAMPLE = "{\"shipmentId\":\"SHP-WTX1-XFMR-2\",\"newDate\":\"" + NEW_ETA
            + "\",\"reason\":\"factory test failed\"}";

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    LivePlans session;

    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    static void kcatIsInstalled() {
        boolean installed;
        try {
            installed = new ProcessBuilder("kcat", "-V").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            installed = false;
        }
        assumeTrue(installed, "kcat is not installed (CI installs it: apt-get install kcat)");
    }

    @Test
    void anEtaChangePublishedWithKcatMovesTheBlockAndTheTimelineNamesIt() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> session.latestPublication(LivePlans.DEMO).isPresent());
        String id = UUID.randomUUID().toString();

        kcat(EXAMPLE, "-P", "-b", broker.getBrokersAsString(), "-t", Topics.SUPPLY, "-k", SHIPMENT,
                "-H", "ce_specversion=1.0", "-H", "ce_id=" + id, "-H", "ce_source=/suppliers/baltic-magnetics",
                "-H", "ce_type=" + EventTypes.SHIPMENT_ETA_CHANGED,
                "-H", "ce_time=" + Instant.now().truncatedTo(ChronoUnit.SECONDS),
                "-H", "content-type=application/json");

        List<JsonNode> timeline = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            timeline.clear();
            timeline.addAll(consume(Topics.TIMELINE).stream().filter(record -> names(record, id)).toList());
            return !timeline.isEmpty();
        });
        assertThat(demoEventLog().contains(InboundEvent.key("/suppliers/baltic-magnetics", id))).isTrue();
        assertThat(timeline).allSatisfy(record -> assertThat(record.get("cause").asText())
                .contains(SHIPMENT, "factory test failed"));
        // The transformer feeds the whole site: a block there waits for it. (Other blocks may move in the same
        // publication, as the solver improves the plan around the change; the record names the event for them too.)
        JsonNode moved = timeline.stream().filter(record -> record.get("siteId").asText().equals("WTX1")
                && record.get("deltaDays").asLong() > 0).findFirst().orElseThrow();
        LocalDate newDate = LocalDate.parse(moved.get("newDate").asText());
        assertThat(newDate).isAfter(LocalDate.parse(moved.get("oldDate").asText())).isAfter(NEW_ETA);

        List<JsonNode> projections = consume(Topics.PROJECTIONS).stream()
                .filter(record -> record.get("blockId").asText().equals(moved.get("blockId").asText())
                        && names(record, id))
                .toList();
        assertThat(projections).isNotEmpty();
        assertThat(LocalDate.parse(projections.get(0).get("onlineDate").asText())).isEqualTo(newDate);
    }

    /** Everything on the topic so far, read with kcat as an outside reader would. */
    private List<JsonNode> consume(String topic) throws Exception {
        String out = kcat("", "-C", "-b", broker.getBrokersAsString(), "-t", topic, "-o", "beginning", "-e",
                "-q", "-f", "%s\\n");
        List<JsonNode> records = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                records.add(PortfolioJson.mapper().readTree(line));
            }
        }
        return records;
    }

    private static boolean names(JsonNode record, String eventId) {
        for (JsonNode id : record.get("eventIds")) {
            if (id.asText().equals(eventId)) {
                return true;
            }
        }
        return false;
    }

    private static String kcat(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("kcat"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var input = process.getOutputStream()) {
            input.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("kcat finished").isTrue();
        assertThat(process.exitValue()).as("kcat " + String.join(" ", args)).isZero();
        return out;
    }

    /** The demo portfolio's event log, as the service keeps it. */
    private EventLog demoEventLog() {
        return new MongoEventLog(LivePlans.DEMO, mongo, Clock.systemUTC(), () -> { });
    }
}
