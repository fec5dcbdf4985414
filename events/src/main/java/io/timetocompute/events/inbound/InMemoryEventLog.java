package io.timetocompute.events.inbound;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link EventLog} for tests and for running without a store. */
public final class InMemoryEventLog implements EventLog {

    private final Map<String, String> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastApplied = new ConcurrentHashMap<>();

    @Override
    public boolean record(InboundEvent event, String status, String detail) {
        return outcomes.putIfAbsent(event.id(), status) == null;
    }

    @Override
    public boolean contains(String eventId) {
        return outcomes.containsKey(eventId);
    }

    @Override
    public Optional<Instant> lastApplied(String entityKey) {
        return Optional.ofNullable(lastApplied.get(entityKey));
    }

    @Override
    public void applied(String entityKey, Instant eventTime) {
        lastApplied.merge(entityKey, eventTime, (a, b) -> a.isAfter(b) ? a : b);
    }
}
