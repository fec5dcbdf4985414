package io.timetocompute.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import io.timetocompute.events.contract.Topics;
import io.timetocompute.api.planning.LivePlans;

/**
 * The service against the real Apache Kafka and MongoDB images. Skipped where no Docker engine runs (as on the
 * project's own machines); it runs wherever Docker exists.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = {"ttc.planning.demo-tasks=300", "ttc.embedded.kafka=false", "ttc.embedded.mongodb=false"})
class RealInfrastructureTest {

    @Container
    @ServiceConnection
    static KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.1");

    @Container
    @ServiceConnection
    static MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

    @Autowired
    LivePlans session;

    @Test
    void publishesEveryBlockAndKeepsTheEventLogInMongo() {
        Set<String> expected = new HashSet<>();
        session.plan(LivePlans.DEMO).portfolio().sites().forEach(site -> site.computeBlocks()
                .forEach(block -> expected.add(LivePlans.DEMO + "/" + site.id() + "/" + block.id())));
        Set<String> seen = new HashSet<>();
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "real-infrastructure-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PROJECTIONS));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> seen.add(record.key()));
                return seen.containsAll(expected);
            });
        }
    }
}
