package io.timetocompute.scheduler.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.timetocompute.scheduler.engine.PlanDecoder;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.problem.ProblemCompiler;
import io.timetocompute.scheduler.problem.SchedulingProblem;
import io.timetocompute.scheduler.risk.History;
import io.timetocompute.scheduler.risk.HistoryLearner;
import io.timetocompute.scheduler.risk.MonteCarlo;
import io.timetocompute.scheduler.risk.Plans;
import io.timetocompute.scheduler.risk.RiskAssumptions;
import io.timetocompute.scheduler.risk.RiskForecast;
import io.timetocompute.scheduler.risk.RiskModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "risk", mixinStandardHelpOptions = true,
        description = "Monte Carlo schedule risk of a portfolio's plan: per block P10/P50/P80/P90 online dates, "
                + "probability of meeting the contract date, expected cost of delay, drivers; per task criticality.")
final class RiskCommand implements Callable<Integer> {

    @Option(names = "--portfolio", required = true, description = "Portfolio JSON file (docs/portfolio-format.md).")
    Path portfolioFile;

    @Option(names = "--samples", defaultValue = "1000", description = "Monte Carlo samples (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--improve-seconds", defaultValue = "0",
            description = "When the portfolio has no published schedule: seconds the engine improves the plan it "
                    + "builds (default ${DEFAULT-VALUE}: its priority rules only).")
    double improveSeconds;

    @Option(names = "--history", description = "Event history JSON to learn the uncertainty from (ttc generate "
            + "--history writes one); without it, the model's default assumptions.")
    Path historyFile;

    @Option(names = "--out", required = true, description = "Risk JSON file to write.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (samples < 1) {
            throw new IllegalArgumentException("--samples must be positive, got " + samples);
        }
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be positive, got " + threads);
        }
        Portfolio portfolio = PortfolioJson.read(portfolioFile);
        SchedulingProblem problem = ProblemCompiler.compile(portfolio);
        PlanDecoder plan = Plans.of(problem, Math.round(improveSeconds * 1000), seed);
        HistoryLearner.Learned learned = historyFile == null
                ? new HistoryLearner.Learned(RiskAssumptions.defaults(), java.util.List.of())
                : HistoryLearner.learn(readHistory(historyFile));
        RiskModel model = learned.assumptions().modelOf(problem);
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        long begin = System.nanoTime();
        long cpuBegin = processCpuNanos();
        RiskForecast forecast = new MonteCarlo(plan, model, seed).run(samples, workers);
        double seconds = (System.nanoTime() - begin) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuBegin) / 1e9;
        java.util.Map<String, Object> document = new java.util.LinkedHashMap<>(
                PortfolioJson.mapper().convertValue(forecast, java.util.Map.class));
        document.put("estimates", learned.estimates());
        PortfolioJson.write(document, out);
        var printer = spec.commandLine().getOut();
        printer.printf("%d samples of %d tasks on %d threads in %.2f s, %.2f s of CPU (%d infeasible); wrote %s%n",
                samples, problem.taskCount(), workers, seconds, cpuSeconds, forecast.infeasibleSamples(), out);
        for (RiskForecast.BlockRisk block : forecast.blocks()) {
            printer.printf("%-28s deterministic %s  P10 %s  P50 %s  P80 %s  P90 %s%s%n", block.blockId(),
                    block.deterministicDate(), block.p10(), block.p50(), block.p80(), block.p90(),
                    block.probabilityOnTime() == null ? ""
                            : String.format("  on time %.0f %%", 100 * block.probabilityOnTime()));
        }
        printer.flush();
        return 0;
    }

    /** CPU time of the whole process (all threads, the garbage collector's included); -1 when unknown. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    static History readHistory(Path file) {
        try {
            return PortfolioJson.mapper().readValue(file.toFile(), History.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("history " + file + ": " + e.getMessage(), e);
        }
    }
}
