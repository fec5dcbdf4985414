package io.timetocompute.api.store;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An inbound event as received, with what became of it: the audit trail and the source for replay. The document id
 * is {@code portfolioId/eventId}: an event id is unique within its portfolio (a second insert fails, which makes
 * recording idempotent), and two portfolios may each receive an event of the same id.
 *
 * @param eventId the CloudEvent id
 */
@Document("inbound_events")
@CompoundIndex(name = "portfolio_replay", def = "{'portfolioId': 1, 'status': 1, 'time': 1, 'recordedAt': 1}")
@CompoundIndex(name = "portfolio_log", def = "{'portfolioId': 1, 'recordedAt': -1, '_id': -1}")
@CompoundIndex(name = "portfolio_status_log", def = "{'portfolioId': 1, 'status': 1, 'recordedAt': -1, '_id': -1}")
public record InboundEventDocument(@Id String id, String portfolioId, String eventId, String type, String source,
        String subject, Instant time, String data, String status, String detail, Instant recordedAt) {

    /** @return the document id of an event of a portfolio */
    public static String idOf(String portfolioId, String eventId) {
        return portfolioId + "/" + eventId;
    }
}
