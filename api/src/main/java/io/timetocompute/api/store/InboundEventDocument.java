package io.timetocompute.api.store;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An inbound event as received, with what became of it: the audit trail and the source for replay. The document id
 * is {@code portfolioId/key}, the key being the event's source and id as CloudEvents identifies an event
 * ({@link io.timetocompute.events.inbound.InboundEvent#key()}): an event is recorded once per portfolio (a second
 * insert fails, which makes recording idempotent), and two portfolios may each receive an event of the same id.
 * A rejected event's key is made unique per refusal, so that it never blocks a later valid event with that key.
 *
 * @param eventId the event's {@code ce_id}
 * @param sequence its position in the batch it was recorded with, to replay events in the order they applied
 */
@Document("inbound_events")
@CompoundIndex(name = "portfolio_replay", def = "{'portfolioId': 1, 'status': 1, 'recordedAt': 1, 'sequence': 1}")
@CompoundIndex(name = "portfolio_log", def = "{'portfolioId': 1, 'recordedAt': -1, '_id': -1}")
@CompoundIndex(name = "portfolio_status_log", def = "{'portfolioId': 1, 'status': 1, 'recordedAt': -1, '_id': -1}")
public record InboundEventDocument(@Id String id, String portfolioId, String eventId, String type, String source,
        String subject, Instant time, String data, String status, String detail, Instant recordedAt,
        Integer sequence) {

    /** @return the document id of an event of a portfolio, by the event's key (source and id) */
    public static String idOf(String portfolioId, String eventKey) {
        return portfolioId + "/" + eventKey;
    }

    /** @return the event's key (source and id), the document id without its portfolio */
    public String key() {
        return id.substring(portfolioId.length() + 1);
    }
}
