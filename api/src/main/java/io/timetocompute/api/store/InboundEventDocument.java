package io.timetocompute.api.store;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An inbound event as received, with what became of it: the audit trail and the source for replay. */
@Document("inbound_events")
public record InboundEventDocument(@Id String id, String type, String source, String subject, Instant time, String data,
        String status, String detail, Instant recordedAt) {
}
