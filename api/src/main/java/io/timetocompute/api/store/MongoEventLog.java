package io.timetocompute.api.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.WriteConcern;

import io.timetocompute.events.inbound.EventLog;
import io.timetocompute.events.inbound.EventProcessor;
import io.timetocompute.events.inbound.InboundEvent;

/**
 * The event log in MongoDB. Writes are acknowledged by the journal of a majority before they return, so that an
 * event is durable before the Kafka offset behind it is committed. The event id is the document id: a second
 * insert of the same event fails, which makes recording idempotent without a transaction.
 */
public final class MongoEventLog implements EventLog {

    private final MongoTemplate template;
    private final Clock clock;
    private final StoreCommit commit;

    /** @param commit called after every write, before it returns */
    public MongoEventLog(MongoTemplate template, Clock clock, StoreCommit commit) {
        this.template = template;
        this.clock = clock;
        this.commit = commit;
        template.setWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    }

    @Override
    public boolean record(InboundEvent event, String status, String detail) {
        String data = event.data() == null ? null : new String(event.data(), StandardCharsets.UTF_8);
        try {
            template.insert(new InboundEventDocument(event.id(), event.type(), event.source(), event.subject(),
                    event.time(), data, status, detail, clock.instant()));
            commit.commit();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean contains(String eventId) {
        return template.exists(query(where("_id").is(eventId)), InboundEventDocument.class);
    }

    @Override
    public Optional<Instant> lastApplied(String entityKey) {
        return Optional.ofNullable(template.findById(entityKey, EntityVersionDocument.class))
                .map(EntityVersionDocument::lastApplied);
    }

    @Override
    public void applied(String entityKey, Instant eventTime) {
        template.upsert(query(where("_id").is(entityKey)), new Update().max("lastApplied", eventTime),
                EntityVersionDocument.class);
        commit.commit();
    }

    @Override
    public List<InboundEvent> appliedSince(Instant since) {
        return template.find(query(where("status").is(EventProcessor.Status.APPLIED.name())
                        .and("recordedAt").gt(since))
                        .with(Sort.by("time", "recordedAt")), InboundEventDocument.class).stream()
                .map(document -> new InboundEvent(document.id(), document.type(), document.source(),
                        document.subject(), document.time(), document.data() == null ? null
                                : document.data().getBytes(StandardCharsets.UTF_8)))
                .toList();
    }
}
