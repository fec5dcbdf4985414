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

    /**
     * What makes an event unique, as CloudEvents defines it: its source and its id together (two sources may use
     * the same id). A source holds no blank (it is a URI reference), so the key is unambiguous.
     */
    public String key() {
        return key(source, id);
    }

    public static String key(String source, String id) {
        return (source == null ? "" : source) + " " + id;
    }

    public static InboundEvent of(CloudEvent event, Instant receivedAt) {
        URI source = event.getSource();
        OffsetDateTime time = event.getTime();
        byte[] data = event.getData() == null ? null : event.getData().toBytes();
        return new InboundEvent(event.getId(), event.getType(), source == null ? null : source.toString(),
                event.getSubject(), time == null ? receivedAt : time.toInstant(), data);
    }
}
