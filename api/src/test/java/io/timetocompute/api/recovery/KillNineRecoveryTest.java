package io.timetocompute.api.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import io.timetocompute.api.FreePorts;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.timetocompute.api.TtcServiceApplication;
import io.timetocompute.events.contract.EventTypes;
import io.timetocompute.events.contract.Suppliers;
import io.timetocompute.events.contract.Topics;
import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;

/**
 * The run command's service, as a separate process with its embedded broker and store, is killed with SIGKILL in
 * the middle of a stream of events and started again on the same data: every event ends up in the event log exactly
 * once. The store is committed before the offset of an event can be, so a killed process loses nothing; an event
 * processed but not yet committed comes again and is recognized by its id. The plan rebuilt after the restart (the
 * stored portfolio plus a replay of the applied events) still has what an event did before the kill.
 * <p>
 * It once stalled after the restart with 762 of 800 events recorded: its own producer sent with several requests in
 * flight and never looked at the results, so records lost to KAFKA-15591 (the first records to a just-created
 * partition) went unnoticed. It now sends with one request in flight, as the service does, and checks that the
 * broker acknowledged every event.
 * <p>
 * A second stall (932 of 4,001 recorded, every event acknowledged, "already existed" on insert) came from the
 * embedded store: mongo-java-server puts a document and its _id index entry one after the other, and a version of
 * the file written between the two (by the MVStore's background commit, its commit when unsaved changes pass the
 * buffer size, or the event log's commit while another thread inserted) held the document without the entry; after
 * the kill the replayed event was refused as existing while no query found it. The store now writes only on
 * explicit commits, and a commit waits for the commands in progress ({@link EmbeddedStoreKillTest} checks that).
 * <p>
 * It runs twice: as the quick start runs (one process with its embedded broker and store), and split as several
 * instances on one machine run ({@code --ttc.role=infrastructure} in one process, which lives on, and
 * {@code --ttc.role=service} in the one killed), where the store commits journaled writes itself.
 * The service logs of a failed run stay in its temporary folder.
 */
class KillNineRecoveryTest {

    /** Several polls of the service, so that the kill lands in the middle of the stream. */
    private static final int EVENTS = 4_000;
    private static final int DEMO_TASKS = 300;
    /** Correctness, not speed, is tested here: a loaded machine may take minutes to start and catch up. */
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    private Process service;
    private Process infrastructure;
    private boolean split;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            service.destroyForcibly().waitFor();
        }
        if (infrastructure != null) {
            infrastructure.destroy();
            if (!infrastructure.waitFor(30, TimeUnit.SECONDS)) {
                infrastructure.destroyForcibly();
            }
        }
    }

    @ParameterizedTest(name = "infrastructure in its own process: {0}")
    @ValueSource(booleans = { false, true })
    void nothingIsLostNothingIsRecordedTwiceAndThePlanKeepsWhatEventsDid(boolean split) throws Exception {
        this.split = split;
        int kafkaPort = FreePorts.pair();
        int mongoPort = FreePorts.one();
        Portfolio demo = DemoPortfolioGenerator.generate(DEMO_TASKS, 42);
        String streamSite = demo.sites().get(0).id();
        List<Shipment> streamed = demo.shipments().stream()
                .filter(shipment -> shipment.siteId().equals(streamSite) && shipment.deliveredDate() == null)
                .toList();
        // A GPU delivery at another site than the stream's, delayed by years: its block's date is then set by it
        // alone, whatever the stream does.
        Shipment gpus = demo.shipments().stream().filter(shipment -> shipment.id().contains("-GPU-")
                && shipment.deliveredDate() == null && !shipment.siteId().equals(streamSite))
                .findFirst().orElseThrow();

        if (split) {
            infrastructure = launch(dataDir.resolve("infrastructure.log"), "--ttc.role=infrastructure",
                    "--ttc.data-dir=" + dataDir, "--ttc.kafka.embedded-port=" + kafkaPort,
                    "--ttc.mongodb.embedded-port=" + mongoPort);
            waitForPort(kafkaPort, PATIENCE);
            waitForPort(mongoPort, PATIENCE);
        }
        service = start(kafkaPort, mongoPort, "first");
        waitForPort(kafkaPort, PATIENCE);
        String delay = UUID.randomUUID().toString();
        try (var producer = producer(kafkaPort); MongoClient store = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            MongoCollection<Document> versions = store.getDatabase("ttc").getCollection("schedule_versions");
            waitFor(() -> versions.find().first(), PATIENCE);
            send(producer, List.of(eta(delay, gpus, gpus.promisedDate().plusYears(3), OffsetDateTime.now())));
            // SHP-OH1-H1-GPU-1 is for block OH1-H1
            String block = String.join("-", List.of(gpus.id().split("-")).subList(1, 3));
            LocalDate delayedArrival = gpus.promisedDate().plusYears(3);
            waitFor(() -> latest(versions, new Document())
                    .filter(version -> blockDate(version, block).isAfter(delayedArrival)).orElse(null),
                    PATIENCE);

            List<String> ids = new ArrayList<>(List.of(delay));
            List<ProducerRecord<String, byte[]>> stream = stream(streamed);
            stream.forEach(record -> ids.add(id(record)));
            send(producer, stream);
            long recordedBeforeKill = waitUntil(() -> count(store), count -> count >= EVENTS / 5,
                    PATIENCE);
            service.destroyForcibly().waitFor();
            assertThat(recordedBeforeKill).as("killed in the middle of the stream").isLessThan(EVENTS + 1);

            Instant restartedAt = Instant.now();
            service = start(kafkaPort, mongoPort, "second");
            waitForPort(mongoPort, PATIENCE);
            try (MongoClient restarted = MongoClients.create("mongodb://localhost:" + mongoPort)) {
                waitUntil(() -> count(restarted), count -> count >= ids.size(), PATIENCE);
                Set<String> recorded = new HashSet<>();
                for (Document event : restarted.getDatabase("ttc").getCollection("inbound_events").find()) {
                    recorded.add(event.getString("eventId"));
                }
                assertThat(count(restarted)).isEqualTo(ids.size());
                assertThat(recorded).containsExactlyInAnyOrderElementsOf(ids);
                assertThat(restarted.getDatabase("ttc").getCollection("inbound_events")
                        .countDocuments(new Document("status", "APPLIED"))).isEqualTo(ids.size());

                // Without the replay the block would be back before the original delivery date. (Its exact date
                // may differ by days: the solver plans the crews afresh after a restart.)
                Document firstAfterRestart = waitFor(() -> latest(restarted.getDatabase("ttc")
                        .getCollection("schedule_versions"), new Document("publishedAt",
                                new Document("$gt", Date.from(restartedAt)))).orElse(null), PATIENCE);
                assertThat(blockDate(firstAfterRestart, block))
                        .as("the rebuilt plan still has the delay of " + gpus.id()).isAfter(delayedArrival);
            }
        }
    }

    private static Optional<Document> latest(MongoCollection<Document> versions, Document filter) {
        return Optional.ofNullable(versions.find(filter).sort(new Document("version", -1)).first());
    }

    private static LocalDate blockDate(Document version, String block) {
        return version.getList("blockDates", Document.class).stream()
                .filter(date -> date.getString("blockId").equals(block))
                .map(date -> localDate(date.getDate("onlineDate"))).findFirst().orElseThrow();
    }

    /** Spring Data stores a LocalDate as the start of that day in the default time zone. */
    private static LocalDate localDate(Date stored) {
        return stored.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }

    private static String id(ProducerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }

    private static ProducerRecord<String, byte[]> eta(String id, Shipment shipment, LocalDate newDate,
            OffsetDateTime time) {
        String data = "{\"shipmentId\":\"" + shipment.id() + "\",\"newDate\":\"" + newDate + "\"}";
        var event = CloudEventBuilder.v1().withId(id).withType(EventTypes.SHIPMENT_ETA_CHANGED)
                .withSource(URI.create(Suppliers.sourceOf(shipment.supplier()))).withTime(time)
                .withDataContentType("application/json").withData(data.getBytes(StandardCharsets.UTF_8)).build();
        return KafkaMessageFactory.<String>createWriter(Topics.SUPPLY, shipment.id()).writeBinary(event);
    }

    private Process start(int kafkaPort, int mongoPort, String name) throws IOException {
        List<String> where = split
                ? List.of("--ttc.role=service", "--spring.kafka.bootstrap-servers=localhost:" + kafkaPort,
                        "--spring.mongodb.uri=mongodb://localhost:" + mongoPort + "/ttc")
                : List.of("--ttc.data-dir=" + dataDir, "--ttc.kafka.embedded-port=" + kafkaPort,
                        "--ttc.mongodb.embedded-port=" + mongoPort, "--ttc.embedded.mongodb-backend=h2");
        List<String> arguments = new ArrayList<>(where);
        arguments.addAll(List.of("--server.port=0", "--ttc.planning.demo-tasks=" + DEMO_TASKS,
                // publish the solver's own improvements at once: the test waits for the repaired plan
                "--ttc.planning.reoptimization-interval=0s",
                "--logging.level.root=warn"));
        return launch(dataDir.resolve(name + ".log"), arguments.toArray(String[]::new));
    }

    static Process launch(Path log, String... arguments) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", classpath,
                TtcServiceApplication.class.getName()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** One request in flight, as the service's own producers (KAFKA-15591). */
    private static KafkaProducer<String, byte[]> producer(int kafkaPort) {
        return new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends and waits until the broker has acknowledged every record: a lost one fails here, not as a stall. */
    private static void send(KafkaProducer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> records)
            throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        records.forEach(record -> sent.add(producer.send(record)));
        producer.flush();
        for (Future<RecordMetadata> acknowledgement : sent) {
            acknowledgement.get(30, TimeUnit.SECONDS);
        }
    }

    /** ETA changes of the open shipments of one site, a few days either side of their promised dates. */
    private static List<ProducerRecord<String, byte[]>> stream(List<Shipment> shipments) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 0; i < EVENTS; i++) {
            Shipment shipment = shipments.get(i % shipments.size());
            records.add(eta(UUID.randomUUID().toString(), shipment, shipment.promisedDate().plusDays(i % 11 - 5),
                    now.plusNanos(i * 1000L)));
        }
        return records;
    }

    private static long count(MongoClient store) {
        try {
            return store.getDatabase("ttc").getCollection("inbound_events").countDocuments();
        } catch (RuntimeException notYetUp) {
            return -1;
        }
    }

    private long waitUntil(java.util.function.LongSupplier value, java.util.function.LongPredicate done,
            Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            long current = value.getAsLong();
            if (done.test(current)) {
                return current;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not reached within " + limit + "; last value " + value.getAsLong()
                + " (service logs in " + dataDir + ")");
    }

    private static <T> T waitFor(java.util.function.Supplier<T> value, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            T current;
            try {
                current = value.get();
            } catch (RuntimeException notYetUp) {
                current = null;
            }
            if (current != null) {
                return current;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nothing within " + limit);
    }

    private static void waitForPort(int port, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try (var socket = new java.net.Socket("localhost", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("port " + port + " not open within " + limit);
    }
}
