package io.timetocompute.events.inbound;

import java.time.Instant;
import java.util.Optional;

import io.timetocompute.scheduler.replanning.InvalidChangeException;
import io.timetocompute.scheduler.replanning.PortfolioChange;
import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * Applies inbound events to the live plan, at most once each: a known event id is a duplicate; an event older than
 * the newest one applied to the same entity is recorded but changes nothing; an invalid event is recorded and
 * thrown back as an {@link InvalidEventException} so that the transport can dead-letter it. Kafka and HTTP ingest
 * share this one path.
 */
public final class EventProcessor {

    public enum Status { APPLIED, RECORDED, DUPLICATE, STALE, REJECTED }

    public record Outcome(Status status, String detail) {
    }

    private final LivePlan service;
    private final EventLog log;
    private final EventTranslator translator = new EventTranslator();

    public EventProcessor(LivePlan service, EventLog log) {
        this.service = service;
        this.log = log;
    }

    /**
     * @throws InvalidEventException if the event cannot be applied; the message is the reason
     */
    public synchronized Outcome process(InboundEvent event) {
        if (event.id() != null && log.contains(event.id())) {
            return new Outcome(Status.DUPLICATE, "event " + event.id() + " was already processed");
        }
        PortfolioChange change;
        try {
            change = translator.translate(event, service.portfolio());
        } catch (InvalidEventException e) {
            reject(event, e.getMessage());
            throw e;
        }
        if (change == null) {
            return record(event, Status.RECORDED, "recorded; no change to the plan");
        }
        String entity = EventTranslator.entityKey(event.type(), change);
        Optional<Instant> newest = log.lastApplied(entity);
        if (newest.isPresent() && event.time().isBefore(newest.get())) {
            return record(event, Status.STALE, "older than the newest event applied to " + entity + " ("
                    + newest.get() + "); recorded, not applied");
        }
        try {
            service.submit(change);
        } catch (InvalidChangeException e) {
            reject(event, e.getMessage());
            throw new InvalidEventException(e.getMessage(), e);
        }
        log.applied(entity, event.time());
        return record(event, Status.APPLIED, change.description());
    }

    private Outcome record(InboundEvent event, Status status, String detail) {
        log.record(event, status.name(), detail);
        return new Outcome(status, detail);
    }

    private void reject(InboundEvent event, String reason) {
        if (event.id() != null && !event.id().isBlank()) {
            log.record(event, Status.REJECTED.name(), reason);
        }
    }
}
