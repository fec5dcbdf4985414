package io.timetocompute.events.inbound;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ProcessedEvents} for tests and for running without a store. */
public final class InMemoryProcessedEvents implements ProcessedEvents {

    private final Map<String, String> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastApplied = new ConcurrentHashMap<>();

    @Override
    public boolean record(String eventId, String status, String detail) {
        return outcomes.putIfAbsent(eventId, status) == null;
    }

    @Override
    public Optional<Instant> lastApplied(String entityKey) {
        return Optional.ofNullable(lastApplied.get(entityKey));
    }

    @Override
    public void applied(String entityKey, Instant eventTime) {
        lastApplied.merge(entityKey, eventTime, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Override
    public boolean contains(String eventId) {
        return outcomes.containsKey(eventId);
    }
}
