package io.timetocompute.scheduler.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.BlockProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.PathStep;
import io.timetocompute.scheduler.solver.PortfolioSolver;
import io.timetocompute.scheduler.benchmark.BenchmarkChecker;
import io.timetocompute.scheduler.benchmark.BenchmarkInstance;
import io.timetocompute.scheduler.benchmark.BenchmarkRunner;
import io.timetocompute.scheduler.benchmark.BenchmarkSolution;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Schedules a portfolio (writes the schedule and projections as JSON) or a benchmark instance "
                + "(writes its solution).")
final class SolveCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--portfolio", required = true, description = "Portfolio JSON file (docs/portfolio-format.md).")
        Path portfolioFile;

        @Option(names = "--instance", required = true,
                description = "A PSPLIB .sm or .mm file or a MISTA 2013 instance; writes the benchmark solution format.")
        Path instanceFile;
    }

    @Option(names = "--engine", defaultValue = "timefold",
            description = "For --instance: timefold or cpsat (default ${DEFAULT-VALUE}).")
    String engineName;

    @Option(names = "--seconds", defaultValue = "10", description = "Solving time (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "Schedule and projection JSON file to write.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (input.instanceFile != null) {
            return solveInstance();
        }
        return solveAndReport(spec, PortfolioJson.read(input.portfolioFile), seconds, seed, out);
    }

    private int solveInstance() {
        Duration limit = TimeLimits.ofSeconds(seconds);
        BenchmarkInstance instance = BenchmarkRunner.read(input.instanceFile);
        BenchmarkSolution solution = Engines.byName(engineName).solve(instance, limit, seed);
        if (solution == null) {
            spec.commandLine().getErr().println("error: no schedule found for " + instance.fileName());
            return 3;
        }
        solution.write(out);
        List<String> violations = BenchmarkChecker.violations(instance, solution);
        BenchmarkChecker.Objectives objectives = BenchmarkChecker.objectives(instance, solution);
        PrintWriter stdout = spec.commandLine().getOut();
        if (instance.kind() == BenchmarkInstance.Kind.MISTA) {
            stdout.printf("%s: TPD %d, TMS %d, %s; written to %s%n", instance.fileName(),
                    objectives.totalProjectDelay(), objectives.totalMakespan(),
                    violations.isEmpty() ? "feasible" : "INFEASIBLE: " + violations.get(0), out);
        } else {
            stdout.printf("%s: makespan %d, %s; written to %s%n", instance.fileName(), objectives.makespan(),
                    violations.isEmpty() ? "feasible" : "INFEASIBLE: " + violations.get(0), out);
        }
        stdout.flush();
        return violations.isEmpty() ? 0 : 3;
    }

    /** Solves with a progress line on stderr, writes the projection and prints the summary; returns the exit code. */
    static int solveAndReport(CommandSpec spec, Portfolio portfolio, double seconds, long seed, Path out)
            throws java.io.IOException {
        Duration limit = TimeLimits.ofSeconds(seconds);
        PrintWriter err = spec.commandLine().getErr();
        long[] lastPrinted = {0};
        PortfolioSolver.Outcome outcome = PortfolioSolver.solve(portfolio, limit, seed, progress -> {
                    long now = System.nanoTime();
                    if (now - lastPrinted[0] > 500_000_000L) {
                        lastPrinted[0] = now;
                        err.printf("\rsolving %5.1fs  best %s   ", progress.seconds(), progress.score());
                        err.flush();
                    }
                });
        err.println();
        PortfolioJson.write(outcome.projection(), out);
        PrintWriter stdout = spec.commandLine().getOut();
        printSummary(stdout, outcome);
        stdout.printf("schedule and projections written to %s%n", out);
        stdout.flush();
        return outcome.projection().feasible() ? 0 : 3;
    }

    static void printSummary(PrintWriter out, PortfolioSolver.Outcome outcome) {
        ScheduleProjection projection = outcome.projection();
        out.printf("%s: %d tasks, score %s (%s), solved in %.1fs%n", projection.portfolioId(),
                projection.tasks().size(), projection.score(), projection.feasible() ? "feasible" : "INFEASIBLE",
                outcome.seconds());
        out.printf("%-8s %-12s %6s  %-10s %-10s %5s  %s%n", "site", "block", "MW", "online", "contract", "late",
                "driven by");
        for (BlockProjection block : projection.blocks()) {
            out.printf("%-8s %-12s %6.0f  %-10s %-10s %5s  %s%n", block.siteId(), block.blockId(), block.itMw(),
                    block.onlineDate(), block.contractDate() == null ? "-" : block.contractDate(),
                    block.daysLate() > 0 ? block.daysLate() + "d" : "-", drivenBy(block.drivingPath()));
        }
        out.printf("portfolio finish %s; money objective %,d%n", projection.portfolioFinish(),
                projection.moneyObjective());
        out.flush();
    }

    /** What sets a block's date, in one line: the outside cause (shipment, power, site) and the first crew wait. */
    static String drivenBy(List<PathStep> path) {
        if (path.isEmpty()) {
            return "";
        }
        PathStep root = path.get(path.size() - 1);
        String crewWait = path.stream().filter(step -> step.kind().equals("POOL_WAIT")).findFirst()
                .map(PathStep::description).orElse(null);
        boolean outsideCause = !root.kind().equals("DATA_DATE");
        if (crewWait == null) {
            return root.description();
        }
        return outsideCause ? root.description() + "; " + crewWait : crewWait;
    }
}
