package io.timetocompute.events.inbound;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every inbound event with what became of it (for audit and replay), and the newest event time applied per entity,
 * so that a replayed event is not applied twice and an older event does not overwrite newer state. The service
 * keeps it in MongoDB; an event must be recorded durably before its Kafka offset is committed. Ingestion works in
 * batches, so every operation takes many events or entities at once: one round trip and one durable commit per
 * batch, not per event.
 */
public interface EventLog {

    /** An event and what became of it: a status of {@link EventProcessor.Status} and a sentence saying why. */
    record Entry(InboundEvent event, String status, String detail) {
    }

    /**
     * Records events with their outcomes, and the newest applied event time of every entity they changed (a time
     * older than the one recorded leaves it as it is), durably before returning: the caller acknowledges the events
     * only after that. An event whose {@link InboundEvent#key() key} is already recorded keeps its first outcome. A
     * rejected event is kept for audit but does not take its key, so that it never blocks a later valid event with
     * the same source and id.
     *
     * @param appliedTimes per entity (e.g. {@code shipment:SHP-1}) the newest time of the events applied to it
     */
    void recordAll(List<Entry> entries, Map<String, Instant> appliedTimes);

    /**
     * @param eventKeys {@link InboundEvent#key() keys}: source and id
     * @return the keys among {@code eventKeys} of events recorded with any outcome but rejected
     */
    Set<String> recordedAmong(Collection<String> eventKeys);

    default boolean contains(String eventKey) {
        return !recordedAmong(List.of(eventKey)).isEmpty();
    }

    /** @return the newest event time applied to each of the entities that has one */
    Map<String, Instant> lastApplied(Collection<String> entityKeys);

    /**
     * The events applied to the plan and recorded after {@code since}, to rebuild the plan on restart, in the order
     * they were applied (batch after batch, each in its order): event times alone do not give it, since events of
     * one entity within the same second apply in the order they arrive.
     */
    List<InboundEvent> appliedSince(Instant since);
}
