package io.timetocompute.scheduler.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.timetocompute.scheduler.benchmark.BenchmarkInstance.Kind;
import io.timetocompute.scheduler.benchmark.BenchmarkInstance.Project;

/**
 * Reads PSPLIB single-mode ({@code .sm}) and multi-mode ({@code .mm}) project files. The format is described in
 * the benchmark data README: labelled header values, then blocks PROJECT INFORMATION, PRECEDENCE RELATIONS,
 * REQUESTS/DURATIONS and RESOURCEAVAILABILITIES. The reader locates blocks by their titles rather than by line
 * numbers, and checks every count the file declares, so a truncated or shifted file fails loudly with its line.
 */
public final class PsplibReader {

    private PsplibReader() {
    }

    /** Reads a PSPLIB file as a one-project benchmark instance; the kind follows the extension. */
    public static BenchmarkInstance read(Path file) {
        String fileName = file.getFileName().toString();
        Kind kind;
        if (fileName.endsWith(Kind.PSPLIB_SM.extension())) {
            kind = Kind.PSPLIB_SM;
        } else if (fileName.endsWith(Kind.PSPLIB_MM.extension())) {
            kind = Kind.PSPLIB_MM;
        } else {
            throw new IllegalArgumentException(file + ": expected a .sm or .mm PSPLIB file");
        }
        PsplibProject data = readProject(file);
        // PSPLIB has no project delay objective, so no critical-path offset either.
        Project project = new Project(1, data.releaseDate(), 0, data);
        List<Integer> allLocal = Collections.nCopies(data.renewableCount() + data.nonRenewableCount(),
                BenchmarkInstance.LOCAL);
        String name = fileName.substring(0, fileName.length() - kind.extension().length());
        return new BenchmarkInstance(name, kind, BenchmarkPortfolios.build(name, "PSPLIB " + fileName,
                List.of(project), allLocal), List.of(project), allLocal);
    }

    /** Parses one project file without mapping it (MISTA instances combine several). */
    public static PsplibProject readProject(Path file) {
        List<String> lines;
        try {
            // The files are ASCII; Latin-1 never rejects a stray byte, which then fails as a number instead.
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PSPLIB file " + file, e);
        }
        return new Parser(file.getFileName().toString(), file.toString(), lines).parse();
    }

    private static final class Parser {
        private final String fileName;
        private final String source;
        private final List<String> lines;

        Parser(String fileName, String source, List<String> lines) {
            this.fileName = fileName;
            this.source = source;
            this.lines = lines;
        }

        PsplibProject parse() {
            int jobCount = valueAfterColon("jobs");
            int renewableCount = valueAfterColon("- renewable");
            int nonRenewableCount = valueAfterColon("- nonrenewable");
            int doublyConstrained = valueAfterColon("- doubly constrained");
            if (doublyConstrained != 0) {
                throw error(lineStartingWith("- doubly constrained"), "doubly constrained resources are not supported");
            }

            int projectLine = lineStartingWith("PROJECT INFORMATION") + 2;
            int[] projectInfo = numbers(projectLine);
            if (projectInfo.length < 6) {
                throw error(projectLine, "expected pronr. #jobs rel.date duedate tardcost MPM-Time");
            }
            int releaseDate = projectInfo[2];
            int mpmTime = projectInfo[5];

            int[] modeCounts = new int[jobCount + 1];
            List<List<Integer>> successors = readPrecedences(jobCount, modeCounts);
            List<List<PsplibProject.Mode>> modes = readRequests(jobCount, modeCounts, renewableCount,
                    nonRenewableCount);

            int capacityLine = lineStartingWith("RESOURCEAVAILABILITIES") + 2;
            int[] capacities = numbers(capacityLine);
            if (capacities.length != renewableCount + nonRenewableCount) {
                throw error(capacityLine, "expected " + (renewableCount + nonRenewableCount) + " capacities, found "
                        + capacities.length);
            }

            List<PsplibProject.Job> jobs = new ArrayList<>(jobCount);
            for (int j = 1; j <= jobCount; j++) {
                jobs.add(new PsplibProject.Job(j, successors.get(j - 1), modes.get(j - 1)));
            }
            return new PsplibProject(fileName, releaseDate, mpmTime, slice(capacities, 0, renewableCount),
                    slice(capacities, renewableCount, nonRenewableCount), jobs);
        }

        /** Lines {@code job #modes #successors successor...}, one per job in job order. */
        private List<List<Integer>> readPrecedences(int jobCount, int[] modeCounts) {
            int line = lineStartingWith("PRECEDENCE RELATIONS") + 2;
            List<List<Integer>> successors = new ArrayList<>(jobCount);
            for (int j = 1; j <= jobCount; j++, line++) {
                int[] values = numbers(line);
                if (values.length < 3 || values[0] != j) {
                    throw error(line, "expected the precedence line of job " + j);
                }
                modeCounts[j] = values[1];
                int declared = values[2];
                if (values.length != 3 + declared) {
                    throw error(line, "job " + j + " declares " + declared + " successors but lists "
                            + (values.length - 3));
                }
                List<Integer> ofJob = new ArrayList<>(declared);
                for (int s = 0; s < declared; s++) {
                    int successor = values[3 + s];
                    if (successor < 1 || successor > jobCount) {
                        throw error(line, "successor " + successor + " of job " + j + " does not exist");
                    }
                    ofJob.add(successor);
                }
                successors.add(ofJob);
            }
            return successors;
        }

        /**
         * The first mode line of a job starts with the job number, the following ones of a multi-mode job do not:
         * {@code job mode duration R.. N..}, then {@code mode duration R.. N..}.
         */
        private List<List<PsplibProject.Mode>> readRequests(int jobCount, int[] modeCounts, int renewableCount,
                int nonRenewableCount) {
            // Skips the title, the column header and the dashed rule under it.
            int line = lineStartingWith("REQUESTS/DURATIONS") + 3;
            int resourceCount = renewableCount + nonRenewableCount;
            List<List<PsplibProject.Mode>> modes = new ArrayList<>(jobCount);
            for (int j = 1; j <= jobCount; j++) {
                List<PsplibProject.Mode> ofJob = new ArrayList<>(modeCounts[j]);
                for (int m = 1; m <= modeCounts[j]; m++, line++) {
                    int[] values = numbers(line);
                    int offset;
                    if (values.length == 3 + resourceCount && values[0] == j) {
                        offset = 1;
                    } else if (values.length == 2 + resourceCount && m > 1) {
                        offset = 0;
                    } else {
                        throw error(line, "expected mode " + m + " of job " + j + " with " + resourceCount
                                + " resource columns");
                    }
                    if (values[offset] != m) {
                        throw error(line, "expected mode " + m + " of job " + j + ", found mode " + values[offset]);
                    }
                    int duration = values[offset + 1];
                    if (duration < 0) {
                        throw error(line, "negative duration");
                    }
                    int firstDemand = offset + 2;
                    ofJob.add(new PsplibProject.Mode(m, duration, slice(values, firstDemand, renewableCount),
                            slice(values, firstDemand + renewableCount, nonRenewableCount)));
                }
                modes.add(ofJob);
            }
            return modes;
        }

        private int valueAfterColon(String label) {
            int line = lineStartingWith(label);
            String text = lines.get(line);
            int colon = text.indexOf(':');
            String[] tokens = colon < 0 ? new String[0] : text.substring(colon + 1).trim().split("\\s+");
            try {
                return Integer.parseInt(tokens[0]);
            } catch (RuntimeException e) {
                throw error(line, "expected a number after '" + label + " :'");
            }
        }

        private int lineStartingWith(String prefix) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).trim().startsWith(prefix)) {
                    return i;
                }
            }
            throw new IllegalArgumentException(source + ": no line starts with '" + prefix + "'");
        }

        private int[] numbers(int line) {
            if (line >= lines.size()) {
                throw new IllegalArgumentException(source + ": ends early, at line " + (line + 1));
            }
            String text = lines.get(line).trim();
            if (text.isEmpty()) {
                return new int[0];
            }
            String[] tokens = text.split("\\s+");
            int[] values = new int[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                try {
                    values[i] = Integer.parseInt(tokens[i]);
                } catch (NumberFormatException e) {
                    throw error(line, "'" + tokens[i] + "' is not a whole number");
                }
            }
            return values;
        }

        private IllegalArgumentException error(int line, String message) {
            return new IllegalArgumentException(source + ":" + (line + 1) + ": " + message);
        }

        private static List<Integer> slice(int[] values, int from, int count) {
            List<Integer> slice = new ArrayList<>(count);
            for (int i = from; i < from + count; i++) {
                slice.add(values[i]);
            }
            return slice;
        }
    }
}
