package io.timetocompute.scheduler.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.timetocompute.scheduler.benchmark.BenchmarkData;
import io.timetocompute.scheduler.benchmark.BenchmarkEngine;
import io.timetocompute.scheduler.benchmark.BenchmarkRunner;
import io.timetocompute.scheduler.benchmark.References;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Solves a folder of PSPLIB or MISTA 2013 instances and compares with the published references.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--set", required = true, description = "Folder of .sm, .mm or MISTA instance files (or one file).")
    Path set;

    @Option(names = "--seconds", defaultValue = "1", description = "Time per instance (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--engine", defaultValue = "timefold", description = "timefold or cpsat (default ${DEFAULT-VALUE}).")
    String engineName;

    @Option(names = "--limit", defaultValue = "2147483647", description = "At most this many instances.")
    int limit;

    @Option(names = "--skip", defaultValue = "0", description = "Skip this many instances first (default ${DEFAULT-VALUE}).")
    int skip;

    @Option(names = "--every", defaultValue = "1",
            description = "Every n-th instance in natural order, for a fixed subset (default ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data", description = "Benchmark data folder, for the reference tables (default ../shared/data).")
    Path data;

    @Option(names = "--out-dir", required = true, description = "Folder for the solution files and results.csv.")
    Path outDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Duration timeLimit = TimeLimits.ofSeconds(seconds);
        BenchmarkEngine engine = Engines.byName(engineName);
        References references = References.load(data != null ? data : BenchmarkData.root());
        List<Path> files = BenchmarkRunner.select(BenchmarkRunner.instanceFiles(set), skip, every, limit);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no instance files in " + set);
        }
        Files.createDirectories(outDir);
        BenchmarkRunner runner = new BenchmarkRunner(engine, references, timeLimit, seed);
        PrintWriter out = spec.commandLine().getOut();
        List<BenchmarkRunner.Result> results = new ArrayList<>();
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(outDir.resolve("results.csv")))) {
            BenchmarkRunner.writeCsvHeader(csv);
            for (Path file : files) {
                BenchmarkRunner.Result result = runner.run(file, outDir);
                results.add(result);
                BenchmarkRunner.writeCsv(csv, result);
                out.printf(Locale.ROOT, "%-16s %-8s %s objective %s reference %s gap %s  %.1fs%n", result.instance(),
                        result.engine(), result.feasible() ? "feasible  " : "INFEASIBLE",
                        result.objective() + (result.secondary() == null ? "" : "/" + result.secondary()),
                        result.reference() + (result.referenceSecondary() == null ? "" : "/" + result.referenceSecondary()),
                        result.gapPercent() == null ? "-" : String.format(Locale.ROOT, "%.2f%%", result.gapPercent()),
                        result.seconds());
                out.flush();
            }
        }
        BenchmarkRunner.Summary summary = BenchmarkRunner.summarize(results);
        out.printf(Locale.ROOT, "%s on %d instances (%s, %.1fs each): %d feasible; mean gap %.2f %%, max gap %.2f %% "
                        + "over %d instances with a positive reference%n", engine.name(), summary.instances(), set,
                seconds, summary.feasible(), summary.meanGapPercent(), summary.maxGapPercent(), summary.withGap());
        out.flush();
        return summary.feasible() == summary.instances() ? 0 : 3;
    }
}
