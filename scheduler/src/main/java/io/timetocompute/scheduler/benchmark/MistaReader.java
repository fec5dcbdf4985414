package io.timetocompute.scheduler.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.timetocompute.scheduler.benchmark.BenchmarkInstance.Kind;
import io.timetocompute.scheduler.benchmark.BenchmarkInstance.Project;

/**
 * Reads a MISTA 2013 challenge instance ({@code A-*.txt}, {@code B-*.txt}): the number of projects, then per
 * project its release, critical path duration and PSPLIB .mm file (relative to the instance file), then the number
 * of resource columns and one entry per column: the capacity of a global resource, or -1 for a local one.
 * <p>
 * Global columns are taken by position, not "the first g columns", B-3 and B-5 share R 2 while R 1
 * stays local, and reading them the other way solves a different problem (see the data README, section 3).
 */
public final class MistaReader {

    private MistaReader() {
    }

    public static BenchmarkInstance read(Path instanceFile) {
        String text;
        try {
            text = Files.readString(instanceFile, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read MISTA instance " + instanceFile, e);
        }
        Tokens tokens = new Tokens(instanceFile, text.trim().split("\\s+"));
        Path folder = instanceFile.toAbsolutePath().getParent();

        int projectCount = tokens.nextInt("number of projects");
        List<Project> projects = new ArrayList<>(projectCount);
        for (int p = 1; p <= projectCount; p++) {
            int release = tokens.nextInt("release of project " + p);
            int criticalPathDuration = tokens.nextInt("critical path duration of project " + p);
            String projectFile = tokens.next("file of project " + p);
            PsplibProject data = PsplibReader.readProject(folder.resolve(projectFile));
            projects.add(new Project(p, release, criticalPathDuration, data));
        }
        int columnCount = tokens.nextInt("number of resource types");
        List<Integer> globalCapacities = new ArrayList<>(columnCount);
        for (int k = 1; k <= columnCount; k++) {
            int entry = tokens.nextInt("capacity of resource type " + k);
            globalCapacities.add(entry == -1 ? BenchmarkInstance.LOCAL : entry);
        }
        if (tokens.hasNext()) {
            throw new IllegalArgumentException(instanceFile + ": unexpected text after the resource line: "
                    + tokens.next("extra"));
        }
        checkColumns(instanceFile, projects, globalCapacities);

        String fileName = instanceFile.getFileName().toString();
        String name = fileName.endsWith(Kind.MISTA.extension())
                ? fileName.substring(0, fileName.length() - Kind.MISTA.extension().length()) : fileName;
        return new BenchmarkInstance(name, Kind.MISTA,
                BenchmarkPortfolios.build(name, "MISTA 2013 " + name, projects, globalCapacities), projects,
                globalCapacities);
    }

    /** Column k of the resource line must mean column k of every project file, and only renewables are shared. */
    private static void checkColumns(Path instanceFile, List<Project> projects, List<Integer> globalCapacities) {
        for (Project project : projects) {
            PsplibProject data = project.data();
            if (data.renewableCount() + data.nonRenewableCount() != globalCapacities.size()) {
                throw new IllegalArgumentException(instanceFile + ": project " + project.number() + " ("
                        + data.fileName() + ") has " + (data.renewableCount() + data.nonRenewableCount())
                        + " resource columns, the instance declares " + globalCapacities.size());
            }
            for (int k = data.renewableCount() + 1; k <= globalCapacities.size(); k++) {
                if (globalCapacities.get(k - 1) != BenchmarkInstance.LOCAL) {
                    throw new IllegalArgumentException(instanceFile + ": resource column " + k
                            + " is non-renewable in " + data.fileName() + " and cannot be global");
                }
            }
        }
    }

    private static final class Tokens {
        private final Path source;
        private final String[] values;
        private int next;

        Tokens(Path source, String[] values) {
            this.source = source;
            this.values = values.length == 1 && values[0].isEmpty() ? new String[0] : values;
        }

        boolean hasNext() {
            return next < values.length;
        }

        String next(String what) {
            if (!hasNext()) {
                throw new IllegalArgumentException(source + ": ends before the " + what);
            }
            return values[next++];
        }

        int nextInt(String what) {
            String token = next(what);
            try {
                return Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ": expected the " + what + " (a whole number), found '"
                        + token + "'");
            }
        }
    }
}
