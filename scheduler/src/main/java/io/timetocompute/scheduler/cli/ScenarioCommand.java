package io.timetocompute.scheduler.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.replanning.PortfolioChange;
import io.timetocompute.scheduler.scenario.InvalidScenarioException;
import io.timetocompute.scheduler.scenario.Scenario;
import io.timetocompute.scheduler.scenario.ScenarioChanges;
import io.timetocompute.scheduler.scenario.ScenarioReport;
import io.timetocompute.scheduler.scenario.ScenarioResult;
import io.timetocompute.scheduler.scenario.ScenarioSolver;
import io.timetocompute.scheduler.solver.PortfolioSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Plans the portfolio (the live plan), then a scenario of it with hypothetical events and "
                + "levers, and writes every block's date in both (docs/scenarios.md).")
final class ScenarioCommand implements Callable<Integer> {

    @Option(names = "--portfolio", required = true, description = "Portfolio JSON file (docs/portfolio-format.md).")
    Path portfolioFile;

    @Option(names = "--changes", required = true,
            description = "JSON array of CloudEvents in structured mode: inbound events and levers.")
    Path changesFile;

    @Option(names = "--schedule",
            description = "The live plan's schedule to fork (the output of solve for the same portfolio); "
                    + "without it the portfolio is solved for --seconds first.")
    Path scheduleFile;

    @Option(names = "--name", defaultValue = "scenario", description = "The scenario's name (default ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--seconds", defaultValue = "10",
            description = "Solving time of the live plan, and again of the scenario (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "Report JSON file to write.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Portfolio portfolio = PortfolioJson.read(portfolioFile);
        List<PortfolioChange> changes = ScenarioChanges.read(changesFile);
        Duration limit = TimeLimits.ofSeconds(seconds);
        PrintWriter err = spec.commandLine().getErr();
        ScheduleProjection liveSchedule;
        if (scheduleFile != null) {
            liveSchedule = readSchedule(scheduleFile);
        } else {
            err.println("solving the live plan for " + seconds + "s");
            err.flush();
            liveSchedule = PortfolioSolver.solve(portfolio, limit, seed, progress -> { }).projection();
        }
        err.println("solving scenario " + name + " (" + changes.size() + " changes) for " + seconds + "s");
        err.flush();
        ScenarioResult result = ScenarioSolver.solve(Scenario.of(name, portfolio, liveSchedule, changes), limit,
                seed);
        ScenarioReport report = ScenarioReport.of(result, "live");
        PortfolioJson.write(report, out);
        print(spec.commandLine().getOut(), report);
        return report.feasible() ? 0 : 3;
    }

    static ScheduleProjection readSchedule(Path file) {
        try {
            return PortfolioJson.mapper().readValue(file.toFile(), ScheduleProjection.class);
        } catch (java.io.IOException e) {
            throw new InvalidScenarioException("cannot read the schedule " + file + ": " + e.getMessage(), e);
        }
    }

    static void print(PrintWriter out, ScenarioReport report) {
        report.refused().forEach(change -> out.printf("refused %s: %s%n", change.id(), change.refusal()));
        report.actions().forEach(action -> out.printf("lever %s: %s, cost %,d%n", action.id(), action.description(),
                action.cost()));
        out.printf("%-12s %-10s %-10s %6s%n", "block", "live", "scenario", "delta");
        report.blocks().forEach(block -> out.printf("%-12s %-10s %-10s %+5dd%n", block.blockId(), block.live(),
                block.scenario(), block.deltaDays()));
        out.printf("money: live %,d, scenario %,d (delta %+,d, of which levers %,d); %s%n",
                report.comparison().leftMoney().total(), report.comparison().rightMoney().total(),
                report.comparison().moneyDelta().total(), report.leverCost(),
                report.feasible() ? "feasible" : "INFEASIBLE");
        out.flush();
    }
}
