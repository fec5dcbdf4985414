package io.timetocompute.events.kafka;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
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
 * Reads supply, labor and progress events (CloudEvents in binary content mode). The listener returns only after the
 * event was processed and recorded, so the container commits the offset after that, never before.
 */
@Component
class InboundEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(InboundEventListener.class);

    private final EventProcessor processor;
    private final List<OutcomeListener> outcomeListeners;

    InboundEventListener(EventProcessor processor, ObjectProvider<OutcomeListener> outcomeListeners) {
        this.processor = processor;
        this.outcomeListeners = outcomeListeners.orderedStream().toList();
    }

    @KafkaListener(id = "ttc-replanner", topics = {Topics.SUPPLY, Topics.LABOR, Topics.PROGRESS})
    void onEvent(ConsumerRecord<String, byte[]> record) {
        EventProcessor.Outcome outcome;
        try {
            outcome = process(record);
        } catch (InvalidEventException e) {
            tell(EventProcessor.Status.REJECTED);
            throw e;
        }
        tell(outcome.status());
    }

    private EventProcessor.Outcome process(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (CloudEventRWException | IllegalStateException e) {
            throw new InvalidEventException("not a CloudEvent in binary content mode (topic " + record.topic()
                    + ", offset " + record.offset() + "): " + e.getMessage(), e);
        }
        EventProcessor.Outcome outcome = processor.process(InboundEvent.of(event, Instant.now()));
        LOG.debug("{} {} on {}: {} {}", event.getType(), event.getId(), record.topic(), outcome.status(),
                outcome.detail());
        return outcome;
    }

    private void tell(EventProcessor.Status status) {
        outcomeListeners.forEach(listener -> listener.processed(OutcomeListener.KAFKA, status));
    }
}
