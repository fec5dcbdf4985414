package io.timetocompute.scheduler.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.portfolio.Portfolio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generates the demo portfolio and solves it: the quickest way to see projected dates.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--tasks", defaultValue = "1000", description = "Approximate number of tasks (default ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seconds", defaultValue = "30", description = "Solving time (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--out", defaultValue = "ttc-data/demo-schedule.json",
            description = "Schedule and projection JSON file to write (default ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Portfolio portfolio = DemoPortfolioGenerator.generate(tasks, seed);
        var err = spec.commandLine().getErr();
        err.printf("demo portfolio: %d sites, %d tasks, %d pools, %d shipments%n", portfolio.sites().size(),
                portfolio.tasks().size(), portfolio.pools().size(), portfolio.shipments().size());
        return SolveCommand.solveAndReport(spec, portfolio, seconds, seed, out);
    }
}
