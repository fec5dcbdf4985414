package io.timetocompute.api.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.ErrorCategory;
import com.mongodb.WriteConcern;

import io.timetocompute.events.inbound.EventLog;
import io.timetocompute.events.inbound.EventProcessor;
import io.timetocompute.events.inbound.InboundEvent;

/**
 * The event log of one portfolio in MongoDB: every document it writes carries the portfolio id, and every query it
 * makes filters on it first. Writes are acknowledged by the journal of a majority before they return, so that an
 * event is durable before the Kafka offset behind it is committed. The portfolio and the event's key (source and id)
 * are the document id: a second insert of the same event fails, which makes recording idempotent without a
 * transaction. A batch is one unordered
 * bulk insert, one bulk upsert of entity versions and one {@link StoreCommit}.
 */
public final class MongoEventLog implements EventLog {

    private static final int IDS_PER_QUERY = 200;

    private final MongoTemplate template;
    private final Clock clock;
    private final StoreCommit commit;
    private final String portfolioId;

    /** @param commit called after every batch of writes, before it returns */
    public MongoEventLog(String portfolioId, MongoTemplate template, Clock clock, StoreCommit commit) {
        this.portfolioId = portfolioId;
        this.template = template;
        this.clock = clock;
        this.commit = commit;
        template.setWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    }

    @Override
    public void recordAll(List<Entry> entries, Map<String, Instant> appliedTimes) {
        if (!entries.isEmpty()) {
            Instant recordedAt = clock.instant();
            List<InboundEventDocument> documents = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                documents.add(document(entries.get(i), recordedAt, i));
            }
            try {
                template.bulkOps(BulkOperations.BulkMode.UNORDERED, InboundEventDocument.class).insert(documents)
                        .execute();
            } catch (BulkOperationException e) {
                // An event recorded already keeps its first outcome; the others of the batch are in.
                if (e.getErrors().stream().anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
                    throw e;
                }
            }
        }
        if (!appliedTimes.isEmpty()) {
            BulkOperations versions = template.bulkOps(BulkOperations.BulkMode.UNORDERED,
                    EntityVersionDocument.class);
            appliedTimes.forEach((entity, time) -> versions.upsert(query(where("_id").is(entityId(entity))),
                    new Update().setOnInsert("portfolioId", portfolioId).setOnInsert("entityKey", entity)
                            .max("lastApplied", time)));
            versions.execute();
        }
        commit.commit();
    }

    @Override
    public Set<String> recordedAmong(Collection<String> eventKeys) {
        Set<String> recorded = new HashSet<>();
        List<String> ids = List.copyOf(eventKeys);
        // mongo-java-server matches every document found against the whole $in list: keep the lists short.
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            Query known = query(where("_id").in(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY))
                    .stream().map(key -> InboundEventDocument.idOf(portfolioId, key)).toList()));
            known.fields().include("_id", "portfolioId");
            template.find(known, InboundEventDocument.class).forEach(document -> recorded.add(document.key()));
        }
        return recorded;
    }

    @Override
    public Map<String, Instant> lastApplied(Collection<String> entityKeys) {
        if (entityKeys.isEmpty()) {
            return Map.of();
        }
        return template.find(query(where("_id").in(entityKeys.stream().map(this::entityId).toList())),
                        EntityVersionDocument.class).stream()
                .collect(Collectors.toMap(EntityVersionDocument::entityKey, EntityVersionDocument::lastApplied));
    }

    @Override
    public List<InboundEvent> appliedSince(Instant since) {
        return template.find(query(where("portfolioId").is(portfolioId)
                        .and("status").is(EventProcessor.Status.APPLIED.name())
                        .and("recordedAt").gt(since))
                        .with(Sort.by("recordedAt", "sequence")), InboundEventDocument.class).stream()
                .map(document -> new InboundEvent(document.eventId(), document.type(), document.source(),
                        document.subject(), document.time(), document.data() == null ? null
                                : document.data().getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    private String entityId(String entityKey) {
        return portfolioId + "/" + entityKey;
    }

    private InboundEventDocument document(Entry entry, Instant recordedAt, int sequence) {
        InboundEvent event = entry.event();
        String data = event.data() == null ? null : new String(event.data(), StandardCharsets.UTF_8);
        // A refusal is kept for audit under a key of its own: the event's key stays free for a valid one.
        String key = EventProcessor.Status.REJECTED.name().equals(entry.status())
                ? event.key() + " rejected " + UUID.randomUUID() : event.key();
        return new InboundEventDocument(InboundEventDocument.idOf(portfolioId, key), portfolioId, event.id(),
                event.type(), event.source(), event.subject(), event.time(), data, entry.status(), entry.detail(),
                recordedAt, sequence);
    }
}
