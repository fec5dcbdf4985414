package io.timetocompute.api.eventlog;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.timetocompute.api.history.PublicationHistory.BlockDateChangeDocument;
import io.timetocompute.api.store.InboundEventDocument;
import io.timetocompute.events.inbound.EventProcessor;

/** Reads the event log and joins each event to the date changes it caused: two queries a page, not one an event. */
@Component
class EventLogQueries {

    private final MongoTemplate mongo;

    EventLogQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @param status only events with this outcome; all when null */
    EventLogPage page(String portfolioId, int page, int size, EventProcessor.Status status) {
        Criteria ofPortfolio = where("portfolioId").is(portfolioId);
        Query filter = query(status == null ? ofPortfolio : ofPortfolio.and("status").is(status.name()));
        long total = mongo.count(filter, InboundEventDocument.class);
        List<InboundEventDocument> events = mongo.find(Query.of(filter)
                .with(Sort.by(Sort.Direction.DESC, "recordedAt").and(Sort.by(Sort.Direction.DESC, "_id")))
                .skip((long) page * size).limit(size), InboundEventDocument.class);
        return new EventLogPage(page, size, total, withMovedDates(portfolioId, events));
    }

    Optional<LoggedEvent> find(String portfolioId, String eventId) {
        // Two sources may use the same id (an event is unique by both); the first recorded answers.
        return Optional.ofNullable(mongo.findOne(query(where("portfolioId").is(portfolioId).and("eventId").is(eventId))
                        .with(Sort.by("recordedAt", "sequence")), InboundEventDocument.class))
                .map(event -> withMovedDates(portfolioId, List.of(event)).get(0));
    }

    private List<LoggedEvent> withMovedDates(String portfolioId, List<InboundEventDocument> events) {
        List<String> ids = events.stream().map(InboundEventDocument::eventId).toList();
        List<BlockDateChangeDocument> changes = ids.isEmpty() ? List.of()
                : mongo.find(query(where("portfolioId").is(portfolioId).and("eventIds").in(ids)),
                        BlockDateChangeDocument.class);
        Map<String, List<LoggedEvent.MovedDate>> movedByEvent = changes.stream()
                .sorted(Comparator.comparingLong(BlockDateChangeDocument::version).thenComparing(BlockDateChangeDocument::blockId))
                .flatMap(change -> change.eventIds().stream().filter(ids::contains)
                        .map(eventId -> Map.entry(eventId, movedDate(change, eventId))))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return events.stream().map(event -> new LoggedEvent(event.eventId(), event.type(), event.source(),
                event.subject(), event.time(), event.status(), event.detail(), event.recordedAt(),
                movedByEvent.getOrDefault(event.eventId(), List.of()))).toList();
    }

    private static LoggedEvent.MovedDate movedDate(BlockDateChangeDocument change, String eventId) {
        Long share = change.shares() == null ? null : change.shares().stream()
                .filter(s -> s.eventId().equals(eventId)).map(s -> s.days()).findFirst().orElse(null);
        List<String> jointWith = Boolean.TRUE.equals(change.jointCauses())
                ? change.eventIds().stream().filter(id -> !id.equals(eventId)).toList() : List.of();
        return new LoggedEvent.MovedDate(change.blockId(), change.siteId(), change.oldDate(), change.newDate(),
                change.deltaDays(), change.version(), change.eventEffectDays(), share, change.reoptimizationDays(),
                jointWith);
    }
}
