package io.timetocompute.events.inbound;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers every event id that was processed and the newest event time applied per entity, so that a replayed
 * event is not applied twice and an older event does not overwrite newer state. The service keeps it in MongoDB;
 * the store must be durable before the Kafka offset of the event is committed.
 */
public interface ProcessedEvents {

    /**
     * Records the event's outcome.
     *
     * @return false if the event id was already recorded (nothing is changed then)
     */
    boolean record(String eventId, String status, String detail);

    /** @return the newest event time applied for the entity (e.g. {@code shipment:SHP-1}) */
    Optional<Instant> lastApplied(String entityKey);

    void applied(String entityKey, Instant eventTime);

    boolean contains(String eventId);
}
