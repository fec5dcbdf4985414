package io.timetocompute.scheduler.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ttc} command line: generate demo portfolios and solve them. */
@Command(name = "ttc", mixinStandardHelpOptions = true, version = "ttc 0.1.0",
        description = "Time-to-Compute: when does each AI data center's compute come online, and what moves that date?",
        subcommands = {SolveCommand.class})
public final class TtcCommand {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new TtcCommand())
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    commandLine.getErr().println("error: " + exception.getMessage());
                    return exception instanceof io.timetocompute.scheduler.portfolio.InvalidPortfolioException ? 2 : 1;
                })
                .execute(args);
    }
}
