package io.timetocompute.events.inbound;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;

import io.cloudevents.CloudEvent;

/**
 * An inbound CloudEvent reduced to what processing needs. Kafka and the HTTP ingest endpoint both produce these.
 *
 * @param time when it happened at the source; events without one are stamped on arrival
 */
public record InboundEvent(String id, String type, String source, String subject, Instant time, byte[] data) {

    public static InboundEvent of(CloudEvent event, Instant receivedAt) {
        URI source = event.getSource();
        OffsetDateTime time = event.getTime();
        byte[] data = event.getData() == null ? null : event.getData().toBytes();
        return new InboundEvent(event.getId(), event.getType(), source == null ? null : source.toString(),
                event.getSubject(), time == null ? receivedAt : time.toInstant(), data);
    }
}
