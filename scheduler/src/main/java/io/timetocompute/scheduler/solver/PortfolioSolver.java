package io.timetocompute.scheduler.solver;

import java.time.Duration;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.problem.ProblemCompiler;
import io.timetocompute.scheduler.problem.SchedulingProblem;
import io.timetocompute.scheduler.projection.ProjectionCalculator;
import io.timetocompute.scheduler.projection.ScheduleProjection;

/** Solves a portfolio once, for a fixed time, and projects the result. */
public final class PortfolioSolver {

    private PortfolioSolver() {
    }

    /**
     * @param progress called on every new best schedule with the seconds spent and the score
     */
    public static Outcome solve(Portfolio portfolio, Duration limit, long seed, Consumer<Progress> progress) {
        long begin = System.nanoTime();
        SchedulingProblem problem = ProblemCompiler.compile(portfolio);
        Solver<PlanningSchedule> solver = ScheduleSolverFactory.create(limit, seed).buildSolver();
        double[] firstFeasibleSeconds = {Double.NaN};
        solver.addEventListener(event -> {
            double seconds = (System.nanoTime() - begin) / 1e9;
            HardMediumSoftLongScore score = event.getNewBestSolution().getScore();
            if (score.isFeasible() && Double.isNaN(firstFeasibleSeconds[0])) {
                firstFeasibleSeconds[0] = seconds;
            }
            progress.accept(new Progress(seconds, score));
        });
        PlanningSchedule best = solver.solve(new PlanningSchedule(problem));
        double seconds = (System.nanoTime() - begin) / 1e9;
        ScheduleProjection projection = project(best);
        return new Outcome(best, projection, firstFeasibleSeconds[0], seconds);
    }

    public static ScheduleProjection project(PlanningSchedule schedule) {
        HardMediumSoftLongScore score = schedule.getScore();
        return ProjectionCalculator.project(schedule.getProblem(), schedule.starts(), schedule.modes(),
                score == null ? null : score.toString(), score != null && score.isFeasible());
    }

    public record Progress(double seconds, HardMediumSoftLongScore score) {
    }

    /**
     * @param firstFeasibleSeconds seconds from the call to the first schedule without hard violations (NaN: none)
     */
    public record Outcome(PlanningSchedule schedule, ScheduleProjection projection, double firstFeasibleSeconds,
            double seconds) {
    }
}
