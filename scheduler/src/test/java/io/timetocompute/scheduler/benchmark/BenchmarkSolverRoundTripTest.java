package io.timetocompute.scheduler.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.timetocompute.scheduler.benchmark.BenchmarkChecker.Objectives;
import io.timetocompute.scheduler.benchmark.BenchmarkInstance.Project;
import io.timetocompute.scheduler.solver.PortfolioSolver;

/**
 * Solves real benchmark instances, writes the benchmark solution file, reads it back and checks it with the
 * independent checker. Also pins down that the solver's money objective is the benchmark objective: the makespan
 * for PSPLIB, TPD plus a constant for MISTA.
 */
class BenchmarkSolverRoundTripTest {

    @TempDir
    Path folder;

    @Test
    void solvesJ301_1ToItsOptimum() {
        BenchmarkInstance instance = BenchmarkTestData.psplib("psplib/j30/j301_1.sm");

        RoundTrip roundTrip = solveWriteAndReadBack(instance, Duration.ofSeconds(2));

        assertThat(roundTrip.objectives().makespan()).isEqualTo(roundTrip.moneyObjective())
                .isEqualTo(BenchmarkTestData.references().makespan(instance).orElseThrow().upperBound()).isEqualTo(43);
    }

    @Test
    void solvesAMultiModeJ10InstanceWithinItsBudgets() {
        BenchmarkInstance instance = BenchmarkTestData.psplib("psplib/mm/j10/j1011_1.mm");

        RoundTrip roundTrip = solveWriteAndReadBack(instance, Duration.ofSeconds(1));

        int optimum = BenchmarkTestData.references().makespan(instance).orElseThrow().upperBound();
        assertThat(roundTrip.objectives().makespan()).isEqualTo(roundTrip.moneyObjective())
                .isGreaterThanOrEqualTo(optimum);
    }

    /**
     * Guards the engine's bookkeeping of crew usage under mode moves: a multi-mode instance whose modes differ in
     * crew and duration overloads a pool as soon as usage is removed with other modes than it was added with.
     */
    @Test
    void solvesJ1010_1WithoutOverloadingAPool() {
        BenchmarkInstance instance = BenchmarkTestData.psplib("psplib/mm/j10/j1010_1.mm");

        RoundTrip roundTrip = solveWriteAndReadBack(instance, Duration.ofSeconds(1));

        assertThat(roundTrip.objectives().makespan()).isGreaterThanOrEqualTo(17);
    }

    @Test
    void solvesMistaA1WithReleasesAndTheSharedResource() {
        BenchmarkInstance instance = BenchmarkTestData.mista("A-1.txt");

        RoundTrip roundTrip = solveWriteAndReadBack(instance, Duration.ofSeconds(2));

        int constant = instance.projects().stream().mapToInt(p -> p.release() + p.criticalPathDuration()).sum();
        assertThat(roundTrip.moneyObjective()).isEqualTo(roundTrip.objectives().totalProjectDelay() + constant);
        // The published best-known TPD of A-1 is 1; no schedule can beat a delay of 0.
        assertThat(roundTrip.objectives().totalProjectDelay()).isGreaterThanOrEqualTo(0);
    }

    private record RoundTrip(Objectives objectives, long moneyObjective) {
    }

    private RoundTrip solveWriteAndReadBack(BenchmarkInstance instance, Duration limit) {
        PortfolioSolver.Outcome outcome = PortfolioSolver.solve(instance.portfolio(), limit, 1, progress -> { });
        BenchmarkSolution solved = BenchmarkSolution.fromProjection(instance, outcome.projection());
        Path file = folder.resolve(instance.name() + ".json");

        solved.write(file);
        BenchmarkSolution read = BenchmarkSolution.read(file);

        assertThat(read).isEqualTo(solved);
        assertThat(read.schedule()).hasSize(instance.jobCount());
        for (Project project : instance.projects()) {
            assertThat(read.schedule()).filteredOn(entry -> entry.project() == project.number())
                    .hasSize(project.jobCount());
        }
        assertThat(BenchmarkChecker.violations(instance, read)).isEmpty();
        assertThat(outcome.projection().feasible()).isTrue();
        return new RoundTrip(BenchmarkChecker.objectives(instance, read), outcome.projection().moneyObjective());
    }
}
