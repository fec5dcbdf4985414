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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** {@link EventLog} for tests and for running without a store. */
public final class InMemoryEventLog implements EventLog {

    private final Map<String, String> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastApplied = new ConcurrentHashMap<>();
    private final Map<String, Recorded> applied = new ConcurrentHashMap<>();
    private final List<Entry> rejected = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Clock clock;

    public InMemoryEventLog() {
        this(Clock.systemUTC());
    }

    public InMemoryEventLog(Clock clock) {
        this.clock = clock;
    }

    private record Recorded(InboundEvent event, Instant recordedAt, long sequence) {
    }

    @Override
    public void recordAll(List<Entry> entries, Map<String, Instant> appliedTimes) {
        Instant now = clock.instant();
        for (Entry entry : entries) {
            if (EventProcessor.Status.REJECTED.name().equals(entry.status())) {
                rejected.add(entry);
                continue;
            }
            boolean first = outcomes.putIfAbsent(entry.event().key(), entry.status()) == null;
            if (first && EventProcessor.Status.APPLIED.name().equals(entry.status())) {
                applied.put(entry.event().key(), new Recorded(entry.event(), now, sequence.getAndIncrement()));
            }
        }
        appliedTimes.forEach((entity, time) -> lastApplied.merge(entity, time, (a, b) -> a.isAfter(b) ? a : b));
    }

    @Override
    public Set<String> recordedAmong(Collection<String> eventKeys) {
        return eventKeys.stream().filter(outcomes::containsKey).collect(Collectors.toSet());
    }

    /** @return the rejected events, in the order they were recorded */
    public List<Entry> rejected() {
        return List.copyOf(rejected);
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
                .sorted(Comparator.comparingLong(Recorded::sequence))
                .map(Recorded::event)
                .toList();
    }
}
