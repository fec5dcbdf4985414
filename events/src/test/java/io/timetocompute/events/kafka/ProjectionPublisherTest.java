package io.timetocompute.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import io.timetocompute.events.contract.Topics;
import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.replanning.LivePlan;

class ProjectionPublisherTest {

    /** A producer whose sends to one topic fail with the given exception, the first {@code failures} times. */
    private static final class FailingProducer extends MockProducer<String, byte[]> {

        private final String topic;
        private final RuntimeException exception;
        private final AtomicInteger failures;

        FailingProducer(String topic, RuntimeException exception, int failures) {
            super(true, null, new StringSerializer(), new ByteArraySerializer());
            this.topic = topic;
            this.exception = exception;
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
            if (record.topic().equals(topic) && failures.getAndDecrement() > 0) {
                callback.onCompletion(null, exception);
                return CompletableFuture.failedFuture(exception);
            }
            return super.send(record, callback);
        }

        /** The template closes its producer after each send; the real factory's producers ignore that too. */
        @Override
        public void close(Duration timeout) {
        }
    }

    private static LivePlan.Publication firstPublication() throws InterruptedException {
        CompletableFuture<LivePlan.Publication> first = new CompletableFuture<>();
        LivePlan plan = new LivePlan(TestPortfolios.twoSites(), first::complete, Duration.ofMillis(50),
                Duration.ZERO, 1).start();
        try {
            return first.join();
        } finally {
            plan.close();
        }
    }

    @Test
    void aRecordThatCannotBePublishedIsCountedAndReportedNotDroppedSilently() throws InterruptedException {
        LivePlan.Publication publication = firstPublication();
        FailingProducer producer = new FailingProducer(Topics.PROJECTIONS,
                new RecordTooLargeException("The message is 2097152 bytes when serialized"), 1);
        ProjectionPublisher publisher = new ProjectionPublisher(new KafkaTemplate<>(
                new MockProducerFactory<>(() -> producer)));

        publisher.published("demo", publication);

        int blocks = publication.changes().size();
        assertThat(publisher.lostRecords()).isEqualTo(1);
        assertThat(publisher.publishedRecords()).isEqualTo(blocks - 1);
        assertThat(publisher.lastLoss()).hasValueSatisfying(loss -> {
            assertThat(loss.topic()).isEqualTo(Topics.PROJECTIONS);
            assertThat(loss.reason()).startsWith("RecordTooLargeException");
        });
        // Permanent: not sent again.
        assertThat(producer.history()).hasSize(blocks - 1);
    }

    @Test
    void aRecordThatFailedForATransientReasonIsSentOnceMore() throws InterruptedException {
        LivePlan.Publication publication = firstPublication();
        FailingProducer producer = new FailingProducer(Topics.PROJECTIONS,
                new NotLeaderOrFollowerException("leader moved"), 1);
        ProjectionPublisher publisher = new ProjectionPublisher(new KafkaTemplate<>(
                new MockProducerFactory<>(() -> producer)));

        publisher.published("demo", publication);

        assertThat(publisher.lostRecords()).isZero();
        assertThat(publisher.lastLoss()).isEmpty();
        assertThat(publisher.publishedRecords()).isEqualTo(publication.changes().size());
        assertThat(producer.history()).extracting(ProducerRecord::key).hasSize(publication.changes().size())
                .doesNotHaveDuplicates();
        assertThat(List.copyOf(producer.history())).allSatisfy(record ->
                assertThat(record.topic()).isEqualTo(Topics.PROJECTIONS));
    }
}
