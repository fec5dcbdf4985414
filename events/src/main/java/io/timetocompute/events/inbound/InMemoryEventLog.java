package io.timetocompute.events.inbound;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

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
    public void recordAll(List<Entry> entries, Map<String, Instant> appliedTimes) {
        Instant now = clock.instant();
        for (Entry entry : entries) {
            boolean first = outcomes.putIfAbsent(entry.event().id(), entry.status()) == null;
            if (first && EventProcessor.Status.APPLIED.name().equals(entry.status())) {
                applied.put(entry.event().id(), new Recorded(entry.event(), now));
            }
        }
        appliedTimes.forEach((entity, time) -> lastApplied.merge(entity, time, (a, b) -> a.isAfter(b) ? a : b));
    }

    @Override
    public Set<String> recordedAmong(Collection<String> eventIds) {
        return eventIds.stream().filter(outcomes::containsKey).collect(Collectors.toSet());
    }

    @Override
    public Map<String, Instant> lastApplied(Collection<String> entityKeys) {
        Map<String, Instant> found = new HashMap<>();
        for (String entity : entityKeys) {
            Instant time = lastApplied.get(entity);
            if (time != null) {
                found.put(entity, time);
            }
        }
        return found;
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
}
