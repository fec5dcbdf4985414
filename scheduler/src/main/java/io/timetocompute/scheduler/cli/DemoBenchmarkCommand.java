package io.timetocompute.scheduler.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.engine.CrewFreeBound;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.problem.ProblemCompiler;
import io.timetocompute.scheduler.solver.PortfolioSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures the solver on the demo portfolio: time to the first feasible schedule, the money objective at
 * checkpoints, and peak heap. One JVM per size keeps the memory figures apart.
 */
@Command(name = "bench-demo", mixinStandardHelpOptions = true,
        description = "Benchmarks the solver on the demo portfolio at one size; prints a Markdown table row.")
final class DemoBenchmarkCommand implements Callable<Integer> {

    @Option(names = "--tasks", defaultValue = "10000", description = "Approximate number of tasks (default ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--checkpoints", split = ",", defaultValue = "10,60",
            description = "Seconds at which to report the best objective; the last is the solving time (default ${DEFAULT-VALUE}).")
    List<Integer> checkpoints;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Portfolio portfolio = DemoPortfolioGenerator.generate(tasks, seed);
        List<PortfolioSolver.Progress> history = new ArrayList<>();
        int last = checkpoints.get(checkpoints.size() - 1);
        PortfolioSolver.Outcome outcome = PortfolioSolver.solve(portfolio, Duration.ofSeconds(last), seed,
                history::add);
        long bound = CrewFreeBound.money(ProblemCompiler.compile(portfolio));
        StringBuilder row = new StringBuilder();
        row.append(String.format("| %,d | %d | %.2f s |", portfolio.tasks().size(), portfolio.sites().size(),
                outcome.firstFeasibleSeconds()));
        for (int checkpoint : checkpoints) {
            PortfolioSolver.Progress best = null;
            for (PortfolioSolver.Progress progress : history) {
                if (progress.seconds() <= checkpoint) {
                    best = progress;
                }
            }
            row.append(best == null ? " - |" : String.format(" %s |", money(best, bound)));
        }
        row.append(String.format(" %,d | %,d MiB |", bound, peakHeapMiB()));
        spec.commandLine().getOut().println(
                "| tasks | sites | first feasible | " + String.join(" | ", checkpoints.stream()
                        .map(c -> "objective at " + c + " s").toList()) + " | crew-free bound | peak heap |");
        spec.commandLine().getOut().println(row);
        spec.commandLine().getOut().flush();
        return outcome.projection().feasible() ? 0 : 3;
    }

    /** The objective and its gap to the crew-free lower bound. */
    private static String money(PortfolioSolver.Progress progress, long bound) {
        var score = progress.score();
        long objective = -score.mediumScore();
        String money = String.format("%,d (+%.2f %%)", objective, 100.0 * (objective - bound) / bound);
        return score.isFeasible() ? money : money + " (" + -score.hardScore() + " hard)";
    }

    /** Sum of each heap pool's peak: an upper bound of the heap ever in use at once. */
    private static long peakHeapMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }
}
