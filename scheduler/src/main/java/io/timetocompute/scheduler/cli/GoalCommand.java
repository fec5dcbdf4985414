package io.timetocompute.scheduler.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import io.timetocompute.scheduler.goal.GoalObjective;
import io.timetocompute.scheduler.goal.GoalResult;
import io.timetocompute.scheduler.goal.GoalSeeker;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.scenario.InvalidScenarioException;
import io.timetocompute.scheduler.solver.PortfolioSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "goal", mixinStandardHelpOptions = true,
        description = "Plans the portfolio (the live plan), then seeks the cheapest levers that reach an objective: "
                + "a block online by a date (--block, --by), the most MW online by a date within a budget (--mw, "
                + "--by, --budget), or the lowest cost of delay of a site within a budget (--site, --budget); "
                + "writes the actions, their costs and every block's date (docs/scenarios.md).")
final class GoalCommand implements Callable<Integer> {

    @Option(names = "--portfolio", required = true, description = "Portfolio JSON file (docs/portfolio-format.md).")
    Path portfolioFile;

    @Option(names = "--schedule",
            description = "The live plan's schedule to start from (the output of solve for the same portfolio); "
                    + "without it the portfolio is solved for --seconds first.")
    Path scheduleFile;

    @Option(names = "--block", description = "The block that must be online by --by.")
    String blockId;

    @Option(names = "--mw", description = "Objective: the most MW online by --by, within --budget.")
    boolean mostMw;

    @Option(names = "--site", description = "Objective: the lowest cost of delay of this site, within --budget.")
    String siteId;

    @Option(names = "--by", description = "The date (ISO-8601).")
    LocalDate by;

    @Option(names = "--budget", description = "The most the levers may cost together.")
    Long budget;

    @Option(names = "--seconds", defaultValue = "10",
            description = "Solving time of the live plan, and again of goal seeking (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "Result JSON file to write.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        GoalObjective objective = objective();
        Portfolio portfolio = PortfolioJson.read(portfolioFile);
        Duration limit = TimeLimits.ofSeconds(seconds);
        PrintWriter err = spec.commandLine().getErr();
        ScheduleProjection live;
        if (scheduleFile != null) {
            live = ScenarioCommand.readSchedule(scheduleFile);
        } else {
            err.println("solving the live plan for " + seconds + "s");
            err.flush();
            live = PortfolioSolver.solve(portfolio, limit, seed, progress -> { }).projection();
        }
        err.println("seeking: " + objective.describe());
        err.flush();
        GoalResult result = GoalSeeker.seek(portfolio, live, objective, limit, seed);
        PortfolioJson.write(result, out);
        print(spec.commandLine().getOut(), result);
        return 0;
    }

    private GoalObjective objective() {
        int kinds = (blockId != null ? 1 : 0) + (mostMw ? 1 : 0) + (siteId != null ? 1 : 0);
        if (kinds != 1) {
            throw new InvalidScenarioException("give exactly one objective: --block, --mw or --site");
        }
        if (blockId != null) {
            if (by == null) {
                throw new InvalidScenarioException("--block needs --by");
            }
            return new GoalObjective(GoalObjective.Kind.BLOCK_BY_DATE, blockId, null, by, budget);
        }
        if (budget == null || (mostMw && by == null)) {
            throw new InvalidScenarioException(mostMw ? "--mw needs --by and --budget" : "--site needs --budget");
        }
        return mostMw ? GoalObjective.mostMwBy(by, budget) : new GoalObjective(GoalObjective.Kind.SITE_DELAY, null,
                siteId, by, budget);
    }

    static void print(PrintWriter out, GoalResult result) {
        out.printf("%s: %s%n", result.objective(), result.reached() ? "reached" : "NOT reached");
        if (result.bestDate() != null) {
            out.printf("block online %s%s%n", result.bestDate(), result.stoppedBy() == null ? ""
                    : "; stopped by " + result.stoppedBy());
        }
        result.actions().forEach(action -> out.printf("  %-50s cost %,12d  gains %s%n", action.description(),
                action.cost(), action.daysGained()));
        out.printf("total cost %,d%n", result.totalCost());
        result.blocks().forEach(block -> out.printf("%-12s %-10s -> %-10s %+5dd%n", block.blockId(), block.before(),
                block.after(), block.deltaDays()));
        out.flush();
    }
}
