package io.timetocompute.scheduler.goal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import io.timetocompute.scheduler.portfolio.ComputeBlock;
import io.timetocompute.scheduler.portfolio.Dependency;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskMode;
import io.timetocompute.scheduler.portfolio.TaskStatus;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.BlockProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.PathStep;
import io.timetocompute.scheduler.scenario.InvalidScenarioException;
import io.timetocompute.scheduler.scenario.Lever;

/**
 * Goal seeking: a Timefold solve whose planning variables are the levels of the candidate levers and whose score is
 * the objective ({@link GoalConstraintProvider}), each combination scheduled by the engine. The solver's best is
 * then made minimal (an action whose removal still reaches the objective as well is dropped, the costliest
 * first), and each remaining action is priced and credited with the days it gains per block.
 */
public final class GoalSeeker {

    private GoalSeeker() {
    }

    /**
     * @param schedule the schedule of {@code portfolio} to start from (the live plan's)
     */
    public static GoalResult seek(Portfolio portfolio, ScheduleProjection schedule, GoalObjective objective,
            Duration limit, long seed) {
        long begin = System.nanoTime();
        validate(portfolio, objective);
        GoalContext context = new GoalContext(portfolio, schedule, objective, candidates(portfolio, schedule,
                objective), seed);
        int[] levels = new int[context.candidates().size()];
        String score = null;
        if (levels.length > 0) {
            List<LeverChoice> choices = new ArrayList<>();
            for (int i = 0; i < levels.length; i++) {
                // Every lever pulled as far as it goes: the best date reachable at once, then cheaper combinations.
                // From none pulled, two levers that only gain together (two shipments the same work waits for)
                // would each look like money for nothing.
                Candidate candidate = context.candidates().get(i);
                choices.add(new LeverChoice(i, candidate, candidate.maxLevel()));
            }
            Solver<GoalPlan> solver = SolverFactory.<GoalPlan>create(config(limit, seed)).buildSolver();
            GoalPlan best = solver.solve(new GoalPlan(context, choices));
            levels = best.levels();
            score = best.getScore() == null ? null : best.getScore().toString();
        }
        levels = minimal(context, levels);
        return answer(context, levels, score, (System.nanoTime() - begin) / 1e9);
    }

    static SolverConfig config(Duration limit, long seed) {
        // Every combination starts with every lever set, so there is nothing to construct: local search only.
        // It stops early once nothing better turns up for a while, which on a small set of levers is soon.
        Duration unimproved = Duration.ofMillis(Math.max(1_000, limit.toMillis() / 4));
        return new SolverConfig()
                .withSolutionClass(GoalPlan.class)
                .withEntityClasses(LeverChoice.class)
                .withConstraintProviderClass(GoalConstraintProvider.class)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(seed)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit)
                        .withUnimprovedSpentLimit(unimproved))
                .withPhases(new LocalSearchPhaseConfig());
    }

    private static void validate(Portfolio portfolio, GoalObjective objective) {
        switch (objective.kind()) {
            case BLOCK_BY_DATE -> {
                if (objective.by() == null) {
                    throw new InvalidScenarioException("a block objective needs a date");
                }
                blockTask(portfolio, objective.blockId());
            }
            case MOST_MW_BY_DATE -> {
                if (objective.by() == null || objective.budget() == null) {
                    throw new InvalidScenarioException("an MW objective needs a date and a budget");
                }
            }
            case SITE_DELAY -> {
                if (objective.budget() == null
                        || portfolio.sites().stream().noneMatch(site -> site.id().equals(objective.siteId()))) {
                    throw new InvalidScenarioException("a site objective needs a known site and a budget (site "
                            + objective.siteId() + ")");
                }
            }
        }
    }

    private static Task blockTask(Portfolio portfolio, String blockId) {
        return portfolio.tasks().stream().filter(task -> blockId != null && blockId.equals(task.bringsOnline()))
                .findFirst().orElseThrow(() -> new InvalidScenarioException("unknown compute block " + blockId));
    }

    /**
     * The levers that can move the objective: for the tasks the objective's blocks wait for (their predecessors,
     * transitively), the shipments they need that can be expedited, the pools they use that can hire, and their
     * other modes.
     */
    static List<Candidate> candidates(Portfolio portfolio, ScheduleProjection schedule, GoalObjective objective) {
        Map<String, Task> tasks = new HashMap<>();
        portfolio.tasks().forEach(task -> tasks.put(task.id(), task));
        Deque<Task> open = new ArrayDeque<>();
        switch (objective.kind()) {
            case BLOCK_BY_DATE -> open.add(blockTask(portfolio, objective.blockId()));
            case MOST_MW_BY_DATE -> portfolio.tasks().stream().filter(task -> task.bringsOnline() != null)
                    .forEach(open::add);
            case SITE_DELAY -> portfolio.tasks().stream().filter(task -> task.bringsOnline() != null
                    && task.siteId().equals(objective.siteId())).forEach(open::add);
        }
        Set<String> seen = new HashSet<>();
        List<Task> involved = new ArrayList<>();
        while (!open.isEmpty()) {
            Task task = open.poll();
            if (seen.add(task.id())) {
                involved.add(task);
                for (Dependency dependency : task.predecessors()) {
                    open.add(tasks.get(dependency.taskId()));
                }
            }
        }
        involved.sort(Comparator.comparing(Task::id));
        LocalDate hireUntil = objective.by() != null ? objective.by() : latestOnline(schedule, portfolio,
                objective.siteId());
        Map<String, Shipment> shipments = new LinkedHashMap<>();
        portfolio.shipments().forEach(s -> shipments.put(s.id(), s));
        Map<String, LaborPool> pools = new LinkedHashMap<>();
        portfolio.pools().forEach(p -> pools.put(p.id(), p));
        TreeMap<String, Candidate> expedite = new TreeMap<>();
        TreeMap<String, Candidate> hire = new TreeMap<>();
        List<Candidate> modes = new ArrayList<>();
        for (Task task : involved) {
            boolean notStarted = task.progressOrNotStarted().status() == TaskStatus.NOT_STARTED;
            for (String shipmentId : task.materials()) {
                Shipment s = shipments.get(shipmentId);
                if (notStarted && s != null && s.deliveredDate() == null && s.earliestExpeditedDate() != null
                        && s.earliestExpeditedDate().isBefore(s.promisedDate())) {
                    expedite.put(s.id(), new Candidate.Expedite(s.id(), s.promisedDate(),
                            (int) ChronoUnit.DAYS.between(s.earliestExpeditedDate(), s.promisedDate())));
                }
            }
            for (TaskMode mode : task.modes()) {
                for (String poolId : mode.crew().keySet()) {
                    LaborPool pool = pools.get(poolId);
                    if (pool == null || pool.maxExtraHeadcount() == null || pool.maxExtraHeadcount() < 1) {
                        continue;
                    }
                    LocalDate from = portfolio.dataDate().plusDays(pool.hireLeadTimeDays() == null ? 0
                            : pool.hireLeadTimeDays());
                    if (!from.isAfter(hireUntil)) {
                        hire.put(poolId, new Candidate.Hire(poolId, from, hireUntil, pool.maxExtraHeadcount()));
                    }
                }
            }
            if (notStarted && task.modes().size() > 1) {
                modes.add(new Candidate.Mode(task.id(), task.modes().stream().map(TaskMode::name).toList()));
            }
        }
        List<Candidate> candidates = new ArrayList<>(expedite.values());
        candidates.addAll(hire.values());
        candidates.addAll(modes);
        return candidates;
    }

    private static LocalDate latestOnline(ScheduleProjection schedule, Portfolio portfolio, String siteId) {
        return schedule.blocks().stream().filter(block -> block.siteId().equals(siteId))
                .map(BlockProjection::onlineDate).max(Comparator.naturalOrder()).orElse(portfolio.dataDate());
    }

    /**
     * Drops every action that the objective does not need, the costliest first: an action goes when the others
     * alone reach the objective at least as well. What is left has no action that could be dropped. Then each
     * action is pulled no further than needed (the fewest days of expediting, the fewest hires), in case the
     * search ran out of time before it trimmed them.
     */
    static int[] minimal(GoalContext context, int[] levels) {
        int[] current = levels.clone();
        Evaluation reference = context.evaluate(current);
        List<Integer> pulled = new ArrayList<>();
        for (int i = 0; i < current.length; i++) {
            if (current[i] > 0) {
                pulled.add(i);
            }
        }
        Map<Integer, Long> costs = new HashMap<>();
        for (int i : pulled) {
            int[] alone = new int[current.length];
            alone[i] = current[i];
            costs.put(i, context.evaluate(alone).leverCost());
        }
        pulled.sort(Comparator.comparing((Integer i) -> costs.get(i)).reversed());
        for (int i : pulled) {
            int[] without = current.clone();
            without[i] = 0;
            Evaluation evaluation = context.evaluate(without);
            if (evaluation.notWorseThan(reference)) {
                current = without;
                reference = evaluation;
            }
        }
        for (int i : pulled) {
            if (current[i] <= 1) {
                continue;
            }
            // The smallest level as good as the current one, by bisection: a lever pulled further gains no less.
            int low = 1;
            int high = current[i];
            while (low < high) {
                int middle = (low + high) / 2;
                int[] trimmed = current.clone();
                trimmed[i] = middle;
                if (context.evaluate(trimmed).notWorseThan(reference)) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            int[] trimmed = current.clone();
            trimmed[i] = low;
            Evaluation evaluation = context.evaluate(trimmed);
            if (evaluation.notWorseThan(reference) && evaluation.leverCost() <= reference.leverCost()) {
                current = trimmed;
                reference = evaluation;
            }
        }
        return current;
    }

    private static GoalResult answer(GoalContext context, int[] levels, String score, double seconds) {
        GoalObjective objective = context.objective();
        GoalContext.Scheduled result = context.schedule(levels);
        Evaluation evaluation = result.evaluation();
        List<Lever> levers = context.levers(levels);
        List<GoalResult.GoalAction> actions = new ArrayList<>();
        Portfolio before = context.portfolio();
        int leverIndex = 0;
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] == 0) {
                continue;
            }
            Lever lever = levers.get(leverIndex++);
            int[] without = levels.clone();
            without[i] = 0;
            Map<String, LocalDate> withoutDates = context.evaluate(without).online();
            Map<String, Long> gained = new TreeMap<>();
            evaluation.online().forEach((block, date) -> {
                LocalDate other = withoutDates.get(block);
                long days = other == null ? 0 : ChronoUnit.DAYS.between(date, other);
                if (days != 0) {
                    gained.put(block, days);
                }
            });
            actions.add(new GoalResult.GoalAction(lever.eventId(), lever.type(), lever.kind(), lever.subject(),
                    lever.description(), lever.cost(before), gained));
        }
        List<GoalResult.BlockDate> blocks = new ArrayList<>();
        for (BlockProjection block : result.projection().blocks()) {
            LocalDate was = context.schedule().blocks().stream().filter(b -> b.blockId().equals(block.blockId()))
                    .map(BlockProjection::onlineDate).findFirst().orElse(null);
            blocks.add(new GoalResult.BlockDate(block.siteId(), block.blockId(), was, block.onlineDate(),
                    was == null ? 0 : ChronoUnit.DAYS.between(was, block.onlineDate())));
        }
        boolean reached = evaluation.possible() && evaluation.scheduleViolations() == 0
                && evaluation.daysLate() == 0 && evaluation.budgetOverrun() == 0;
        LocalDate bestDate = null;
        String stoppedBy = null;
        if (objective.kind() == GoalObjective.Kind.BLOCK_BY_DATE) {
            bestDate = evaluation.online().get(objective.blockId());
            if (!reached) {
                stoppedBy = stoppedBy(result, objective.blockId());
            }
        }
        double mwOnline = 0;
        if (objective.kind() == GoalObjective.Kind.MOST_MW_BY_DATE) {
            for (Site site : result.portfolio().sites()) {
                for (ComputeBlock block : site.computeBlocks()) {
                    mwOnline += block.itMw();
                }
            }
            mwOnline -= evaluation.mwOffline();
        }
        return new GoalResult(objective.describe(), reached, bestDate, stoppedBy, actions, evaluation.leverCost(),
                mwOnline, objective.kind() == GoalObjective.Kind.SITE_DELAY ? evaluation.siteDelayCost() : null,
                blocks, score, seconds);
    }

    /**
     * What keeps the block from being earlier, read from its driving path with the actions taken: a shipment
     * already at its earliest date (or one that cannot be expedited), the utility's power date, the site's opening,
     * a pool at its ceiling, or else the chain of work itself.
     */
    private static String stoppedBy(GoalContext.Scheduled result, String blockId) {
        BlockProjection block = result.projection().blocks().stream().filter(b -> b.blockId().equals(blockId))
                .findFirst().orElseThrow();
        Portfolio portfolio = result.portfolio();
        List<String> reasons = new ArrayList<>();
        for (PathStep step : block.drivingPath()) {
            switch (step.kind()) {
                case "SHIPMENT" -> {
                    Shipment s = portfolio.shipments().stream().filter(x -> x.id().equals(step.id())).findFirst()
                            .orElseThrow();
                    if (s.earliestExpeditedDate() == null) {
                        reasons.add("shipment " + s.id() + " arriving " + s.arrivalDate() + " (it cannot be expedited)");
                    } else if (!s.arrivalDate().isAfter(s.earliestExpeditedDate())) {
                        reasons.add("shipment " + s.id() + "'s earliest date " + s.earliestExpeditedDate());
                    } else {
                        reasons.add("shipment " + s.id() + " arriving " + s.arrivalDate() + " (expediting it alone "
                                + "gains nothing: other work waits too)");
                    }
                }
                case "POWER" -> reasons.add("the utility power date of site " + step.id() + " (" + step.start()
                        + ")");
                case "SITE_OPENING" -> reasons.add("site " + step.id() + " opens " + step.start());
                case "POOL_WAIT" -> {
                    LaborPool pool = portfolio.pools().stream().filter(p -> p.id().equals(step.id())).findFirst()
                            .orElse(null);
                    reasons.add(pool == null ? step.description() : "pool " + pool.id() + "'s ceiling ("
                            + (pool.maxExtraHeadcount() == null ? "no hires possible"
                            : "at most " + pool.maxExtraHeadcount() + " extra, hires from day "
                            + (pool.hireLeadTimeDays() == null ? 0 : pool.hireLeadTimeDays())) + ")");
                }
                case "DATA_DATE" -> {
                    if (reasons.isEmpty()) {
                        reasons.add("the chain of work from the data date (every task at its fastest allowed mode)");
                    }
                }
                default -> {
                }
            }
        }
        return String.join("; ", reasons);
    }
}
