package io.timetocompute.scheduler.benchmark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.timetocompute.scheduler.benchmark.BenchmarkChecker.Objectives;

/**
 * Runs one engine over a folder of instances for a fixed time each, writes every solution and a CSV line per
 * instance, and summarizes the gap to the published reference. Solutions are re-checked by the independent
 * {@link BenchmarkChecker}; an infeasible or missing solution counts as such, never as a gap.
 */
public final class BenchmarkRunner {

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final BenchmarkEngine engine;
    private final References references;
    private final Duration limit;
    private final long seed;

    public BenchmarkRunner(BenchmarkEngine engine, References references, Duration limit, long seed) {
        this.engine = engine;
        this.references = references;
        this.limit = limit;
        this.seed = seed;
    }

    /** One instance's outcome; {@code reference} and {@code gapPercent} are null where nothing is published. */
    public record Result(String instance, String engine, boolean feasible, Integer objective, Integer secondary,
            Integer reference, Integer referenceSecondary, Double gapPercent, double seconds, String problem) {
    }

    public record Summary(int instances, int feasible, int withGap, double meanGapPercent, double maxGapPercent) {
    }

    /** @return the instance files of a folder in natural order (j301_2 before j3010_1, A-2 before A-10) */
    public static List<Path> instanceFiles(Path folder) {
        if (Files.isRegularFile(folder)) {
            return List.of(folder);
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(BenchmarkRunner::isInstanceFile).sorted(naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static boolean isInstanceFile(Path file) {
        if (!Files.isRegularFile(file)) {
            // MISTA keeps its project files in folders named like instances (j10.mm/)
            return false;
        }
        String name = file.getFileName().toString();
        return name.endsWith(".sm") || name.endsWith(".mm") || name.matches("[A-Z]-\\d+\\.txt");
    }

    static Comparator<Path> naturalOrder() {
        return Comparator.comparing(path -> naturalKey(path.getFileName().toString()));
    }

    private static String naturalKey(String name) {
        Matcher matcher = NUMBER.matcher(name);
        StringBuilder key = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(key, String.format("%08d", Long.parseLong(matcher.group())));
        }
        matcher.appendTail(key);
        return key.toString();
    }

    public static BenchmarkInstance read(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".sm") || name.endsWith(".mm") ? PsplibReader.read(file) : MistaReader.read(file);
    }

    public Result run(Path file, Path outDir) {
        BenchmarkInstance instance = read(file);
        long begin = System.nanoTime();
        BenchmarkSolution solution;
        try {
            solution = engine.solve(instance, limit, seed);
        } catch (RuntimeException e) {
            return new Result(instance.fileName(), engine.name(), false, null, null, null, null, null,
                    elapsed(begin), "engine failed: " + e.getMessage());
        }
        double seconds = elapsed(begin);
        if (solution == null) {
            return new Result(instance.fileName(), engine.name(), false, null, null, null, null, null, seconds,
                    "no solution");
        }
        if (outDir != null) {
            solution.write(outDir.resolve(stem(instance.fileName()) + ".json"));
        }
        List<String> violations = BenchmarkChecker.violations(instance, solution);
        Objectives objectives = BenchmarkChecker.objectives(instance, solution);
        boolean mista = instance.kind() == BenchmarkInstance.Kind.MISTA;
        Integer objective = mista ? objectives.totalProjectDelay() : objectives.makespan();
        Integer secondary = mista ? objectives.totalMakespan() : null;
        Integer reference = null;
        Integer referenceSecondary = null;
        if (mista) {
            var mistaReference = references.mista(instance);
            if (mistaReference.isPresent()) {
                reference = mistaReference.get().totalProjectDelay();
                referenceSecondary = mistaReference.get().totalMakespan();
            }
        } else {
            reference = references.makespan(instance).map(References.MakespanReference::upperBound).orElse(null);
        }
        Double gap = violations.isEmpty() && reference != null && reference > 0
                ? 100.0 * (objective - reference) / reference : null;
        return new Result(instance.fileName(), engine.name(), violations.isEmpty(), objective, secondary, reference,
                referenceSecondary, gap, seconds, violations.isEmpty() ? null : violations.get(0));
    }

    public static Summary summarize(List<Result> results) {
        int feasible = 0;
        int withGap = 0;
        double sum = 0;
        double max = 0;
        for (Result result : results) {
            if (result.feasible()) {
                feasible++;
            }
            if (result.gapPercent() != null) {
                withGap++;
                sum += result.gapPercent();
                max = Math.max(max, result.gapPercent());
            }
        }
        return new Summary(results.size(), feasible, withGap, withGap == 0 ? 0 : sum / withGap, max);
    }

    public static void writeCsvHeader(PrintWriter csv) {
        csv.println("instance,engine,feasible,objective,secondary,reference,reference_secondary,gap_percent,seconds,"
                + "problem");
    }

    public static void writeCsv(PrintWriter csv, Result result) {
        csv.printf(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s,%s,%.2f,%s%n", result.instance(), result.engine(),
                result.feasible(), orEmpty(result.objective()), orEmpty(result.secondary()),
                orEmpty(result.reference()), orEmpty(result.referenceSecondary()),
                result.gapPercent() == null ? "" : String.format(Locale.ROOT, "%.3f", result.gapPercent()),
                result.seconds(), result.problem() == null ? "" : '"' + result.problem().replace("\"", "'") + '"');
        csv.flush();
    }

    private static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    private static double elapsed(long begin) {
        return (System.nanoTime() - begin) / 1e9;
    }

    /** @return after skipping {@code skip} files, every {@code every}-th file, then at most {@code limit} of them */
    public static List<Path> select(List<Path> files, int skip, int every, int limit) {
        List<Path> selected = new ArrayList<>();
        for (int i = Math.max(0, skip); i < files.size() && selected.size() < limit; i += Math.max(1, every)) {
            selected.add(files.get(i));
        }
        return selected;
    }
}
