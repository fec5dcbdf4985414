package io.timetocompute.api.operations;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.RetryListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.timetocompute.events.inbound.EventProcessor;
import io.timetocompute.events.inbound.OutcomeListener;

/**
 * {@code ttc.events.dead_letters}: inbound Kafka records published to the dead-letter topic, both those the listener
 * refuses itself (not a CloudEvent, invalid) and those the error handler gives up on after retries (counted when
 * its recoverer succeeded, so the count matches what is on the topic).
 */
final class DeadLetterMetrics implements RetryListener, OutcomeListener {

    static final String DEAD_LETTERS = "ttc.events.dead_letters";

    private final Counter deadLetters;

    DeadLetterMetrics(MeterRegistry registry) {
        this.deadLetters = Counter.builder(DEAD_LETTERS).description("Inbound records sent to the dead-letter topic")
                .register(registry);
    }

    @Override
    public void processed(String transport, EventProcessor.Status status) {
        if (KAFKA.equals(transport) && status == EventProcessor.Status.REJECTED) {
            deadLetters.increment();
        }
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception exception, int deliveryAttempt) {
        // A retry is coming, or the recoverer: only what ends on the dead-letter topic is counted.
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception exception) {
        deadLetters.increment();
    }

    @Override
    public void recovered(ConsumerRecords<?, ?> records, Exception exception) {
        deadLetters.increment(records.count());
    }
}
