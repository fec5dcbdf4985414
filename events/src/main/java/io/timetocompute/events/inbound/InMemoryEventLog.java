package io.timetocompute.events.inbound;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link EventLog} for tests and for running without a store. */
public final class InMemoryEventLog implements EventLog {

    private final Map<String, String> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastApplied = new ConcurrentHashMap<>();
    private final Map<String, Recorded> applied = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryEventLog() {
        this(Clock.systemUTC());
    }

    public InMemoryEventLog(Clock clock) {
        this.clock = clock;
    }

    private record Recorded(InboundEvent event, Instant recordedAt) {
    }

    @Override
    public boolean record(InboundEvent event, String status, String detail) {
        boolean first = outcomes.putIfAbsent(event.id(), status) == null;
        if (first && EventProcessor.Status.APPLIED.name().equals(status)) {
            applied.put(event.id(), new Recorded(event, clock.instant()));
        }
        return first;
    }

    @Override
    public List<InboundEvent> appliedSince(Instant since) {
        return applied.values().stream()
                .filter(recorded -> recorded.recordedAt().isAfter(since))
                .sorted(Comparator.comparing((Recorded recorded) -> recorded.event().time())
                        .thenComparing(Recorded::recordedAt))
                .map(Recorded::event)
                .toList();
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
