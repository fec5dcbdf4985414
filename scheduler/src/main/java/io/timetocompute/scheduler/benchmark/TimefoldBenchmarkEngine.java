package io.timetocompute.scheduler.benchmark;

import java.time.Duration;

import io.timetocompute.scheduler.solver.PortfolioSolver;

/** Our solver, exactly as the service runs it, on the portfolio an instance maps to. */
public final class TimefoldBenchmarkEngine implements BenchmarkEngine {

    @Override
    public String name() {
        return "timefold";
    }

    @Override
    public BenchmarkSolution solve(BenchmarkInstance instance, Duration limit, long seed) {
        PortfolioSolver.Outcome outcome = PortfolioSolver.solve(instance.portfolio(), limit, seed, progress -> { });
        return BenchmarkSolution.fromProjection(instance, outcome.projection());
    }
}
