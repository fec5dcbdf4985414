package io.timetocompute.events.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import io.timetocompute.events.inbound.PortfolioRouting;

/**
 * Reads supply, labor and progress events (CloudEvents in binary content mode), a whole poll at a time, routes each
 * to its portfolio ({@link PortfolioRouting}) and hands each portfolio's events, in their order, to its
 * {@link EventProcessor} as one batch. Refused records (not a CloudEvent, no or an ambiguous portfolio, invalid) are
 * dead-lettered through the same {@link DeadLetterPublishingRecoverer} as the error handler's, with their reason
 * and, where known, their portfolio, while the good ones of the batch apply. The listener returns only after every
 * batch is recorded in the store, so the container commits the poll's offsets after that, never before.
 */
@Component
class InboundEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(InboundEventListener.class);

    private final PortfolioRouting routing;
    private final DeadLetterPublishingRecoverer deadLetters;

    InboundEventListener(PortfolioRouting routing, DeadLetterPublishingRecoverer deadLetters) {
        this.routing = routing;
        this.deadLetters = deadLetters;
    }

    /** The records and events of one portfolio in a poll, in their order. */
    private record PortfolioBatch(PortfolioRouting.Route route, List<ConsumerRecord<String, byte[]>> records,
            List<InboundEvent> events) {
    }

    @KafkaListener(id = "ttc-replanner", topics = {Topics.SUPPLY, Topics.LABOR, Topics.PROGRESS}, batch = "true")
    void onEvents(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        Instant receivedAt = Instant.now();
        Map<String, PortfolioBatch> batches = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            CloudEvent event;
            try {
                event = KafkaMessageFactory.createReader(record).toEvent();
            } catch (CloudEventRWException | IllegalStateException e) {
                deadLetters.accept(record, consumer, new InvalidEventException("not a CloudEvent in binary content "
                        + "mode (topic " + record.topic() + ", offset " + record.offset() + "): " + e.getMessage(), e));
                routing.refusedByTransport(OutcomeListener.KAFKA);
                continue;
            }
            InboundEvent inbound = InboundEvent.of(event, receivedAt);
            PortfolioRouting.Route route;
            try {
                route = routing.route(PortfolioRouting.namedPortfolio(event), inbound);
            } catch (InvalidEventException e) {
                deadLetters.accept(record, consumer, e);
                routing.refusedByTransport(OutcomeListener.KAFKA);
                continue;
            }
            PortfolioBatch batch = batches.computeIfAbsent(route.portfolioId(),
                    id -> new PortfolioBatch(route, new ArrayList<>(), new ArrayList<>()));
            batch.records().add(record);
            batch.events().add(inbound);
        }
        for (PortfolioBatch batch : batches.values()) {
            String portfolioId = batch.route().portfolioId();
            List<EventProcessor.Outcome> outcomes = batch.route().processor().processAll(batch.events(),
                    OutcomeListener.KAFKA, (index, reason) -> deadLetters.accept(batch.records().get(index), consumer,
                            new RefusedInPortfolio(portfolioId, reason)));
            if (LOG.isDebugEnabled()) {
                for (int i = 0; i < batch.events().size(); i++) {
                    LOG.debug("{} {} on {} for {}: {} {}", batch.events().get(i).type(), batch.events().get(i).id(),
                            batch.records().get(i).topic(), portfolioId, outcomes.get(i).status(),
                            outcomes.get(i).detail());
                }
            }
        }
    }
}
