package io.timetocompute.scheduler.goal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.timetocompute.scheduler.engine.ActivityListSearch;
import io.timetocompute.scheduler.engine.Objective;
import io.timetocompute.scheduler.portfolio.ComputeBlock;
import io.timetocompute.scheduler.portfolio.InvalidPortfolioException;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.problem.SchedulingProblem;
import io.timetocompute.scheduler.projection.ProjectionCalculator;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.replanning.InvalidChangeException;
import io.timetocompute.scheduler.scenario.Lever;
import io.timetocompute.scheduler.scenario.ScenarioSolver;
import io.timetocompute.scheduler.solver.PlanningSchedule;

/**
 * The problem fact of goal seeking: the portfolio and schedule it starts from, the objective and the candidate
 * levers. It schedules a combination of levels with the engine (the schedule repaired to the levers from the one
 * it starts from, as a scenario's first step does: deterministic, so a combination always scores the same) and
 * remembers what it found, since local search comes back to the same combinations often.
 */
public final class GoalContext {

    private final Portfolio portfolio;
    private final ScheduleProjection schedule;
    private final GoalObjective objective;
    private final List<Candidate> candidates;
    private final long seed;
    private final Map<List<Integer>, Evaluation> evaluated = new HashMap<>();

    public GoalContext(Portfolio portfolio, ScheduleProjection schedule, GoalObjective objective,
            List<Candidate> candidates, long seed) {
        this.portfolio = portfolio;
        this.schedule = schedule;
        this.objective = objective;
        this.candidates = List.copyOf(candidates);
        this.seed = seed;
    }

    public GoalObjective objective() {
        return objective;
    }

    public List<Candidate> candidates() {
        return candidates;
    }

    public Portfolio portfolio() {
        return portfolio;
    }

    public ScheduleProjection schedule() {
        return schedule;
    }

    Evaluation evaluate(List<LeverChoice> choices) {
        int[] levels = new int[candidates.size()];
        for (LeverChoice choice : choices) {
            levels[choice.getIndex()] = choice.getLevel() == null ? 0 : choice.getLevel();
        }
        return evaluate(levels);
    }

    public synchronized Evaluation evaluate(int[] levels) {
        List<Integer> key = Arrays.stream(levels).boxed().toList();
        Evaluation known = evaluated.get(key);
        if (known == null) {
            known = schedule(levels).evaluation();
            evaluated.put(key, known);
        }
        return known;
    }

    /** The levers a combination pulls, in candidate order. */
    public List<Lever> levers(int[] levels) {
        List<Lever> levers = new java.util.ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] > 0) {
                levers.add(candidates.get(i).lever("goal-" + (i + 1), levels[i]));
            }
        }
        return levers;
    }

    /** Schedules a combination and projects it (for the answer: not remembered). */
    public Scheduled schedule(int[] levels) {
        Portfolio current = portfolio;
        long cost = 0;
        for (Lever lever : levers(levels)) {
            try {
                cost += lever.cost(current);
                current = lever.replayOnto(current);
            } catch (InvalidChangeException e) {
                return new Scheduled(Evaluation.refused(e.getMessage()), null, null);
            }
        }
        PlanningSchedule start;
        try {
            start = ScenarioSolver.warmStart(current, schedule);
        } catch (InvalidPortfolioException e) {
            return new Scheduled(Evaluation.refused(e.getMessage()), null, null);
        }
        SchedulingProblem problem = start.getProblem();
        ActivityListSearch search = new ActivityListSearch(problem, seed);
        Objective result = start.fullyAssigned() ? search.warmStart(start.starts(), start.modes())
                : search.construct();
        ScheduleProjection projection = ProjectionCalculator.project(problem, search.bestStarts(),
                search.bestModes(), result.toString(), result.feasible());
        Map<String, LocalDate> online = new HashMap<>();
        projection.blocks().forEach(block -> online.put(block.blockId(), block.onlineDate()));
        return new Scheduled(measure(current, result.hard(), cost, online), current, projection);
    }

    private Evaluation measure(Portfolio scheduled, long violations, long cost, Map<String, LocalDate> online) {
        long daysLate = 0;
        double mwOffline = 0;
        long siteDelay = 0;
        switch (objective.kind()) {
            case BLOCK_BY_DATE -> daysLate = Math.max(0,
                    ChronoUnit.DAYS.between(objective.by(), online.get(objective.blockId())));
            case MOST_MW_BY_DATE -> {
                for (Site site : scheduled.sites()) {
                    for (ComputeBlock block : site.computeBlocks()) {
                        if (online.get(block.id()).isAfter(objective.by())) {
                            mwOffline += block.itMw();
                        }
                    }
                }
            }
            case SITE_DELAY -> {
                Site site = scheduled.sites().stream().filter(s -> s.id().equals(objective.siteId())).findFirst()
                        .orElseThrow();
                for (ComputeBlock block : site.computeBlocks()) {
                    LocalDate date = online.get(block.id());
                    siteDelay += block.valuePerDay() * ChronoUnit.DAYS.between(portfolio.dataDate(), date);
                    if (block.contractDate() != null && date.isAfter(block.contractDate())) {
                        siteDelay += block.penaltyPerDayLate() * ChronoUnit.DAYS.between(block.contractDate(), date);
                    }
                }
            }
        }
        long overrun = objective.budget() == null ? 0 : Math.max(0, cost - objective.budget());
        return new Evaluation(null, violations, daysLate, overrun, mwOffline, siteDelay, cost, Map.copyOf(online));
    }

    /** A combination scheduled: its evaluation, the portfolio with its levers and its projection. */
    public record Scheduled(Evaluation evaluation, Portfolio portfolio, ScheduleProjection projection) {
    }
}
