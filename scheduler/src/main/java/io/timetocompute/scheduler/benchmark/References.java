package io.timetocompute.scheduler.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Published reference values of the benchmark instances, keyed by instance file name ({@code j301_1.sm},
 * {@code j1010_1.mm}, {@code A-1.txt}): the extension matters, PSPLIB reuses names like {@code j301_1} for its
 * single-mode and multi-mode J30 sets.
 * <p>
 * Loaded from the derived CSVs of the data folder: {@code psplib/reference/psplib_sm_bounds.csv},
 * {@code psplib/mm/reference/psplib_mm_bounds.csv} and {@code mista2013/reference/mista2013_reference.csv}.
 */
public final class References {

    static final String SM_BOUNDS = "psplib/reference/psplib_sm_bounds.csv";
    static final String MM_BOUNDS = "psplib/mm/reference/psplib_mm_bounds.csv";
    static final String MISTA_REFERENCE = "mista2013/reference/mista2013_reference.csv";
    static final String MISTA_REFERENCE_FOLDER = "mista2013/reference";

    public static final String BEST_KNOWN_2013 = "best_known_2013";
    public static final String TRICEO = "triceo";

    /**
     * A makespan reference of a PSPLIB instance.
     *
     * @param lowerBound null where none is published
     * @param upperBound the optimum or the best-known makespan; null for instances without a feasible schedule
     * @param status {@code optimal}, {@code open}, {@code infeasible} or {@code no_feasible_solution_listed}
     */
    public record MakespanReference(String instanceFile, String set, Integer lowerBound, Integer upperBound,
            String status) {

        public boolean optimal() {
            return "optimal".equals(status);
        }
    }

    /**
     * A MISTA 2013 reference: the TPD and TMS of a published feasible schedule (upper bounds, not optima).
     *
     * @param source {@value #BEST_KNOWN_2013} (organisers' best-known, set A) or {@value #TRICEO} (one challenge
     *        entry, sets A and B)
     * @param solutionFile the published schedule, in the challenge's 0-based solution format
     */
    public record MistaReference(String instanceFile, int totalProjectDelay, int totalMakespan, String source,
            Path solutionFile) {
    }

    private final Map<String, MakespanReference> makespans;
    private final Map<String, MistaReference> mistaBest;
    private final List<MistaReference> mistaPublished;

    private References(Map<String, MakespanReference> makespans, Map<String, MistaReference> mistaBest,
            List<MistaReference> mistaPublished) {
        this.makespans = makespans;
        this.mistaBest = mistaBest;
        this.mistaPublished = mistaPublished;
    }

    public static References load(Path dataRoot) {
        Map<String, MakespanReference> makespans = new HashMap<>();
        for (Map<String, String> row : readCsv(dataRoot.resolve(SM_BOUNDS))) {
            MakespanReference reference = makespan(row, ".sm");
            makespans.put(reference.instanceFile(), reference);
        }
        for (Map<String, String> row : readCsv(dataRoot.resolve(MM_BOUNDS))) {
            MakespanReference reference = makespan(row, ".mm");
            makespans.put(reference.instanceFile(), reference);
        }
        Map<String, MistaReference> mistaBest = new HashMap<>();
        List<MistaReference> mistaPublished = new ArrayList<>();
        Path mistaFolder = dataRoot.resolve(MISTA_REFERENCE_FOLDER);
        for (Map<String, String> row : readCsv(dataRoot.resolve(MISTA_REFERENCE))) {
            String instanceFile = row.get("instance") + BenchmarkInstance.Kind.MISTA.extension();
            MistaReference bestKnown = mista(row, instanceFile, "best_known_2013", BEST_KNOWN_2013, mistaFolder);
            MistaReference triceo = mista(row, instanceFile, "triceo", TRICEO, mistaFolder);
            // The organisers' best-known values exist for set A only; set B has the challenge entry's values.
            MistaReference best = bestKnown != null ? bestKnown : triceo;
            if (best != null) {
                mistaBest.put(instanceFile, best);
            }
            if (bestKnown != null) {
                mistaPublished.add(bestKnown);
            }
            if (triceo != null) {
                mistaPublished.add(triceo);
            }
        }
        return new References(Map.copyOf(makespans), Map.copyOf(mistaBest), List.copyOf(mistaPublished));
    }

    /** @param instanceFile e.g. {@code j301_1.sm} or {@code j1010_1.mm} */
    public Optional<MakespanReference> makespan(String instanceFile) {
        return Optional.ofNullable(makespans.get(instanceFile));
    }

    /** @return the best published TPD/TMS: the 2013 best-known for set A, the challenge entry's for set B */
    public Optional<MistaReference> mista(String instanceFile) {
        return Optional.ofNullable(mistaBest.get(instanceFile));
    }

    public Optional<MakespanReference> makespan(BenchmarkInstance instance) {
        return instance.kind() == BenchmarkInstance.Kind.MISTA ? Optional.empty() : makespan(instance.fileName());
    }

    public Optional<MistaReference> mista(BenchmarkInstance instance) {
        return instance.kind() == BenchmarkInstance.Kind.MISTA ? mista(instance.fileName()) : Optional.empty();
    }

    /** Every published MISTA schedule with its reported TPD/TMS, both sources, in CSV order. */
    public List<MistaReference> publishedMistaSolutions() {
        return mistaPublished;
    }

    private static MakespanReference makespan(Map<String, String> row, String extension) {
        return new MakespanReference(row.get("instance") + extension, row.get("set"), integerOrNull(row,
                "lower_bound"), integerOrNull(row, "upper_bound"), row.get("status"));
    }

    private static MistaReference mista(Map<String, String> row, String instanceFile, String columnPrefix,
            String source, Path referenceFolder) {
        Integer tpd = integerOrNull(row, columnPrefix + "_tpd");
        Integer tms = integerOrNull(row, columnPrefix + "_tms");
        String solution = row.get(columnPrefix + "_solution");
        if (tpd == null || tms == null) {
            return null;
        }
        return new MistaReference(instanceFile, tpd, tms, source,
                solution == null || solution.isEmpty() ? null : referenceFolder.resolve(solution));
    }

    private static Integer integerOrNull(Map<String, String> row, String column) {
        if (!row.containsKey(column)) {
            throw new IllegalArgumentException("reference CSV has no column " + column);
        }
        String value = row.get(column);
        return value.isEmpty() ? null : Integer.valueOf(value);
    }

    /** The reference CSVs are plain: no quoting, no embedded commas, possibly Windows line endings. */
    private static List<Map<String, String>> readCsv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference table " + file, e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty");
        }
        String[] header = lines.get(0).strip().split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] values = line.split(",", -1);
            if (values.length != header.length) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected " + header.length
                        + " columns, found " + values.length);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], values[c].strip());
            }
            rows.add(row);
        }
        return rows;
    }
}
