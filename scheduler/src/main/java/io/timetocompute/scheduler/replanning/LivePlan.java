package io.timetocompute.scheduler.replanning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.timetocompute.scheduler.engine.CounterfactualRepair;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.problem.ProblemCompiler;
import io.timetocompute.scheduler.problem.SchedulingProblem;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.BlockProjection;
import io.timetocompute.scheduler.solver.AppliedChange;
import io.timetocompute.scheduler.solver.PlanningSchedule;
import io.timetocompute.scheduler.solver.PortfolioSolver;
import io.timetocompute.scheduler.solver.ImprovementGate;
import io.timetocompute.scheduler.solver.ScheduleSolverFactory;
import io.timetocompute.scheduler.solver.ScoreExplanation;

/**
 * Owns the one continuously running solver of a portfolio. Changes are validated against the service's own copy of
 * the portfolio at once, then handed to the live solver as one problem change (a {@link PortfolioChangeBatch}) with
 * every other change that waited while the solver repaired the schedule to the ones before: its first step repairs
 * the schedule and later steps keep improving it. Best schedules are projected on a publisher thread: a schedule
 * repaired to new changes at once, the solver's own improvements coalesced; a publication is made when a compute
 * block's projected date changes or a change was taken in (and once at the start); listeners send only moved dates
 * out.
 */
public final class LivePlan implements PlanIntake, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LivePlan.class);
    /** A publication with more events than this names them as joint causes rather than compile each alone. */
    static final int MAX_EVENTS_WITH_SHARES = 4;

    /**
     * A block's projected online date moved, and what moved it. The events taken in since the last published
     * schedule are credited with what they do to that schedule when it is only repaired to them, not improved (see
     * {@link CounterfactualRepair}): {@code eventEffectDays}. Whatever else moved the date is the solver's
     * re-optimization: {@code reoptimizationDays}. The two add up to {@code deltaDays}.
     *
     * @param causes the events credited with a part of the move: empty when the solver's re-optimization alone moved
     *        the date; when several are named and {@code shares} is empty, they are joint causes whose shares were
     *        not computed
     * @param shares each cause's effect alone (its repair of the last published schedule without the other events),
     *        when the publication took in few enough events to compute them; empty otherwise
     * @param interactionDays the part of {@code eventEffectDays} that no event does alone (the events together
     *        minus the sum of their shares); null when the shares were not computed
     */
    public record BlockDateChange(String siteId, String blockId, double itMw, LocalDate oldDate, LocalDate newDate,
            long deltaDays, List<AppliedChange> causes, long eventEffectDays, long reoptimizationDays,
            List<EventShare> shares, Long interactionDays) {

        /** What the feeds say when no event moved a date: the solver found a better plan by itself. */
        public static final String REOPTIMIZATION = "re-optimization";

        /** @return true when several events are named and nobody can say which did how much */
        public boolean jointCauses() {
            return causes.size() > 1 && shares.isEmpty();
        }

        /**
         * @return what moved the date, in words, for feeds and calendars: the events (each with its share when
         *         known, or together when only their joint effect is), then the re-optimization with its days, or
         *         {@value #REOPTIMIZATION} alone when no event moved it
         */
        public String explanation() {
            if (causes.isEmpty()) {
                return REOPTIMIZATION;
            }
            StringBuilder text = new StringBuilder();
            if (jointCauses()) {
                text.append("together (").append(signedDays(eventEffectDays)).append("): ");
            }
            for (int i = 0; i < causes.size(); i++) {
                AppliedChange cause = causes.get(i);
                text.append(i == 0 ? "" : "; ").append(cause.description());
                if (causes.size() == 1 && reoptimizationDays != 0) {
                    text.append(" (").append(signedDays(eventEffectDays)).append(')');
                }
                shares.stream().filter(share -> share.eventId().equals(cause.eventId())).findFirst()
                        .ifPresent(share -> text.append(" (").append(signedDays(share.days())).append(')'));
            }
            if (interactionDays != null && interactionDays != 0) {
                text.append("; their interaction ").append(signedDays(interactionDays));
            }
            if (reoptimizationDays != 0) {
                text.append("; ").append(REOPTIMIZATION).append(' ').append(signedDays(reoptimizationDays));
            }
            return text.toString();
        }

        private static String signedDays(long days) {
            return (days > 0 ? "+" : "") + days + " d";
        }
    }

    /** One event's effect alone on a block's date, in days (positive: later). */
    public record EventShare(String eventId, long days) {
    }

    /**
     * @param version counts publications from 1
     * @param changes the blocks whose date moved since the last publication (every block in the first one, unless
     *        resumed); empty when the changes taken in moved no date
     * @param newlyApplied the changes the solver took in since the last publication; empty when the solver found a
     *        better schedule by itself
     */
    public record Publication(long version, Instant publishedAt, ScheduleProjection projection,
            List<BlockDateChange> changes, List<AppliedChange> newlyApplied,
            @JsonIgnore PublishedSchedule schedule) {
    }

    /**
     * A published schedule as the solver had it, for recomputing its attribution: the problem it was made for and
     * each task's start day and mode (arrays owned by the publication: read, do not modify).
     *
     * @param appliedChanges the changes the problem holds, in the order they were taken in
     * @param repaired false when the schedule was published before its repair to the changes it holds: its dates do
     *        not show them yet
     */
    public record PublishedSchedule(SchedulingProblem problem, int[] starts, int[] modes,
            List<AppliedChange> appliedChanges, boolean repaired) {

        /** @return the changes taken in after those of {@code earlier}, a schedule published before this one */
        public List<AppliedChange> changesSince(PublishedSchedule earlier) {
            int from = Math.min(earlier.appliedChanges.size(), appliedChanges.size());
            return appliedChanges.subList(from, appliedChanges.size());
        }

        /** @return the block's online date in this schedule */
        public LocalDate onlineDate(int block) {
            int task = problem.blockTask(block);
            return problem.date(problem.end(task, modes[task], starts[task]));
        }
    }

    @FunctionalInterface
    public interface Listener {
        void published(Publication publication);
    }

    private final Listener listener;
    private final Duration coalesceWindow;
    private final Duration reoptimizationInterval;
    private final SolverFactory<PlanningSchedule> solverFactory;
    private final Solver<PlanningSchedule> solver;
    private final ExecutorService solverThread = Executors.newSingleThreadExecutor(
            runnable -> daemon(runnable, "ttc-solver"));
    private final ScheduledThreadPoolExecutor publisherThread = publisher();
    private final ImprovementGate improvementGate = new ImprovementGate();
    private final AtomicReference<PlanningSchedule> latestBest = new AtomicReference<>();
    private final AtomicReference<PlanningSchedule> currentBest = new AtomicReference<>();
    private final AtomicBoolean publishPending = new AtomicBoolean();
    private final CountDownLatch solving = new CountDownLatch(1);
    /** why the solver thread ended, when it did: it should run until {@link #close()} */
    private volatile Throwable solverFailure;
    private volatile boolean solverRunning;

    private final Object preparing = new Object();
    /** with every change submitted so far, including those the solver has not taken in yet */
    private volatile Portfolio portfolio;
    /** changes validated and waiting for the solver to finish repairing the schedule to the ones before */
    private final List<PortfolioChangeBatch> waiting = new ArrayList<>();
    /** a change (or the first solve) is with the solver and not yet repaired to */
    private boolean changeInFlight = true;
    private final PlanningSchedule initial;
    /** the accepted changes not yet attributed, by event id: each event's effect alone is computed from them */
    private final Map<String, PortfolioChange> unattributed = new java.util.concurrent.ConcurrentHashMap<>();
    /** publisher thread only: the last published schedule that was repaired to all its changes */
    private PublishedSchedule basis;
    // publisher thread only
    private final Map<String, LocalDate> publishedDates = new HashMap<>();
    /** written by the publisher thread only; the solver thread reads it to tell caused schedules from improvements */
    private volatile int attributedChanges;
    /**
     * the last publication was of a schedule not yet repaired to its changes (one still feasible): the dates the
     * repair moves next are those changes' doing too
     */
    private volatile boolean publishedUnrepaired;
    private List<AppliedChange> unrepairedChanges = List.of();
    private long version;
    private volatile boolean publishedSinceStart;
    private Instant lastPublishedAt = Instant.MIN;
    private ScheduledFuture<?> heldPublication;
    private volatile Publication latest;
    /** how long the first solve runs before its schedule is published, unless a planner approves it sooner */
    private volatile Duration firstPublicationBudget = Duration.ZERO;
    private volatile Instant solveStartedAt;
    private final AtomicBoolean firstPlanApproved = new AtomicBoolean();

    /**
     * @param coalesceWindow how long to wait after a better schedule that the solver found by itself for more before
     *        publishing; a schedule repaired to new changes is published at once
     * @param reoptimizationInterval how long a better schedule that no event caused waits after the last
     *        publication: dates that move only because the solver found a better plan should not flicker in an
     *        executive's feed; a change caused by an event is published at once
     */
    public LivePlan(Portfolio portfolio, Listener listener, Duration coalesceWindow,
            Duration reoptimizationInterval, long seed) {
        this.portfolio = portfolio;
        this.reoptimizationInterval = reoptimizationInterval;
        this.initial = new PlanningSchedule(ProblemCompiler.compile(portfolio));
        this.listener = listener;
        this.coalesceWindow = coalesceWindow;
        this.solverFactory = SolverFactory.create(ScheduleSolverFactory.config(null, seed, this::handOverWaitingChanges,
                improvementGate)
                .withDaemon(true));
        this.solver = solverFactory.buildSolver();
        solver.addEventListener(event -> {
            PlanningSchedule best = event.getNewBestSolution();
            if (best.repairPending() && (best.getScore() == null || !best.getScore().isFeasible())) {
                // Timefold announces a changed problem before the construction step has repaired the schedule to
                // it. Publishing that one would attribute the changes to dates that do not show them yet; the
                // repaired schedule is strictly better, so Timefold announces it next. A change that leaves the
                // schedule feasible (an early delivery) may never get a better one, so that one is published.
                return;
            }
            currentBest.set(best);
            solving.countDown();
            latestBest.set(best);
            if (best.appliedChanges().size() > attributedChanges || (!best.repairPending() && publishedUnrepaired)) {
                // A schedule repaired to changes that events asked for: the people waiting for it should not wait
                // longer. Changes that arrive together are taken in by one repair already.
                publisherThread.execute(this::publish);
            } else if (publishPending.compareAndSet(false, true)) {
                publisherThread.schedule(this::publish, coalesceWindow.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    /**
     * Continues the publications of an earlier run of the service (call before {@link #start()}): versions go on
     * from {@code lastVersion}, and the first publication names only the blocks whose date differs from
     * {@code publishedDates}, so that a restart does not look like every date moved.
     */
    public LivePlan resumeFrom(long lastVersion, Map<String, LocalDate> publishedDates) {
        this.version = lastVersion;
        this.publishedDates.putAll(publishedDates);
        return this;
    }

    /**
     * Holds the first publication until the first solve has run for {@code budget} (call before {@link #start()}):
     * the plan executives see first, and the default baseline, is then the solver's converged plan rather than the
     * construction heuristic's. A planner may {@link #approveFirstPlan() approve} it sooner.
     */
    public LivePlan publishFirstAfter(Duration budget) {
        this.firstPublicationBudget = budget;
        return this;
    }

    /** Publishes the best schedule so far now, if the first publication is still being held for its budget. */
    public void approveFirstPlan() {
        if (firstPlanApproved.compareAndSet(false, true)) {
            publisherThread.execute(() -> {
                latestBest.compareAndSet(null, currentBest.get());
                publish();
            });
        }
    }

    /**
     * How the first solve is doing, for health and the UI while no schedule is published yet.
     *
     * @param published whether the first schedule of this run is published
     * @param elapsed how long the solver has run
     * @param budget how long it runs before its schedule is published (unless approved sooner)
     * @param score the best schedule's score so far; null before the first one
     */
    public record FirstSolve(boolean published, Duration elapsed, Duration budget, String score) {
    }

    public FirstSolve firstSolve() {
        PlanningSchedule best = currentBest.get();
        Instant started = solveStartedAt;
        Duration elapsed = started == null ? Duration.ZERO : Duration.between(started, Instant.now());
        return new FirstSolve(latest != null && publishedSinceStart, elapsed, firstPublicationBudget,
                best == null || best.getScore() == null ? null : best.getScore().toString());
    }

    /**
     * Starts solving and returns once the first schedule exists.
     *
     * @throws IllegalStateException if the solver fails before it has a first schedule, naming why
     */
    public LivePlan start() throws InterruptedException {
        solveStartedAt = Instant.now();
        solverRunning = true;
        solverThread.submit(() -> {
            try {
                solver.solve(initial);
            } catch (RuntimeException | Error e) {
                solverFailure = e;
                LOG.error("the solver stopped", e);
            } finally {
                solverRunning = false;
                // Whoever waits for the first schedule learns that none will come.
                solving.countDown();
            }
        });
        solving.await();
        if (currentBest.get() == null) {
            close();
            Throwable failure = solverFailure;
            throw new IllegalStateException("the solver failed before its first schedule: " + (failure == null
                    ? "it stopped" : failure.getClass().getSimpleName() + ": " + failure.getMessage()), failure);
        }
        return this;
    }

    /** @return whether the solver thread is still solving: it does from {@link #start()} to {@link #close()} */
    public boolean solverRunning() {
        return solverRunning;
    }

    /** @return why the solver thread ended, if it ended with an error */
    public Optional<Throwable> solverFailure() {
        return Optional.ofNullable(solverFailure);
    }

    @Override
    public List<RefusedChange> submitAll(List<PortfolioChange> changes) {
        // Validating and compiling takes a while on a large portfolio; the solver thread must not wait for it to
        // hand over the changes before these, so this lock is not the one that guards the waiting changes.
        synchronized (preparing) {
            PortfolioChangeBatch batch = PortfolioChangeBatch.prepare(portfolio, changes);
            if (batch.changesAnything()) {
                portfolio = batch.result();
                batch.accepted().forEach(change -> unattributed.put(change.eventId(), change));
                synchronized (this) {
                    waiting.add(batch);
                    if (!changeInFlight) {
                        handOverWaitingChanges();
                    }
                }
            }
            return batch.refused();
        }
    }

    @Override
    public ImprovementGate.Hold holdImprovement() {
        return improvementGate.hold();
    }

    /**
     * Gives the solver everything that waits, as one problem change, once the last one has been repaired. Timefold
     * restarts the solve for every problem change it is given, and a restart re-evaluates the whole schedule; a
     * change given to it while it restarts for the one before would restart it again before the repair has run, and
     * under a steady stream of events no repair would ever run. One change in flight at a time, and those that
     * arrive meanwhile together in the next, keeps every change's wait to about two repairs.
     */
    private synchronized void handOverWaitingChanges() {
        if (waiting.isEmpty()) {
            changeInFlight = false;
            return;
        }
        changeInFlight = true;
        solver.addProblemChange(PortfolioChangeBatch.combine(waiting));
        waiting.clear();
    }

    @Override
    public Portfolio portfolio() {
        return portfolio;
    }

    public Optional<Publication> latestPublication() {
        return Optional.ofNullable(latest);
    }

    /** Which constraints cost what in the best schedule so far. */
    public ScoreExplanation explainScore(int matchesPerConstraint) {
        PlanningSchedule best = currentBest.get();
        if (best == null) {
            throw new IllegalStateException("the solver has not produced a schedule yet");
        }
        // Best solutions are planning clones that the solver no longer touches, so analyzing one is safe.
        return ScoreExplanation.of(solverFactory, best, matchesPerConstraint);
    }

    private void publish() {
        publishPending.set(false);
        PlanningSchedule best = latestBest.getAndSet(null);
        if (best == null) {
            return;
        }
        try {
            ScheduleProjection projection = PortfolioSolver.project(best);
            List<AppliedChange> applied = best.appliedChanges();
            List<AppliedChange> causes = new ArrayList<>();
            if (publishedUnrepaired && !best.repairPending()) {
                causes.addAll(unrepairedChanges);
            }
            causes.addAll(applied.subList(Math.min(attributedChanges, applied.size()), applied.size()));
            List<AppliedChange> newlyApplied = List.copyOf(causes);
            if (!publishedSinceStart && !firstPlanApproved.get()) {
                Instant firstDue = solveStartedAt.plus(firstPublicationBudget);
                if (Instant.now().isBefore(firstDue)) {
                    // The first solve is still converging: executives would see (and a baseline would keep) the
                    // construction heuristic's plan. The newest best schedule waits for the budget.
                    latestBest.compareAndSet(null, best);
                    if (heldPublication == null || heldPublication.isDone()) {
                        heldPublication = publisherThread.schedule(this::publish,
                                Duration.between(Instant.now(), firstDue).toMillis(), TimeUnit.MILLISECONDS);
                    }
                    return;
                }
            }
            Instant due = lastPublishedAt.plus(reoptimizationInterval);
            if (newlyApplied.isEmpty() && publishedSinceStart && Instant.now().isBefore(due)) {
                // Only the solver's own improvement: hold it until the interval is over. A newer schedule replaces
                // it, and one caused by an event is published at once through the ordinary path.
                latestBest.compareAndSet(null, best);
                if (heldPublication == null || heldPublication.isDone()) {
                    heldPublication = publisherThread.schedule(this::publish,
                            Duration.between(Instant.now(), due).toMillis(), TimeUnit.MILLISECONDS);
                }
                return;
            }
            Map<String, BlockAttribution> attribution = attribute(best);
            List<BlockDateChange> changes = new ArrayList<>();
            for (BlockProjection block : projection.blocks()) {
                LocalDate before = publishedDates.get(block.blockId());
                if (before == null || !before.equals(block.onlineDate())) {
                    long delta = before == null ? 0 : ChronoUnit.DAYS.between(before, block.onlineDate());
                    BlockAttribution credited = before == null ? BlockAttribution.NONE
                            : attribution.getOrDefault(block.blockId(), BlockAttribution.NONE);
                    changes.add(new BlockDateChange(block.siteId(), block.blockId(), block.itMw(), before,
                            block.onlineDate(), delta, credited.causes(), credited.effectDays(),
                            delta - credited.effectDays(), credited.shares(), credited.interactionDays()));
                }
            }
            if (changes.isEmpty() && newlyApplied.isEmpty() && publishedSinceStart) {
                // Only the solver's own improvement, and no date moved.
                return;
            }
            attributedChanges = applied.size();
            publishedUnrepaired = best.repairPending();
            unrepairedChanges = publishedUnrepaired ? newlyApplied : List.of();
            changes.forEach(change -> publishedDates.put(change.blockId(), change.newDate()));
            PublishedSchedule schedule = new PublishedSchedule(best.getProblem(), best.starts(), best.modes(),
                    applied, !best.repairPending());
            if (schedule.repaired()) {
                (basis == null ? applied : schedule.changesSince(basis))
                        .forEach(change -> unattributed.remove(change.eventId()));
                basis = schedule;
            }
            lastPublishedAt = Instant.now();
            publishedSinceStart = true;
            latest = new Publication(++version, lastPublishedAt, projection, List.copyOf(changes), newlyApplied,
                    schedule);
            listener.published(latest);
        } catch (RuntimeException e) {
            LOG.error("publishing a projection failed", e);
        }
    }

    private record BlockAttribution(long effectDays, List<AppliedChange> causes, List<EventShare> shares,
            Long interactionDays) {

        static final BlockAttribution NONE = new BlockAttribution(0, List.of(), List.of(), null);
    }

    /**
     * Per block, what the events taken in since the last published repaired schedule did to it: that schedule
     * repaired to them alone, without the solver's improvements since (some held back, some found while it
     * repaired). Nothing is credited to events while the best schedule does not show them yet, nor when no
     * published schedule is known (the first one of a run).
     */
    private Map<String, BlockAttribution> attribute(PlanningSchedule best) {
        List<AppliedChange> applied = best.appliedChanges();
        if (basis == null || best.repairPending() || basis.appliedChanges().size() >= applied.size()) {
            return Map.of();
        }
        List<AppliedChange> events = applied.subList(basis.appliedChanges().size(), applied.size());
        SchedulingProblem changed = best.getProblem();
        CounterfactualRepair.Result together = repairBasis(changed);
        List<CounterfactualRepair.Result> alone = events.size() > 1 ? eachAlone(events) : List.of();
        Map<String, BlockAttribution> result = new HashMap<>();
        for (int b = 0; b < changed.blockCount(); b++) {
            LocalDate published = basis.onlineDate(b);
            long effect = ChronoUnit.DAYS.between(published, together.onlineDate(b));
            List<AppliedChange> causes = new ArrayList<>();
            List<EventShare> shares = new ArrayList<>();
            Long interaction = null;
            if (!alone.isEmpty()) {
                long sum = 0;
                for (int i = 0; i < events.size(); i++) {
                    long share = ChronoUnit.DAYS.between(published, alone.get(i).onlineDate(b));
                    sum += share;
                    shares.add(new EventShare(events.get(i).eventId(), share));
                    if (share != 0) {
                        causes.add(events.get(i));
                    }
                }
                interaction = effect - sum;
                if (causes.isEmpty() && effect != 0) {
                    // Only together do they move it: all of them are its causes.
                    causes.addAll(events);
                }
            } else if (effect != 0) {
                causes.addAll(events);
            }
            if (effect != 0 || !causes.isEmpty()) {
                result.put(changed.blockId(b), new BlockAttribution(effect, List.copyOf(causes),
                        List.copyOf(shares), interaction));
            }
        }
        return result;
    }

    private CounterfactualRepair.Result repairBasis(SchedulingProblem changed) {
        return CounterfactualRepair.repair(basis.problem(), basis.starts(), basis.modes(), changed,
                CounterfactualRepair.onlyTakesAway(basis.problem(), changed));
    }

    /**
     * Each event's repair of the published schedule without the others, when there are few enough to afford one
     * compilation each; empty when there are more, or when an event does not apply alone (it was valid after the
     * ones before it): its share cannot be stated, and the events are named as joint causes.
     */
    private List<CounterfactualRepair.Result> eachAlone(List<AppliedChange> events) {
        if (events.size() > MAX_EVENTS_WITH_SHARES) {
            return List.of();
        }
        List<CounterfactualRepair.Result> results = new ArrayList<>();
        for (AppliedChange event : events) {
            PortfolioChange change = unattributed.get(event.eventId());
            if (change == null) {
                return List.of();
            }
            try {
                SchedulingProblem alone = ProblemCompiler.compile(change.replayOnto(basis.problem().portfolio()));
                results.add(repairBasis(alone));
            } catch (RuntimeException e) {
                return List.of();
            }
        }
        return results;
    }

    @Override
    public void close() {
        solver.terminateEarly();
        solverThread.shutdown();
        try {
            // The solver's last best schedule still goes to the publisher, so that one stops second.
            solverThread.awaitTermination(10, TimeUnit.SECONDS);
            publisherThread.shutdown();
            publisherThread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Publications held back (the solver's own improvements waiting for their interval) are dropped when the
     * service closes rather than waited for: the next start projects afresh.
     */
    private static ScheduledThreadPoolExecutor publisher() {
        ScheduledThreadPoolExecutor publisher = new ScheduledThreadPoolExecutor(1,
                runnable -> daemon(runnable, "ttc-publisher"));
        publisher.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return publisher;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
