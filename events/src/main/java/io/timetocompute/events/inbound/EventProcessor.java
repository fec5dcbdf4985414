package io.timetocompute.events.inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.replanning.InvalidChangeException;
import io.timetocompute.scheduler.replanning.PlanIntake;
import io.timetocompute.scheduler.replanning.PortfolioChange;
import io.timetocompute.scheduler.replanning.RefusedChange;
import io.timetocompute.scheduler.solver.ImprovementGate;

/**
 * Applies inbound events to the live plan, at most once each: a known event id is a duplicate; an event older than
 * the newest one applied to the same entity is recorded but changes nothing; an invalid event is recorded as
 * rejected so that the transport can dead-letter it. Kafka and HTTP ingest share this one path.
 * <p>
 * Events are processed in batches (a Kafka poll; a single HTTP request is a batch of one): duplicates are looked up
 * with one query, every accepted change goes to the plan as one change (one recompilation of the problem), and all
 * outcomes are recorded with one durable write, after which the caller may acknowledge the batch.
 */
public final class EventProcessor {

    public enum Status { APPLIED, RECORDED, DUPLICATE, STALE, REJECTED }

    /** @param refusedByPlan rejected because the live plan refused the change, not because the event is invalid */
    public record Outcome(Status status, String detail, boolean refusedByPlan) {

        public Outcome(Status status, String detail) {
            this(status, detail, false);
        }
    }

    /** Hears of every event of a batch that is rejected, before the batch is recorded. */
    @FunctionalInterface
    public interface RejectionListener {

        /** @param index the event's position in the batch */
        void rejected(int index, String reason);
    }

    private record Candidate(int index, InboundEvent event, PortfolioChange change, String entity) {
    }

    private final PlanIntake plan;
    private final EventLog log;
    private final List<OutcomeListener> outcomeListeners;
    private final EventTranslator translator = new EventTranslator();
    private final EventAdmission admission;

    public EventProcessor(PlanIntake plan, EventLog log) {
        this(plan, log, List.of());
    }

    /** @param outcomeListeners told the outcome of every event, with the transport that brought it */
    public EventProcessor(PlanIntake plan, EventLog log, List<OutcomeListener> outcomeListeners) {
        this(plan, log, outcomeListeners, EventAdmission.standard());
    }

    /** @param admission what every event must satisfy before it is translated, on every transport */
    public EventProcessor(PlanIntake plan, EventLog log, List<OutcomeListener> outcomeListeners,
            EventAdmission admission) {
        this.plan = plan;
        this.log = log;
        this.outcomeListeners = List.copyOf(outcomeListeners);
        this.admission = admission;
    }

    /**
     * Processes one event: a batch of one.
     *
     * @param transport what brought it, for the {@link OutcomeListener}s, e.g. {@link OutcomeListener#HTTP}
     * @throws InvalidEventException if the event cannot be applied; the message is the reason
     */
    public synchronized Outcome process(InboundEvent event, String transport) {
        Outcome outcome = processAll(List.of(event), transport, (index, reason) -> { }).get(0);
        if (outcome.status() == Status.REJECTED) {
            throw outcome.refusedByPlan()
                    ? new InvalidEventException(outcome.detail(), new InvalidChangeException(outcome.detail()))
                    : new InvalidEventException(outcome.detail());
        }
        return outcome;
    }

    /**
     * Processes a batch in order and records every outcome durably before returning.
     *
     * @param transport what brought them, for the {@link OutcomeListener}s, e.g. {@link OutcomeListener#KAFKA}
     * @param rejections told of each rejected event before anything is recorded, so that a transport can
     *        dead-letter it first: a crash in between repeats the dead letter rather than losing it
     * @return the outcome of each event, in the order of {@code events}
     */
    public synchronized List<Outcome> processAll(List<InboundEvent> events, String transport,
            RejectionListener rejections) {
        // The solver repairs the plan to the batch meanwhile, but waits with improving it: the next batch would
        // restart it anyway, and a backlog of events needs the cores more than a better plan does.
        try (ImprovementGate.Hold hold = plan.holdImprovement()) {
            Outcome[] outcomes = new Outcome[events.size()];
            List<Candidate> candidates = translate(events, transport, outcomes);
            List<Candidate> fresh = withoutStale(candidates, outcomes);
            Map<String, Instant> appliedTimes = submit(fresh, outcomes);
            for (int i = 0; i < outcomes.length; i++) {
                if (outcomes[i].status() == Status.REJECTED) {
                    rejections.rejected(i, outcomes[i].detail());
                }
            }
            log.recordAll(entries(events, outcomes), appliedTimes);
            for (Outcome outcome : outcomes) {
                tell(transport, outcome.status());
            }
            return Arrays.asList(outcomes);
        }
    }

    /**
     * Counts an event that its transport refused before it could be processed (not a CloudEvent, unreadable): it
     * never reached the processor, but its sender should see it among the rejected ones.
     */
    public void refusedByTransport(String transport) {
        tell(transport, Status.REJECTED);
    }

    private void tell(String transport, Status status) {
        outcomeListeners.forEach(listener -> listener.processed(transport, status));
    }

    /**
     * Sorts out duplicates (of the log or earlier in the batch, by source and id) and invalid events; the rest
     * become changes. A rejected event does not count as seen: a valid one with the same key may follow.
     */
    private List<Candidate> translate(List<InboundEvent> events, String transport, Outcome[] outcomes) {
        Set<String> recorded = log.recordedAmong(events.stream().filter(event -> event.id() != null)
                .map(InboundEvent::key).distinct().toList());
        Set<String> seen = new HashSet<>();
        // Translation checks only what events do not change (which shipments, tasks and suppliers exist), so the
        // portfolio as the batch found it serves every event of the batch.
        Portfolio portfolio = plan.portfolio();
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            InboundEvent event = events.get(i);
            if (event.id() != null && (recorded.contains(event.key()) || seen.contains(event.key()))) {
                outcomes[i] = new Outcome(Status.DUPLICATE, "event " + event.id() + " was already processed");
                continue;
            }
            try {
                admission.check(event, transport);
                PortfolioChange change = translator.translate(event, portfolio);
                if (event.id() != null) {
                    seen.add(event.key());
                }
                if (change == null) {
                    outcomes[i] = new Outcome(Status.RECORDED, "recorded; no change to the plan");
                } else {
                    candidates.add(new Candidate(i, event, change, EventTranslator.entityKey(event.type(), change)));
                }
            } catch (InvalidEventException e) {
                outcomes[i] = new Outcome(Status.REJECTED, e.getMessage());
            }
        }
        return candidates;
    }

    /**
     * Marks as stale every candidate older than the newest event applied to its entity, counting the candidates
     * before it in the batch. Times are compared to the whole second, the precision every sender can give
     * ({@code date -u +%FT%TZ}); within the same second the later one processed wins: within a partition that is
     * the log order, across partitions and transports the order in which the events reach this processor. A candidate that the plan then refuses still counts here: an older event of the same
     * entity behind it in the same batch stays stale (recorded, not applied), where one by one it would have applied.
     */
    private List<Candidate> withoutStale(List<Candidate> candidates, Outcome[] outcomes) {
        Map<String, Instant> newest = new HashMap<>(log.lastApplied(candidates.stream().map(Candidate::entity)
                .distinct().toList()));
        List<Candidate> fresh = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Instant before = newest.get(candidate.entity());
            if (before != null && olderThan(candidate.event().time(), before)) {
                outcomes[candidate.index()] = new Outcome(Status.STALE, "older than the newest event applied to "
                        + candidate.entity() + " (" + before + "); recorded, not applied");
            } else {
                fresh.add(candidate);
                newest.put(candidate.entity(), candidate.event().time());
            }
        }
        return fresh;
    }

    /** @return whether {@code time} is in an earlier whole second than {@code newest}: a tie is not older */
    static boolean olderThan(Instant time, Instant newest) {
        return time.getEpochSecond() < newest.getEpochSecond();
    }

    /** @return per entity, the newest time of the events applied to it */
    private Map<String, Instant> submit(List<Candidate> fresh, Outcome[] outcomes) {
        Map<PortfolioChange, String> refused = new IdentityHashMap<>();
        if (!fresh.isEmpty()) {
            for (RefusedChange refusal : plan.submitAll(fresh.stream().map(Candidate::change).toList())) {
                refused.put(refusal.change(), refusal.reason());
            }
        }
        Map<String, Instant> appliedTimes = new HashMap<>();
        for (Candidate candidate : fresh) {
            String reason = refused.get(candidate.change());
            if (reason == null) {
                outcomes[candidate.index()] = new Outcome(Status.APPLIED, candidate.change().description());
                appliedTimes.merge(candidate.entity(), candidate.event().time(),
                        (a, b) -> a.isAfter(b) ? a : b);
            } else {
                outcomes[candidate.index()] = new Outcome(Status.REJECTED, reason, true);
            }
        }
        return appliedTimes;
    }

    /** Everything but duplicates, and but events without an id, which cannot be recognized when they come again. */
    private static List<EventLog.Entry> entries(List<InboundEvent> events, Outcome[] outcomes) {
        List<EventLog.Entry> entries = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            InboundEvent event = events.get(i);
            if (outcomes[i].status() != Status.DUPLICATE && event.id() != null && !event.id().isBlank()) {
                entries.add(new EventLog.Entry(event, outcomes[i].status().name(), outcomes[i].detail()));
            }
        }
        return entries;
    }
}
