package io.timetocompute.api.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.timetocompute.api.FreePorts;
import io.timetocompute.events.contract.EventTypes;
import io.timetocompute.events.contract.Suppliers;
import io.timetocompute.events.contract.Topics;
import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;

/**
 * The fault-injection suite ({@code .ci/chaos}, not in the default run): the broker, the store and one service
 * instance as three processes of the service jar ({@code ttc.role}), and a stream of supplier events while one of
 * them is killed or frozen. After each scenario: every event the broker acknowledged is recorded exactly once and
 * applied (none judged stale, so each entity's events were applied in order), each entity's newest applied time is
 * that of its last event, and a schedule is published after the last event within 30 s of the last fault. Each
 * scenario appends its figures to the report named by {@code ttc.chaos.report} (docs/reliability.md).
 */
@EnabledIfSystemProperty(named = "ttc.chaos", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaosSuiteTest {

    private static final int DEMO_TASKS = 300;
    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    private int kafkaPort;
    private int mongoPort;
    private Process broker;
    private Process store;
    private Process service;
    private int serviceStarts;
    private int brokerStarts;
    private List<Shipment> shipments;
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void startAll() throws Exception {
        kafkaPort = FreePorts.pair();
        mongoPort = FreePorts.one();
        Portfolio demo = DemoPortfolioGenerator.generate(DEMO_TASKS, 42);
        shipments = demo.shipments().stream().filter(shipment -> shipment.deliveredDate() == null).toList();
        startBroker();
        store = KillNineRecoveryTest.launch(dataDir.resolve("store.log"), "--ttc.role=infrastructure",
                "--ttc.embedded.kafka=false", "--ttc.data-dir=" + dataDir, "--ttc.mongodb.embedded-port=" + mongoPort);
        waitForPort(kafkaPort);
        waitForPort(mongoPort);
        startService();
        // Stream once the service is up and has made its topics, as a supplier meets a running service.
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            MongoCollection<Document> versions = client.getDatabase("ttc").getCollection("schedule_versions");
            waitUntil(() -> versions.countDocuments() > 0, PATIENCE, () -> "the service published no schedule");
        }
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        if (producer != null) {
            producer.close(Duration.ZERO);
        }
        for (Process process : new Process[] { service, store, broker }) {
            if (process != null) {
                resume(process);
                process.destroyForcibly().waitFor();
            }
        }
    }

    @AfterAll
    static void writeReport() throws IOException {
        String report = System.getProperty("ttc.chaos.report");
        if (report == null || FIGURES.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("\n## Last run: ").append(Instant.now()).append("\n\n")
                .append("| scenario | result |\n|---|---|\n");
        FIGURES.forEach((scenario, figures) -> text.append("| ").append(scenario).append(" | ").append(figures)
                .append(" |\n"));
        Path path = Path.of(report);
        String head = Files.exists(path) ? Files.readString(path).split("\n## Last run: ", 2)[0].stripTrailing()
                : "# Reliability";
        Files.writeString(path, head + "\n" + text);
    }

    @Test
    @Order(1)
    void r1ServiceKilledFiveTimesDuringTwentyThousandEvents() throws Exception {
        Stream stream = new Stream(20_000);
        Instant lastFault = null;
        for (int kill = 0; kill < 5; kill++) {
            long before = recorded();
            stream.sendNext(3_000);
            // in the middle of its work, not while it starts
            waitUntil(() -> recorded() > before + 300, PATIENCE, () -> "the service records nothing");
            service.destroyForcibly().waitFor();
            lastFault = Instant.now();
            startService();
        }
        stream.sendRest();
        FIGURES.put("R1: 20,000 events, the service killed with kill -9 five times", verify(stream, lastFault));
    }

    @Test
    @Order(2)
    void r3BrokerKilledThreeTimesAndRestartedTwice() throws Exception {
        Stream stream = new Stream(6_000);
        Instant lastFault = null;
        for (int fault = 0; fault < 5; fault++) {
            stream.sendNext(1_000);
            if (fault < 3) {
                broker.destroyForcibly().waitFor();
            } else {
                broker.destroy();
                broker.waitFor(60, TimeUnit.SECONDS);
            }
            lastFault = Instant.now();
            startBroker();
            waitForPort(kafkaPort);
        }
        stream.sendRest();
        FIGURES.put("R3: 6,000 events, the broker killed with kill -9 three times and stopped cleanly twice",
                verify(stream, lastFault));
    }

    @Test
    @Order(3)
    void r4StoreFrozenThreeTimesForFifteenSeconds() throws Exception {
        Stream stream = new Stream(6_000);
        Instant lastFault = null;
        for (int freeze = 0; freeze < 3; freeze++) {
            stream.sendNext(1_500);
            signal(store, "STOP");
            Thread.sleep(15_000);
            signal(store, "CONT");
            lastFault = Instant.now();
        }
        stream.sendRest();
        FIGURES.put("R4: 6,000 events, the store frozen (kill -STOP) three times for 15 s", verify(stream, lastFault));
    }

    private long recorded() {
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            return client.getDatabase("ttc").getCollection("inbound_events").countDocuments();
        }
    }

    /** Checks the outcome and returns its figures for the report. */
    private String verify(Stream stream, Instant lastFault) throws Exception {
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            MongoCollection<Document> events = client.getDatabase("ttc").getCollection("inbound_events");
            MongoCollection<Document> versions = client.getDatabase("ttc").getCollection("schedule_versions");
            int acknowledged = stream.acknowledged.size();
            waitUntil(() -> events.countDocuments() >= acknowledged, PATIENCE,
                    () -> events.countDocuments() + " of " + acknowledged + " recorded");
            Instant allRecorded = Instant.now();
            Date lastRecorded = events.find().sort(new Document("recordedAt", -1)).first().getDate("recordedAt");
            waitUntil(() -> versions.countDocuments(new Document("publishedAt", new Document("$gt", lastRecorded)))
                    > 0, PATIENCE, () -> "no schedule published after the last event");
            Instant published = Instant.now();

            Map<String, String> statuses = new HashMap<>();
            for (Document event : events.find()) {
                statuses.put(event.getString("eventId"), event.getString("status"));
            }
            assertThat(statuses).as("every acknowledged event recorded, once").hasSize(acknowledged)
                    .containsOnlyKeys(stream.acknowledged.keySet());
            assertThat(statuses.values()).as("every event applied, none stale: order kept per entity")
                    .containsOnly("APPLIED");
            MongoCollection<Document> entityVersions = client.getDatabase("ttc").getCollection("entity_versions");
            Map<String, Instant> newest = stream.newestPerShipment();
            for (Document version : entityVersions.find()) {
                String entity = version.getString("_id");
                newest.entrySet().stream().filter(entry -> entity.endsWith(entry.getKey())).findFirst()
                        .ifPresent(entry -> assertThat(version.getDate("lastApplied").toInstant())
                                .as("newest applied event of " + entity)
                                .isEqualTo(entry.getValue().truncatedTo(ChronoUnit.MILLIS)));
            }
            // The stream goes on after the last fault: caught up means published what its last event did.
            Instant calm = stream.lastSent.isAfter(lastFault) ? stream.lastSent : lastFault;
            Duration catchUp = Duration.between(calm, published);
            assertThat(catchUp).as("projections caught up after the last fault and the last event")
                    .isLessThan(CATCH_UP);
            return String.format("%,d sent, %,d acknowledged, each recorded once and applied in order (0 lost,"
                    + " 0 twice, 0 stale); %,d sends retried by the producer; the stream ended %d s after the last"
                    + " fault; all recorded %d s and a schedule with them published %d s after that",
                    stream.sent, acknowledged, stream.retries, Duration.between(lastFault, calm).toSeconds(),
                    Duration.between(calm, allRecorded).toSeconds(), catchUp.toSeconds());
        }
    }

    /**
     * ETA changes of the demo's open shipments, each shipment's in time order, sent as a supplier system does:
     * acks=all, one request in flight, and a send the broker did not acknowledge sent again with the same id.
     */
    private final class Stream {

        private final int total;
        private final Map<String, ProducerRecord<String, byte[]>> acknowledged = new LinkedHashMap<>();
        private final Map<String, Instant> times = new HashMap<>();
        private int sent;
        private int retries;
        private Instant lastSent = Instant.now();
        private final OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);

        Stream(int total) {
            this.total = total;
        }

        void sendNext(int count) throws Exception {
            int until = Math.min(total, sent + count);
            List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
            for (int i = sent; i < until; i++) {
                Shipment shipment = shipments.get(i % shipments.size());
                OffsetDateTime time = start.plusNanos(i * 1_000_000L);
                String id = UUID.randomUUID().toString();
                times.put(id, time.toInstant());
                batch.add(eta(id, shipment, shipment.promisedDate().plusDays(i % 11 - 5), time));
            }
            sent = until;
            for (ProducerRecord<String, byte[]> record : batch) {
                sendUntilAcknowledged(record);
            }
            lastSent = Instant.now();
        }

        void sendRest() throws Exception {
            sendNext(total - sent);
        }

        /** In order: a record is only sent once the one before it is acknowledged, as per-entity order needs. */
        private void sendUntilAcknowledged(ProducerRecord<String, byte[]> record) throws Exception {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                try {
                    if (producer == null) {
                        producer = producer();
                    }
                    producer.send(record).get(30, TimeUnit.SECONDS);
                    acknowledged.put(id(record), record);
                    return;
                } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("the broker did not take an event for " + PATIENCE, e);
                    }
                    // a supplier's system reconnects and sends again, with the same id
                    producer.close(Duration.ZERO);
                    producer = null;
                    retries++;
                    Thread.sleep(500);
                }
            }
        }

        Map<String, Instant> newestPerShipment() {
            Map<String, Instant> newest = new HashMap<>();
            acknowledged.forEach((id, record) -> newest.merge(record.key(), times.get(id),
                    (a, b) -> a.isAfter(b) ? a : b));
            return newest;
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1, ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static ProducerRecord<String, byte[]> eta(String id, Shipment shipment, LocalDate newDate,
            OffsetDateTime time) {
        String data = "{\"shipmentId\":\"" + shipment.id() + "\",\"newDate\":\"" + newDate + "\"}";
        var event = CloudEventBuilder.v1().withId(id).withType(EventTypes.SHIPMENT_ETA_CHANGED)
                .withSource(URI.create(Suppliers.sourceOf(shipment.supplier()))).withTime(time)
                .withDataContentType("application/json").withData(data.getBytes(StandardCharsets.UTF_8)).build();
        return KafkaMessageFactory.<String>createWriter(Topics.SUPPLY, shipment.id()).writeBinary(event);
    }

    private static String id(ProducerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }

    private void startBroker() throws IOException {
        broker = KillNineRecoveryTest.launch(dataDir.resolve("broker-" + brokerStarts++ + ".log"),
                "--ttc.role=infrastructure", "--ttc.embedded.mongodb=false", "--ttc.data-dir=" + dataDir,
                "--ttc.kafka.embedded-port=" + kafkaPort);
    }

    private void startService() throws IOException {
        service = KillNineRecoveryTest.launch(dataDir.resolve("service-" + serviceStarts++ + ".log"),
                "--ttc.role=service", "--spring.kafka.bootstrap-servers=localhost:" + kafkaPort,
                "--spring.mongodb.uri=mongodb://localhost:" + mongoPort + "/ttc", "--server.port=0",
                "--ttc.planning.demo-tasks=" + DEMO_TASKS, "--ttc.demo.events-enabled=false",
                "--ttc.planning.reoptimization-interval=0s", "--logging.level.root=warn");
    }

    private static void signal(Process process, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    private static void resume(Process process) {
        try {
            signal(process, "CONT");
        } catch (IOException | InterruptedException ignored) {
            // it is destroyed next anyway
        }
    }

    private static void waitUntil(BooleanSupplier done, Duration limit, java.util.function.Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (done.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYetUp) {
                // the store is restarting or frozen
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within " + limit + ": " + state.get());
    }

    private static void waitForPort(int port) throws InterruptedException {
        waitUntil(() -> {
            try (var socket = new java.net.Socket("localhost", port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        }, PATIENCE, () -> "port " + port + " closed");
    }
}
