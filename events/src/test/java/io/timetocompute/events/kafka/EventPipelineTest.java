package io.timetocompute.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import com.fasterxml.jackson.databind.JsonNode;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.timetocompute.events.contract.EventTypes;
import io.timetocompute.events.contract.Suppliers;
import io.timetocompute.events.contract.Topics;
import io.timetocompute.events.inbound.PortfolioRouting;
import io.timetocompute.events.EventsTestApplication;
import io.timetocompute.events.inbound.EventLog;
import io.timetocompute.events.inbound.InboundEvent;
import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.portfolio.PortfolioJson;

/**
 * The whole pipeline on a real (embedded, KRaft) Kafka broker: a plain producer publishes CloudEvents as a supplier
 * system would, and the test reads what the service publishes.
 */
@SpringBootTest(classes = io.timetocompute.events.EventsTestApplication.class, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.consumer.auto-offset-reset=earliest",
        "spring.kafka.consumer.key-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
        "spring.kafka.consumer.value-deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
        "spring.kafka.producer.key-serializer=org.apache.kafka.common.serialization.StringSerializer",
        "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.ByteArraySerializer"})
@EmbeddedKafka(partitions = 1)
class EventPipelineTest {

    private static final LocalDate DAY0 = TestPortfolios.DATA_DATE;
    private static final String NORTHGATE = Suppliers.sourceOf("Northgate");
    /** Key of the events the routing test sends, which the other tests' dead-letter counts leave out. */
    private static final String ROUTING = "routing";

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventLog eventLog;

    private Producer<String, byte[]> producer;
    private Consumer<String, byte[]> consumer;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
                new ByteArraySerializer());
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
        consumer.subscribe(List.of(Topics.PROJECTIONS, Topics.TIMELINE, Topics.DEAD_LETTERS, Topics.SUPPLIER_NEEDS));
    }

    @AfterEach
    void disconnect() {
        producer.close();
        consumer.close();
    }

    @Test
    void anEtaChangeMovesExactlyTheBlockThatWaitsAndExplainsWhy() {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll(seen);
            return latestOnline(seen, "two-sites/A/A-H1") != null;
        });
        assertThat(latestOnline(seen, "two-sites/A/A-H1")).isEqualTo(DAY0.plusDays(47));

        String id = send(Topics.SUPPLY, "A-XFMR", EventTypes.SHIPMENT_ETA_CHANGED, NORTHGATE,
                "{\"shipmentId\":\"A-XFMR\",\"newDate\":\"" + DAY0.plusDays(70) + "\",\"reason\":\"port congestion\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll(seen);
            return DAY0.plusDays(77).equals(latestOnline(seen, "two-sites/A/A-H1")) && records(seen, Topics.TIMELINE).stream()
                    .anyMatch(r -> json(r).get("eventIds").toString().contains(id));
        });
        JsonNode timeline = records(seen, Topics.TIMELINE).stream().map(EventPipelineTest::json)
                .filter(node -> node.get("blockId").asText().equals("A-H1")).reduce((a, b) -> b).orElseThrow();
        assertThat(timeline.get("deltaDays").asLong()).isEqualTo(30);
        assertThat(timeline.get("cause").asText()).contains("A-XFMR", "port congestion");
        assertThat(timeline.get("eventIds").get(0).asText()).isEqualTo(id);
        assertThat(timeline.get("itMw").asDouble()).isEqualTo(50);
        // no other block moved because of it
        assertThat(records(seen, Topics.PROJECTIONS)).filteredOn(r -> json(r).get("eventIds").toString().contains(id))
                .extracting(ConsumerRecord::key).containsOnly("two-sites/A/A-H1");
        assertThat(records(seen, Topics.TIMELINE)).filteredOn(r -> json(r).get("eventIds").toString().contains(id))
                .extracting(ConsumerRecord::key).containsOnly("two-sites/A/A-H1");
        assertThat(header(records(seen, Topics.PROJECTIONS).get(0), "ce_type"))
                .isEqualTo(EventTypes.BLOCK_PROJECTION);
    }

    @Test
    void badEventsAreDeadLetteredWithTheirReasonAndGoodOnesBehindThemStillApply() {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        send(Topics.SUPPLY, "B-XFMR", EventTypes.SHIPMENT_ETA_CHANGED, NORTHGATE, "{\"shipmentId\": oops");
        send(Topics.SUPPLY, "B-XFMR", "io.timetocompute.supply.shipment.teleported.v1", NORTHGATE,
                "{\"shipmentId\":\"B-XFMR\"}");
        send(Topics.SUPPLY, "NOPE", EventTypes.SHIPMENT_ETA_CHANGED, NORTHGATE,
                "{\"shipmentId\":\"NOPE\",\"newDate\":\"" + DAY0.plusDays(9) + "\"}");
        send(Topics.LABOR, "B-ELEC", EventTypes.LABOR_UNAVAILABLE, "/field/b",
                "{\"poolId\":\"B-ELEC\",\"from\":\"" + DAY0.plusDays(9) + "\",\"to\":\"" + DAY0.plusDays(3) + "\"}");
        send(Topics.SUPPLY, "B-XFMR", EventTypes.SHIPMENT_ETA_CHANGED, Suppliers.sourceOf("Someone Else"),
                "{\"shipmentId\":\"B-XFMR\",\"newDate\":\"" + DAY0.plusDays(9) + "\"}");
        send(Topics.PROGRESS, "GHOST", EventTypes.TASK_STARTED, "/field/b",
                "{\"taskId\":\"GHOST\",\"startedOn\":\"" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "\"}");
        producer.send(new ProducerRecord<>(Topics.SUPPLY, "B-XFMR", "plain bytes, no CloudEvent".getBytes()));
        // A supplier's source setting a labor pool's headcount, and an event dated into next year.
        send(Topics.LABOR, "B-ELEC", EventTypes.LABOR_CAPACITY_CHANGED, NORTHGATE,
                "{\"poolId\":\"B-ELEC\",\"headcount\":0}");
        sendWithId(UUID.randomUUID().toString(), Topics.SUPPLY, "B-XFMR", EventTypes.SHIPMENT_ETA_CHANGED, NORTHGATE,
                "{\"shipmentId\":\"B-XFMR\",\"newDate\":\"" + DAY0.plusDays(90) + "\"}",
                OffsetDateTime.now().plusYears(1));
        send(Topics.SUPPLY, "B-XFMR", EventTypes.SHIPMENT_ETA_CHANGED, NORTHGATE,
                "{\"shipmentId\":\"B-XFMR\",\"newDate\":\"" + DAY0.plusDays(60) + "\"}");
        producer.flush();

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll(seen);
            return records(seen, Topics.DEAD_LETTERS).stream().filter(r -> !r.key().startsWith(ROUTING)).count() >= 9
                    && DAY0.plusDays(67).equals(latestOnline(seen, "two-sites/B/B-H1"));
        });
        List<String> reasons = records(seen, Topics.DEAD_LETTERS).stream()
                .filter(r -> !r.key().startsWith(ROUTING))
                .map(r -> header(r, EventsKafkaConfiguration.REASON_HEADER)).toList();
        assertThat(reasons).hasSize(9);
        assertThat(reasons).anyMatch(reason -> reason.contains("may send only supply events"))
                .anyMatch(reason -> reason.contains("ahead of the service's clock"))
                .noneMatch(reason -> reason.contains("Northgate"));
        // The reason, not the service's insides: no exception class, message or stack trace headers.
        assertThat(records(seen, Topics.DEAD_LETTERS)).allSatisfy(record -> {
            assertThat(record.headers().lastHeader("kafka_dlt-exception-stacktrace")).isNull();
            assertThat(record.headers().lastHeader("kafka_dlt-exception-fqcn")).isNull();
            assertThat(record.headers().lastHeader("kafka_dlt-exception-message")).isNull();
            assertThat(header(record, "kafka_dlt-original-topic")).isNotBlank();
        });
        assertThat(reasons).anyMatch(reason -> reason.contains("malformed data"))
                .anyMatch(reason -> reason.contains("unknown type"))
                .anyMatch(reason -> reason.contains("has no shipment NOPE"))
                .anyMatch(reason -> reason.contains("before it starts"))
                .anyMatch(reason -> reason.contains("has no shipment B-XFMR"))
                .anyMatch(reason -> reason.contains("unknown task GHOST"))
                .anyMatch(reason -> reason.contains("not a CloudEvent"));
    }

    @Test
    void everyOutputRecordNamesItsPortfolioAndAnEventNamingAnotherPortfolioIsDeadLettered() {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        String elsewhere = sendTo("elsewhere", Topics.SUPPLY, ROUTING + "-1", EventTypes.SHIPMENT_ETA_CHANGED,
                NORTHGATE, "{\"shipmentId\":\"A-XFMR\",\"newDate\":\"" + DAY0.plusDays(5) + "\"}");
        String unknownShipment = sendTo(EventsTestApplication.PORTFOLIO, Topics.SUPPLY, ROUTING + "-2",
                EventTypes.SHIPMENT_ETA_CHANGED, NORTHGATE,
                "{\"shipmentId\":\"NOWHERE\",\"newDate\":\"" + DAY0.plusDays(5) + "\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll(seen);
            return records(seen, Topics.DEAD_LETTERS).stream().filter(r -> r.key().startsWith(ROUTING)).count() >= 2
                    && !records(seen, Topics.PROJECTIONS).isEmpty();
        });
        ConsumerRecord<String, byte[]> refusedBeforeRouting = records(seen, Topics.DEAD_LETTERS).stream()
                .filter(r -> elsewhere.equals(header(r, "ce_id"))).findFirst().orElseThrow();
        assertThat(header(refusedBeforeRouting, EventsKafkaConfiguration.REASON_HEADER))
                .contains("names portfolio 'elsewhere'");
        assertThat(header(refusedBeforeRouting, EventsKafkaConfiguration.PORTFOLIO_HEADER)).isNull();
        ConsumerRecord<String, byte[]> refusedByItsPortfolio = records(seen, Topics.DEAD_LETTERS).stream()
                .filter(r -> unknownShipment.equals(header(r, "ce_id"))).findFirst().orElseThrow();
        assertThat(header(refusedByItsPortfolio, EventsKafkaConfiguration.REASON_HEADER))
                .contains("has no shipment NOWHERE");
        assertThat(header(refusedByItsPortfolio, EventsKafkaConfiguration.PORTFOLIO_HEADER))
                .isEqualTo(EventsTestApplication.PORTFOLIO);
        assertThat(records(seen, Topics.PROJECTIONS)).allSatisfy(record -> {
            assertThat(record.key()).startsWith(EventsTestApplication.PORTFOLIO + "/");
            assertThat(header(record, EventsKafkaConfiguration.PORTFOLIO_HEADER))
                    .isEqualTo(EventsTestApplication.PORTFOLIO);
            assertThat(header(record, "ce_" + PortfolioRouting.EXTENSION)).isEqualTo(EventsTestApplication.PORTFOLIO);
        });
    }

    @Test
    void suppliersLearnTheNeedByDatesOfTheirShipmentsOnATopicKeyedBySupplier() {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll(seen);
            return records(seen, Topics.SUPPLIER_NEEDS).stream()
                    .anyMatch(r -> json(r).get("shipmentId").asText().equals("A-XFMR"));
        });
        ConsumerRecord<String, byte[]> need = records(seen, Topics.SUPPLIER_NEEDS).stream()
                .filter(r -> json(r).get("shipmentId").asText().equals("A-XFMR")).findFirst().orElseThrow();
        assertThat(need.key()).isEqualTo("northgate");
        assertThat(header(need, EventsKafkaConfiguration.PORTFOLIO_HEADER)).isEqualTo(EventsTestApplication.PORTFOLIO);
        assertThat(header(need, "ce_type")).isEqualTo(EventTypes.NEED_BY_CHANGED);
        JsonNode data = json(need);
        assertThat(data.get("portfolioId").asText()).isEqualTo(EventsTestApplication.PORTFOLIO);
        assertThat(data.get("supplier").asText()).isEqualTo("northgate");
        assertThat(LocalDate.parse(data.get("needByDate").asText())).isAfter(DAY0);
        assertThat(records(seen, Topics.SUPPLIER_NEEDS))
                .allSatisfy(r -> assertThat(json(r).get("supplier").asText()).isEqualTo(r.key()));
    }

    @Test
    void aDuplicateIsAppliedOnce() {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        String id = UUID.randomUUID().toString();
        String data = "{\"poolId\":\"A-CIVIL\",\"from\":\"" + DAY0 + "\",\"to\":\"" + DAY0.plusDays(30)
                + "\",\"delta\":-45,\"reason\":\"storm\"}";
        sendWithId(id, Topics.LABOR, "A-CIVIL", EventTypes.LABOR_CAPACITY_CHANGED, "/field/a", data);
        sendWithId(id, Topics.LABOR, "A-CIVIL", EventTypes.LABOR_CAPACITY_CHANGED, "/field/a", data);
        producer.flush();

        // 50 - 45 = 5 civil workers instead of the 10 site prep needs: it waits for the storm to pass (day 31)
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll(seen);
            return eventLog.contains(InboundEvent.key("/field/a", id)) && DAY0.plusDays(31 + 10 + 20)
                    .equals(latestOnline(seen, "two-sites/A/A-H2"));
        });
        long applications = records(seen, Topics.TIMELINE).stream().map(EventPipelineTest::json)
                .filter(node -> node.get("eventIds").toString().contains(id)).map(node -> node.get("version"))
                .distinct().count();
        assertThat(applications).isEqualTo(1);
    }

    private String send(String topic, String key, String type, String source, String data) {
        String id = UUID.randomUUID().toString();
        sendWithId(id, topic, key, type, source, data);
        return id;
    }

    private String sendTo(String portfolio, String topic, String key, String type, String source, String data) {
        String id = UUID.randomUUID().toString();
        var event = CloudEventBuilder.v1().withId(id).withType(type).withSource(URI.create(source))
                .withTime(OffsetDateTime.now()).withDataContentType("application/json")
                .withExtension(PortfolioRouting.EXTENSION, portfolio)
                .withData(data.getBytes(StandardCharsets.UTF_8)).build();
        producer.send(KafkaMessageFactory.<String>createWriter(topic, key).writeBinary(event));
        producer.flush();
        return id;
    }

    private void sendWithId(String id, String topic, String key, String type, String source, String data) {
        sendWithId(id, topic, key, type, source, data, OffsetDateTime.now());
    }

    private void sendWithId(String id, String topic, String key, String type, String source, String data,
            OffsetDateTime time) {
        var event = CloudEventBuilder.v1().withId(id).withType(type).withSource(URI.create(source))
                .withTime(time).withDataContentType("application/json")
                .withData(data.getBytes(StandardCharsets.UTF_8)).build();
        producer.send(KafkaMessageFactory.<String>createWriter(topic, key).writeBinary(event));
        producer.flush();
    }

    private void poll(List<ConsumerRecord<String, byte[]>> seen) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    private static List<ConsumerRecord<String, byte[]>> records(List<ConsumerRecord<String, byte[]>> seen,
            String topic) {
        return seen.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    private static LocalDate latestOnline(List<ConsumerRecord<String, byte[]>> seen, String key) {
        return records(seen, Topics.PROJECTIONS).stream().filter(r -> key.equals(r.key()))
                .map(r -> LocalDate.parse(json(r).get("onlineDate").asText())).reduce((a, b) -> b).orElse(null);
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return PortfolioJson.mapper().readTree(record.value());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
