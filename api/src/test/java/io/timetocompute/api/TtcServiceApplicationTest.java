package io.timetocompute.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import io.timetocompute.events.contract.Topics;
import io.timetocompute.api.planning.LivePlans;

/** The service starts on the demo portfolio and publishes a projection of every compute block. */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "ttc.planning.demo-tasks=300"})
@EmbeddedKafka(partitions = 3)
class TtcServiceApplicationTest {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    LivePlans session;

    @Test
    void publishesTheDemoPortfoliosProjections() {
        Set<String> expected = new HashSet<>();
        session.plan(LivePlans.DEMO).portfolio().sites().forEach(site -> site.computeBlocks()
                .forEach(block -> expected.add(LivePlans.DEMO + "/" + site.id() + "/" + block.id())));
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "projections-reader", false);
        props.put("auto.offset.reset", "earliest");
        Set<String> seen = new HashSet<>();
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(Topics.PROJECTIONS));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> seen.add(record.key()));
                return seen.containsAll(expected);
            });
        }
        assertThat(seen).containsAll(expected).isNotEmpty();
    }

    @Test
    void theProjectionsTopicIsTheDeclaredOneCompactedInOnePartition() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            TopicDescription topic = admin.describeTopics(List.of(Topics.PROJECTIONS)).allTopicNames().get()
                    .get(Topics.PROJECTIONS);
            assertThat(topic.partitions()).hasSize(1);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PROJECTIONS);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }
}
