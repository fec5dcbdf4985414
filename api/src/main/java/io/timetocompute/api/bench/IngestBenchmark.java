package io.timetocompute.api.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.timetocompute.api.TtcServiceApplication;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.events.contract.EventTypes;
import io.timetocompute.events.contract.Suppliers;
import io.timetocompute.events.contract.Topics;
import io.timetocompute.events.inbound.EventLog;
import io.timetocompute.events.inbound.InboundEvent;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.projection.ScheduleProjection;

/**
 * Measures the service as the run command starts it (embedded broker and store, demo portfolio), from the outside
 * through Kafka, as a supplier system and a reader of the projections would see it:
 * <ol>
 * <li><b>latency</b>: shipment ETA changes at a steady rate, each one delaying a GPU delivery past the day the plan
 * needs it by, so that it moves a block's date; for each, the time from handing it to the producer to the arrival of the first record on
 * {@code ttc.projections.v1} whose {@code eventIds} name it;</li>
 * <li><b>throughput</b>: ETA changes produced as fast as one producer can, and the time until every one is
 * recorded in the event log, then checks that each is recorded exactly once and none was dead-lettered.</li>
 * </ol>
 * Writes {@code latency.csv} and {@code summary.md} into the output folder and prints the summary. Options (all
 * optional): {@code --tasks 10000 --warm-up-seconds 30 --latency-seconds 150 --interval-ms 200 --events 100000 --out bench-out/ingest
 * --data-dir /tmp/ttc-bench --kafka-port 49092 --store-port 47017 --server-port 48080 --store file}; {@code --store
 * memory} runs the embedded store without its file, to tell the store's share of the time from the service's.
 */
public final class IngestBenchmark {

    private static final Duration ACCOUNTING_LIMIT = Duration.ofMinutes(10);

    private final Map<String, String> options;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> firstProjectionAt = new ConcurrentHashMap<>();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong unacknowledged = new AtomicLong();
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final AtomicReference<RuntimeException> readerFailure = new AtomicReference<>();

    private IngestBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new IngestBenchmark(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        int tasks = option("tasks", 10_000);
        int warmUpSeconds = option("warm-up-seconds", 30);
        int latencySeconds = option("latency-seconds", 150);
        int intervalMillis = option("interval-ms", 200);
        int throughputEvents = option("events", 100_000);
        Path out = Path.of(options.getOrDefault("out", "bench-out/ingest"));
        Path dataDir = Path.of(options.getOrDefault("data-dir", "/tmp/ttc-bench"));
        FileSystemUtils.deleteRecursively(dataDir);
        Files.createDirectories(out);

        long startNanos = System.nanoTime();
        try (ConfigurableApplicationContext service = SpringApplication.run(TtcServiceApplication.class,
                "--ttc.data-dir=" + dataDir, "--ttc.kafka.embedded-port=" + option("kafka-port", 49092),
                "--ttc.mongodb.embedded-port=" + option("store-port", 47017),
                "--server.port=" + option("server-port", 48080), "--ttc.planning.demo-tasks=" + tasks,
                "--ttc.demo.events-enabled=false",
                "--ttc.embedded.mongodb-backend=" + options.getOrDefault("store", "file"),
                "--logging.level.root=warn")) {
            double startSeconds = (System.nanoTime() - startNanos) / 1e9;
            LivePlans session = service.getBean(LivePlans.class);
            waitUntil("the first publication", () -> session.latestPublication(LivePlans.DEMO).isPresent(), Duration.ofMinutes(2));
            String brokers = service.getEnvironment().getRequiredProperty("spring.kafka.bootstrap-servers");
            List<Shipment> open = session.plan(LivePlans.DEMO).portfolio().shipments().stream()
                    .filter(shipment -> shipment.deliveredDate() == null)
                    .sorted(Comparator.comparing(Shipment::id)).toList();
            MongoTemplate store = service.getBean(MongoTemplate.class);
            EventLog eventLog = service.getBean(EventLog.class);

            Thread reader = new Thread(() -> read(brokers), "bench-reader");
            reader.start();
            try (KafkaProducer<String, byte[]> producer = producer(brokers)) {
                // The same stream first for a while after the start, not counted: a service runs for days, and
                // its first seconds (a cold JIT, the solver's first big improvements) are not its steady state.
                int warmUpEvents = latencyPhase(producer, session, open, warmUpSeconds, intervalMillis);
                Thread.sleep(3_000);
                double[] warmUp = latencies();
                sentAt.clear();
                firstProjectionAt.clear();
                int latencyEvents = latencyPhase(producer, session, open, latencySeconds, intervalMillis);
                // let the last projections of the phase arrive before measuring the next one
                Thread.sleep(3_000);
                long movedWithoutProjection = movedPerHistory(store);
                Throughput throughput = throughputPhase(producer, open, throughputEvents,
                        warmUpEvents + latencyEvents, store, eventLog);
                reading.set(false);
                reader.join();
                if (readerFailure.get() != null) {
                    throw new IllegalStateException("the projection reader failed", readerFailure.get());
                }
                report(out, tasks, session.plan(LivePlans.DEMO).portfolio().tasks().size(), startSeconds, warmUpSeconds, warmUp,
                        latencyEvents, movedWithoutProjection, intervalMillis, throughput);
            }
        }
    }

    /** @return how many events it sent */
    private int latencyPhase(KafkaProducer<String, byte[]> producer, LivePlans session, List<Shipment> open,
            int seconds, int intervalMillis) throws Exception {
        int events = seconds * 1000 / intervalMillis;
        // Each event delays one GPU delivery (what sets most blocks' dates) to 30 days after the day the live plan
        // needs it by, so that it moves a block's date: a delay that stays within the shipment's slack moves none,
        // and no projection would name it. The need-by date is read from the plan's latest publication, as a
        // planner would see it in the shipments view.
        List<Shipment> gpuDeliveries = open.stream().filter(shipment -> shipment.id().contains("-GPU-")).toList();
        List<Shipment> delayed = gpuDeliveries.subList(0, Math.min(gpuDeliveries.size(), 25));
        Map<String, LocalDate> lastSent = new HashMap<>();
        long next = System.nanoTime();
        for (int i = 0; i < events; i++) {
            Shipment shipment = delayed.get(i % delayed.size());
            LocalDate newDate = needByDate(session, shipment).plusDays(30);
            LocalDate sentBefore = lastSent.get(shipment.id());
            if (sentBefore != null && !newDate.isAfter(sentBefore)) {
                // the plan has not shown the last delay of this shipment yet
                newDate = sentBefore.plusDays(30);
            }
            lastSent.put(shipment.id(), newDate);
            String id = UUID.randomUUID().toString();
            sentAt.put(id, System.nanoTime());
            send(producer, id, shipment, newDate);
            producer.flush();
            next += intervalMillis * 1_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        return events;
    }

    private static LocalDate needByDate(LivePlans session, Shipment shipment) {
        ScheduleProjection.ShipmentProjection projected = session.latestPublication(LivePlans.DEMO).orElseThrow().projection()
                .shipments().stream().filter(candidate -> candidate.id().equals(shipment.id())).findFirst()
                .orElseThrow();
        LocalDate needBy = projected.needByDate() == null ? projected.arrivalDate() : projected.needByDate();
        return needBy.isAfter(projected.arrivalDate()) ? needBy : projected.arrivalDate();
    }

    private record Throughput(int events, double produceSeconds, double accountedSeconds, long recorded,
            long recordedOfThePhase, long deadLetters, long unacknowledged) {

        double eventsPerSecond() {
            return events / accountedSeconds;
        }
    }

    private Throughput throughputPhase(KafkaProducer<String, byte[]> producer, List<Shipment> open, int events,
            int eventsBefore, MongoTemplate store, EventLog eventLog) throws Exception {
        long expected = (long) eventsBefore + events;
        waitUntil("the latency phase's events in the log", () -> recorded(store) >= eventsBefore,
                Duration.ofMinutes(2));
        List<String> ids = new ArrayList<>(events);
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            Shipment shipment = open.get(i % open.size());
            String id = UUID.randomUUID().toString();
            ids.add(InboundEvent.key(Suppliers.sourceOf(shipment.supplier()), id));
            send(producer, id, shipment, shipment.promisedDate().plusDays(1 + i % 90));
        }
        producer.flush();
        double produceSeconds = (System.nanoTime() - start) / 1e9;
        waitUntil("every event in the log", () -> recorded(store) >= expected, ACCOUNTING_LIMIT);
        double accountedSeconds = (System.nanoTime() - start) / 1e9;
        long recordedOfThePhase = 0;
        for (int from = 0; from < ids.size(); from += 10_000) {
            recordedOfThePhase += eventLog.recordedAmong(ids.subList(from, Math.min(ids.size(), from + 10_000)))
                    .size();
        }
        return new Throughput(events, produceSeconds, accountedSeconds, recorded(store), recordedOfThePhase,
                deadLetters.get(), unacknowledged.get());
    }

    private void read(String brokers) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.PROJECTIONS, Topics.DEAD_LETTERS)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (reading.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    if (record.topic().equals(Topics.DEAD_LETTERS)) {
                        deadLetters.incrementAndGet();
                        continue;
                    }
                    for (JsonNode eventId : PortfolioJson.mapper().readTree(record.value()).path("eventIds")) {
                        if (sentAt.containsKey(eventId.asText())) {
                            firstProjectionAt.putIfAbsent(eventId.asText(), now);
                        }
                    }
                }
            }
        } catch (IOException e) {
            readerFailure.set(new IllegalStateException("an unreadable projection", e));
        } catch (RuntimeException e) {
            readerFailure.set(e);
        }
    }

    /** @return the latencies of the events that a projection named, sorted */
    private double[] latencies() {
        return sentAt.entrySet().stream().filter(sent -> firstProjectionAt.containsKey(sent.getKey()))
                .mapToDouble(sent -> (firstProjectionAt.get(sent.getKey()) - sent.getValue()) / 1e6).sorted()
                .toArray();
    }

    /**
     * @return how many of the events that no projection named the service's own history says moved a date: each
     *         would be a projection lost on the way out
     */
    private long movedPerHistory(MongoTemplate store) {
        List<String> unnamed = sentAt.keySet().stream().filter(id -> !firstProjectionAt.containsKey(id)).toList();
        if (unnamed.isEmpty()) {
            return 0;
        }
        return store.find(Query.query(Criteria.where("eventIds").in(unnamed)), Document.class, "block_dates")
                .stream().flatMap(change -> change.getList("eventIds", String.class).stream())
                .filter(unnamed::contains).distinct().count();
    }

    private void report(Path out, int demoTasks, int tasks, double startSeconds, int warmUpSeconds, double[] warmUp,
            int latencyEvents, long movedWithoutProjection, int intervalMillis, Throughput throughput)
            throws IOException {
        StringBuilder csv = new StringBuilder("event_id,sent_after_ms,latency_ms\n");
        List<Double> latencies = new ArrayList<>();
        long firstSent = sentAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
        sentAt.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(sent -> {
            String id = sent.getKey();
            Long arrived = firstProjectionAt.get(id);
            double millis = arrived == null ? Double.NaN : (arrived - sent.getValue()) / 1e6;
            csv.append(id).append(',').append((sent.getValue() - firstSent) / 1_000_000).append(',')
                    .append(arrived == null ? "" : String.format(Locale.ROOT, "%.1f", millis)).append('\n');
            if (arrived != null) {
                latencies.add(millis);
            }
        });
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        String summary = String.format(Locale.ROOT, """
                # Ingest benchmark, %s

                Demo portfolio of %d tasks (asked for %d); service started in %.1f s.

                ## Latency: event produced -> first projection naming it on ttc.projections.v1

                %d ETA changes, one every %d ms, after %d s of the same stream not counted (its p50 %.0f ms, p99 %.0f ms). \
                With a projection naming it: %d; without: %d, of which the service's history says %d moved a date.

                | p50 | p90 | p99 | max |
                |---|---|---|---|
                | %.0f ms | %.0f ms | %.0f ms | %.0f ms |

                ## Throughput: events produced as fast as possible -> all recorded in the event log

                | events | produced in | all recorded after | rate | recorded in total | of this phase | dead letters | sends not acknowledged |
                |---|---|---|---|---|---|---|---|
                | %d | %.1f s | %.1f s | %.0f events/s | %d | %d | %d | %d |
                """, Instant.now().atOffset(ZoneOffset.UTC).withNano(0), tasks, demoTasks, startSeconds,
                latencyEvents, intervalMillis, warmUpSeconds, percentile(warmUp, 50), percentile(warmUp, 99),
                sorted.length, latencyEvents - sorted.length, movedWithoutProjection, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1], throughput.events(),
                throughput.produceSeconds(), throughput.accountedSeconds(), throughput.eventsPerSecond(),
                throughput.recorded(), throughput.recordedOfThePhase(), throughput.deadLetters(),
                throughput.unacknowledged());
        Files.writeString(out.resolve("latency.csv"), csv);
        Files.writeString(out.resolve("summary.md"), summary);
        System.out.println(summary);
        System.out.println("written to " + out.toAbsolutePath());
    }

    private static double percentile(double[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private void send(KafkaProducer<String, byte[]> producer, String id, Shipment shipment, LocalDate date) {
        String data = "{\"shipmentId\":\"" + shipment.id() + "\",\"newDate\":\"" + date + "\"}";
        var event = CloudEventBuilder.v1().withId(id).withType(EventTypes.SHIPMENT_ETA_CHANGED)
                .withSource(URI.create(Suppliers.sourceOf(shipment.supplier())))
                .withTime(Instant.now().atOffset(ZoneOffset.UTC)).withDataContentType("application/json")
                .withData(data.getBytes(StandardCharsets.UTF_8)).build();
        producer.send(KafkaMessageFactory.<String>createWriter(Topics.SUPPLY, shipment.id()).writeBinary(event),
                (metadata, exception) -> {
                    if (exception != null) {
                        unacknowledged.incrementAndGet();
                    }
                });
    }

    private static KafkaProducer<String, byte[]> producer(String brokers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                // KAFKA-15591, as for the service's own producers
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static long recorded(MongoTemplate store) {
        return store.getCollection("inbound_events").estimatedDocumentCount();
    }

    private static void waitUntil(String what, Supplier<Boolean> done, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": not within " + limit);
            }
            Thread.sleep(50);
        }
    }

    private int option(String name, int defaultValue) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(defaultValue)));
    }
}
