package io.timetocompute.scheduler.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes a seeded, realistic demo portfolio.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--tasks", defaultValue = "1000", description = "Approximate number of tasks (default ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data-date", description = "Data date (default 2026-12-01).")
    LocalDate dataDate;

    @Option(names = "--out", required = true, description = "Portfolio JSON file to write.")
    Path out;

    @Option(names = "--history", description = "Also write a past event history (24 months, from a synthetic world "
            + "with known true distributions) for the schedule risk to learn from (ttc risk --history).")
    Path history;

    @Override
    public Integer call() throws Exception {
        if (tasks < 1) {
            throw new IllegalArgumentException("--tasks must be positive, got " + tasks);
        }
        Portfolio portfolio = dataDate == null ? DemoPortfolioGenerator.generate(tasks, seed)
                : DemoPortfolioGenerator.generate(tasks, seed, dataDate);
        PortfolioJson.write(portfolio, out);
        if (history != null) {
            PortfolioJson.write(io.timetocompute.scheduler.risk.SyntheticWorld.of(portfolio, seed)
                    .history(portfolio.dataDate(), 24, 1, seed), history);
        }
        System.out.printf("wrote %s: %d sites, %d tasks, %d pools, %d shipments%n", out,
                portfolio.sites().size(), portfolio.tasks().size(), portfolio.pools().size(),
                portfolio.shipments().size());
        return 0;
    }
}
