package io.timetocompute.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.timetocompute.events.kafka.ProjectionPublisher;
import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.replanning.LivePlan;

class PublicationHealthIndicatorTest {

    /** Refuses every record as too large, as the broker does with a record over its 1 MB limit. */
    private static final class TooLarge extends MockProducer<String, byte[]> {

        TooLarge() {
            super(true, null, new StringSerializer(), new ByteArraySerializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
            RecordTooLargeException tooLarge = new RecordTooLargeException("The message is 2097250 bytes");
            callback.onCompletion(null, tooLarge);
            return CompletableFuture.failedFuture(tooLarge);
        }

        @Override
        public void close(Duration timeout) {
        }
    }

    @Test
    void aLostRecordTurnsThePublicationDownAndIsCounted() throws InterruptedException {
        TooLarge producer = new TooLarge();
        ProjectionPublisher publisher = new ProjectionPublisher(new KafkaTemplate<>(
                new MockProducerFactory<>(() -> producer)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PublicationHealthIndicator indicator = new PublicationHealthIndicator(publisher, registry);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

        CompletableFuture<LivePlan.Publication> first = new CompletableFuture<>();
        LivePlan plan = new LivePlan(DemoPortfolioGenerator.generate(200, 7), first::complete, Duration.ofMillis(50),
                Duration.ZERO, 1).start();
        try {
            publisher.published("demo", first.join());
        } finally {
            plan.close();
        }

        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("published", 0L);
        assertThat((Long) health.getDetails().get("lost")).isPositive();
        @SuppressWarnings("unchecked")
        Map<String, String> lastLoss = (Map<String, String>) health.getDetails().get("lastLoss");
        assertThat(lastLoss).containsEntry("topic", "ttc.projections.v1");
        assertThat(lastLoss.get("reason")).startsWith("RecordTooLargeException");
        assertThat(registry.get(PublicationHealthIndicator.RECORDS).tag("outcome", "lost").functionCounter().count())
                .isEqualTo(((Long) health.getDetails().get("lost")).doubleValue());
    }
}
