package io.timetocompute.scheduler.cli;

import io.timetocompute.scheduler.portfolio.InvalidPortfolioException;
import io.timetocompute.scheduler.scenario.InvalidScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ttc} command line: generate demo portfolios and solve them. */
@Command(name = "ttc", mixinStandardHelpOptions = true, version = "ttc 0.1.0",
        description = "Time-to-Compute: when does each AI data center's compute come online, and what moves that date?",
        subcommands = {GenerateCommand.class, SolveCommand.class, DemoCommand.class,
                DemoBenchmarkCommand.class, ReplanBenchmarkCommand.class, BenchCommand.class, ImportCommand.class,
                ExportCommand.class, RiskCommand.class, CalibrateCommand.class, ScenarioCommand.class,
                GoalCommand.class})
public final class TtcCommand {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Bad input ends with its message on stderr and a non-zero exit code, not a stack trace. */
    static CommandLine commandLine() {
        return new CommandLine(new TtcCommand())
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    commandLine.getErr().println("error: " + exception.getMessage());
                    commandLine.getErr().flush();
                    return exception instanceof InvalidPortfolioException
                            || exception instanceof InvalidScenarioException ? 2 : 1;
                });
    }
}
