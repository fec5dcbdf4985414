package io.timetocompute.api.store;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An inbound event as received, with what became of it: the audit trail and the source for replay.
 *
 * @param key the event's {@link io.timetocompute.events.inbound.InboundEvent#key() key} (source and id), unique so
 *        that an event is recorded once; a rejected event's key is made unique per refusal, so that it never
 *        blocks a later valid event with the same source and id
 * @param eventId the event's {@code ce_id}
 * @param sequence its position in the batch it was recorded with, to replay events in the order they applied
 */
@Document("inbound_events")
public record InboundEventDocument(@Id String key, String eventId, String type, String source, String subject,
        Instant time, String data, String status, String detail, Instant recordedAt, Integer sequence) {

    /** @return the event's {@code ce_id}; a document stored before events were keyed by source too has it as key */
    public String id() {
        return eventId != null ? eventId : key;
    }
}
