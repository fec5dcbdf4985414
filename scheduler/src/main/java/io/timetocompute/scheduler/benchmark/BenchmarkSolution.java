package io.timetocompute.scheduler.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.timetocompute.scheduler.benchmark.BenchmarkInstance.Project;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.projection.ScheduleProjection;

/**
 * A schedule in the benchmark's own numbering, written as
 * {@code {"schedule":[{"project":1,"job":1,"mode":1,"start":0}, ...]}}: project 1-based in problem-file order (1
 * for PSPLIB), job and mode as numbered in the project file, start in periods. Every job of every project is
 * listed, dummies included, so that the file can be checked without knowing the solver's conventions.
 */
public record BenchmarkSolution(List<Entry> schedule) {

    public record Entry(int project, int job, int mode, int start) {
    }

    /** Where and how the solver put one task: its mode name and its start as a day index from the data date. */
    public record TaskStart(String mode, int startDay) {
    }

    public BenchmarkSolution {
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
    }

    /**
     * @param startsByTaskId the solver's schedule; must contain every task of the instance
     * @throws IllegalArgumentException if a task is missing or a mode name is not one of the instance's
     */
    public static BenchmarkSolution fromSchedule(BenchmarkInstance instance, Map<String, TaskStart> startsByTaskId) {
        List<Entry> entries = new ArrayList<>(instance.jobCount());
        for (Project project : instance.projects()) {
            for (int job = 1; job <= project.jobCount(); job++) {
                String taskId = BenchmarkInstance.taskId(project.number(), job);
                TaskStart start = startsByTaskId.get(taskId);
                if (start == null) {
                    throw new IllegalArgumentException("the schedule has no start for task " + taskId);
                }
                int mode = BenchmarkInstance.modeNumber(start.mode());
                if (mode < 1 || mode > project.modeCount(job)) {
                    throw new IllegalArgumentException("task " + taskId + ": mode " + start.mode()
                            + " does not exist");
                }
                entries.add(new Entry(project.number(), job, mode, start.startDay()));
            }
        }
        return new BenchmarkSolution(entries);
    }

    /** Reads the solver's schedule off a projection; the benchmark calendar works every day, so days are periods. */
    public static BenchmarkSolution fromProjection(BenchmarkInstance instance, ScheduleProjection projection) {
        Map<String, TaskStart> starts = new LinkedHashMap<>();
        for (ScheduleProjection.TaskSchedule task : projection.tasks()) {
            int day = (int) ChronoUnit.DAYS.between(instance.portfolio().dataDate(), task.start());
            starts.put(task.id(), new TaskStart(task.mode(), day));
        }
        return fromSchedule(instance, starts);
    }

    /** The same schedule keyed by the portfolio's task ids, e.g. to hand it back to the solver model. */
    public Map<String, TaskStart> byTaskId() {
        Map<String, TaskStart> starts = new LinkedHashMap<>();
        for (Entry entry : schedule) {
            starts.put(BenchmarkInstance.taskId(entry.project(), entry.job()),
                    new TaskStart(BenchmarkInstance.modeName(entry.mode()), entry.start()));
        }
        return starts;
    }

    public void write(Path file) {
        try {
            PortfolioJson.write(this, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write benchmark solution " + file, e);
        }
    }

    public static BenchmarkSolution read(Path file) {
        try {
            BenchmarkSolution solution = PortfolioJson.mapper().readValue(file.toFile(), BenchmarkSolution.class);
            if (solution == null) {
                throw new IllegalArgumentException(file + " is empty");
            }
            return solution;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmark solution " + file, e);
        }
    }

    /**
     * Reads a schedule in the MISTA challenge's solution format: one line {@code project job mode start} per job,
     * the first three 0-based, as published with the reference results.
     */
    public static BenchmarkSolution readMistaFormat(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read MISTA solution " + file, e);
        }
        List<Entry> entries = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] tokens = line.split("\\s+");
            if (tokens.length != 4) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'project job mode start'");
            }
            try {
                entries.add(new Entry(Integer.parseInt(tokens[0]) + 1, Integer.parseInt(tokens[1]) + 1,
                        Integer.parseInt(tokens[2]) + 1, Integer.parseInt(tokens[3])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected four whole numbers");
            }
        }
        entries.sort(Comparator.comparingInt(Entry::project).thenComparingInt(Entry::job));
        return new BenchmarkSolution(entries);
    }
}
