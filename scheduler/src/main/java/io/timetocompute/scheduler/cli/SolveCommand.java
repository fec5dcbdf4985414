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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Schedules a portfolio and writes the schedule and projections as JSON.")
final class SolveCommand implements Callable<Integer> {

    @Option(names = "--portfolio", required = true, description = "Portfolio JSON file (docs/portfolio-format.md).")
    Path portfolioFile;

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
        return solveAndReport(spec, PortfolioJson.read(portfolioFile), seconds, seed, out);
    }

    /** Solves with a progress line on stderr, writes the projection and prints the summary; returns the exit code. */
    static int solveAndReport(CommandSpec spec, Portfolio portfolio, double seconds, long seed, Path out)
            throws java.io.IOException {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("--seconds must be positive, got " + seconds);
        }
        PrintWriter err = spec.commandLine().getErr();
        long[] lastPrinted = {0};
        PortfolioSolver.Outcome outcome = PortfolioSolver.solve(portfolio,
                Duration.ofMillis(Math.round(seconds * 1000)), seed, progress -> {
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
