package io.timetocompute.events.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every inbound event with what became of it (for audit and replay), and the newest event time applied per entity,
 * so that a replayed event is not applied twice and an older event does not overwrite newer state. The service
 * keeps it in MongoDB; an event must be recorded durably before its Kafka offset is committed.
 */
public interface EventLog {

    /**
     * Records the event and its outcome.
     *
     * @return false if an event with the same id was already recorded (nothing is changed then)
     */
    boolean record(InboundEvent event, String status, String detail);

    boolean contains(String eventId);

    /** @return the newest event time applied for the entity (e.g. {@code shipment:SHP-1}) */
    Optional<Instant> lastApplied(String entityKey);

    void applied(String entityKey, Instant eventTime);

    /**
     * The events applied to the plan and recorded after {@code since}, to rebuild the plan on restart, ordered by
     * event time: per entity that is the order they were applied in, since an older event is never applied after a
     * newer one, and changes to different entities commute.
     */
    List<InboundEvent> appliedSince(Instant since);
}
