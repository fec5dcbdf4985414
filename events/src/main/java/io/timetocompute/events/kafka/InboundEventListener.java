package io.timetocompute.events.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import io.timetocompute.events.contract.Topics;
import io.timetocompute.events.inbound.EventProcessor;
import io.timetocompute.events.inbound.InboundEvent;
import io.timetocompute.events.inbound.InvalidEventException;
import io.timetocompute.events.inbound.OutcomeListener;

/**
 * Reads supply, labor and progress events (CloudEvents in binary content mode), a whole poll at a time, and hands
 * them to the {@link EventProcessor} as one batch. Refused records are dead-lettered through the same
 * {@link DeadLetterPublishingRecoverer} as the error handler's, with their reason, while the good ones of the batch
 * apply. The listener returns only after the batch is recorded in the store, so the container commits the batch's
 * offsets after that, never before.
 */
@Component
class InboundEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(InboundEventListener.class);

    private final EventProcessor processor;
    private final DeadLetterPublishingRecoverer deadLetters;

    InboundEventListener(EventProcessor processor, DeadLetterPublishingRecoverer deadLetters) {
        this.processor = processor;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(id = "ttc-replanner", topics = {Topics.SUPPLY, Topics.LABOR, Topics.PROGRESS}, batch = "true")
    void onEvents(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        Instant receivedAt = Instant.now();
        List<ConsumerRecord<String, byte[]>> cloudEventRecords = new ArrayList<>(records.size());
        List<InboundEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            CloudEvent event;
            try {
                event = KafkaMessageFactory.createReader(record).toEvent();
            } catch (CloudEventRWException | IllegalStateException e) {
                deadLetters.accept(record, consumer, new InvalidEventException("not a CloudEvent in binary content "
                        + "mode (topic " + record.topic() + ", offset " + record.offset() + "): " + e.getMessage(), e));
                processor.refusedByTransport(OutcomeListener.KAFKA);
                continue;
            }
            cloudEventRecords.add(record);
            events.add(InboundEvent.of(event, receivedAt));
        }
        List<EventProcessor.Outcome> outcomes = processor.processAll(events, OutcomeListener.KAFKA, (index, reason) ->
                deadLetters.accept(cloudEventRecords.get(index), consumer, new InvalidEventException(reason)));
        if (LOG.isDebugEnabled()) {
            for (int i = 0; i < events.size(); i++) {
                LOG.debug("{} {} on {}: {} {}", events.get(i).type(), events.get(i).id(),
                        cloudEventRecords.get(i).topic(), outcomes.get(i).status(), outcomes.get(i).detail());
            }
        }
    }
}
