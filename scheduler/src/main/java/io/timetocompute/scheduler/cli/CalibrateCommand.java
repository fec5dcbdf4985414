package io.timetocompute.scheduler.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.risk.Calibration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Replay harness: synthetic worlds with known truth, forecasts at 180/90/30 days before each "
                + "block's true online date; prints P80 coverage, P50 error, CRPS and the calibration curve, against "
                + "the deterministic re-plan and the plan's first date.")
final class CalibrateCommand implements Callable<Integer> {

    @Option(names = "--seeds", defaultValue = "10", description = "Worlds to replay (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--tasks", defaultValue = "400", description = "Approximate tasks per portfolio (default ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--samples", defaultValue = "300", description = "Monte Carlo samples per forecast (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", required = true, description = "Directory for forecasts.csv and figures.json.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (seeds < 1 || tasks < 1 || samples < 1) {
            throw new IllegalArgumentException("--seeds, --tasks and --samples must be positive");
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Files.createDirectories(out);
        PrintWriter printer = spec.commandLine().getOut();
        List<Calibration.Forecast> forecasts = new ArrayList<>();
        long begin = System.nanoTime();
        for (long seed = 1; seed <= seeds; seed++) {
            List<Calibration.Forecast> world = Calibration.run(seed, tasks, samples, workers);
            forecasts.addAll(world);
            printer.printf("world %d: %d forecasts (%.0f s)%n", seed, world.size(), (System.nanoTime() - begin) / 1e9);
            printer.flush();
        }
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("forecasts.csv")))) {
            csv.println("seed,block,days_before,true_date,planned_date,deterministic_date,p50,p80");
            for (Calibration.Forecast f : forecasts) {
                csv.printf("%d,%s,%d,%s,%s,%s,%s,%s%n", f.seed(), f.blockId(), f.daysBefore(), f.trueDate(),
                        f.plannedDate(), f.deterministicDate(), f.p50(), f.p80());
            }
        }
        Map<String, Calibration.Figures> figures = new LinkedHashMap<>();
        figures.put("all", Calibration.figures(forecasts, 0));
        for (int daysBefore : Calibration.CHECKPOINT_DAYS) {
            figures.put(daysBefore + " days before", Calibration.figures(forecasts, daysBefore));
        }
        PortfolioJson.write(Map.of("seeds", seeds, "tasks", tasks, "samples", samples, "figures", figures),
                out.resolve("figures.json"));
        printer.println();
        printer.println("| checkpoint | forecasts | P80 coverage | P50 abs error (days) | CRPS (days) "
                + "| re-plan at face value: abs error / share on or before | first plan: abs error / share on or before |");
        printer.println("|---|---|---|---|---|---|---|");
        figures.forEach((name, f) -> printer.printf("| %s | %d | %.1f %% | %.1f | %.1f | %.1f / %.1f %% | %.1f / %.1f %% |%n",
                name, f.forecasts(), 100 * f.p80Coverage(), f.p50AbsErrorDays(), f.crps(),
                f.deterministicAbsErrorDays(), 100 * f.deterministicCoverage(), f.plannedAbsErrorDays(),
                100 * f.plannedCoverage()));
        printer.println();
        printer.print("calibration (share of true dates on or before P5, P10, ... P95):");
        for (double share : figures.get("all").calibration()) {
            printer.printf(" %.2f", share);
        }
        printer.println();
        printer.flush();
        return 0;
    }
}
