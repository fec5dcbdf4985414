package io.timetocompute.scheduler.benchmark;

import java.time.Duration;

/** A solver that the benchmark harness runs on public instances, each for the same time on the same machine. */
public interface BenchmarkEngine {

    /** @return the name used on the command line and in result tables */
    String name();

    /**
     * @return the best schedule found within the time limit, or null if none was found
     */
    BenchmarkSolution solve(BenchmarkInstance instance, Duration limit, long seed);
}
