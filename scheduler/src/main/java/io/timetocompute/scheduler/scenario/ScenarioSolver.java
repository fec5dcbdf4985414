package io.timetocompute.scheduler.scenario;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import ai.timefold.solver.core.api.solver.Solver;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.problem.ProblemCompiler;
import io.timetocompute.scheduler.problem.SchedulingProblem;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.TaskSchedule;
import io.timetocompute.scheduler.solver.PlanningSchedule;
import io.timetocompute.scheduler.solver.PortfolioSolver;
import io.timetocompute.scheduler.solver.ScheduleSolverFactory;
import io.timetocompute.scheduler.solver.TaskAssignment;

/**
 * Solves a scenario with a solver of its own, built for this solve and discarded after it: the live plan's solver,
 * portfolio and publications are never touched. The solve starts from the schedule the scenario was forked from,
 * so the construction step repairs it to the changes (keeping the order of work) instead of starting over.
 */
public final class ScenarioSolver {

    private ScenarioSolver() {
    }

    public static ScenarioResult solve(Scenario scenario, Duration limit, long seed) {
        long begin = System.nanoTime();
        Scenario.Applied applied = scenario.apply();
        PlanningSchedule start = warmStart(applied.problem(), scenario.schedule());
        Solver<PlanningSchedule> solver = ScheduleSolverFactory.create(limit, seed).buildSolver();
        PlanningSchedule best = solver.solve(start);
        ScheduleProjection projection = PortfolioSolver.project(best);
        return new ScenarioResult(scenario, applied, projection, (System.nanoTime() - begin) / 1e9);
    }

    /**
     * The scenario's problem with every task where the forked schedule has it (same start date, same mode when the
     * scenario still allows it, else its first mode); a task the schedule does not name leaves the whole schedule
     * to be constructed from scratch.
     */
    public static PlanningSchedule warmStart(Portfolio portfolio, ScheduleProjection schedule) {
        return warmStart(ProblemCompiler.compile(portfolio), schedule);
    }

    /** {@link #warmStart(Portfolio, ScheduleProjection)} of a portfolio compiled already. */
    public static PlanningSchedule warmStart(SchedulingProblem problem, ScheduleProjection schedule) {
        Portfolio portfolio = problem.portfolio();
        PlanningSchedule planning = new PlanningSchedule(problem);
        if (schedule == null) {
            return planning;
        }
        Map<String, TaskSchedule> known = new HashMap<>();
        schedule.tasks().forEach(task -> known.put(task.id(), task));
        for (TaskAssignment task : planning.getTasks()) {
            if (task.isPinned()) {
                continue;
            }
            TaskSchedule was = known.get(task.getId());
            if (was == null || was.start() == null) {
                return new PlanningSchedule(problem);
            }
            int day = Math.max(0, Math.min(problem.horizon() - 1, problem.day(was.start())));
            int mode = portfolio.tasks().get(task.getIndex()).modeIndex(was.mode());
            task.setStart(day);
            task.setMode(mode < 0 ? 0 : mode);
        }
        return planning;
    }
}
