package io.timetocompute.scheduler.benchmark;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.timetocompute.scheduler.portfolio.Portfolio;

/**
 * A public benchmark instance: the portfolio the solver optimizes, plus the raw project data needed to write
 * solutions in the benchmark's own numbering and to check them independently of the solver.
 * <p>
 * Identifiers tie the two together: project p (1-based, in problem-file order) is site {@code P{p}}, job j of it
 * is task {@code P{p}-J{j}}, mode m is {@code M{m}}, all numbered as in the files.
 *
 * @param name the instance file name without extension ({@code j301_1}, {@code A-1})
 * @param globalCapacities one entry per resource column of the project files (R 1.., then N 1..): the capacity of
 *        the resource if it is shared by all projects, {@link #LOCAL} if each project uses its own
 */
public record BenchmarkInstance(String name, Kind kind, Portfolio portfolio, List<Project> projects,
        List<Integer> globalCapacities) {

    /** Marks a resource column whose capacity comes from each project's own file. */
    public static final int LOCAL = -1;

    private static final Pattern TASK_ID = Pattern.compile("P(\\d+)-J(\\d+)");
    private static final Pattern MODE_NAME = Pattern.compile("M(\\d+)");

    public enum Kind {
        PSPLIB_SM(".sm"),
        PSPLIB_MM(".mm"),
        MISTA(".txt");

        private final String extension;

        Kind(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    /**
     * @param number 1-based, in problem-file order
     * @param release first period any job of the project may start
     * @param criticalPathDuration MISTA's CPD, the offset of the project delay; 0 for PSPLIB
     */
    public record Project(int number, int release, int criticalPathDuration, PsplibProject data) {

        public String siteId() {
            return "P" + number;
        }

        public int jobCount() {
            return data.jobCount();
        }

        /** @param job 1-based */
        public int modeCount(int job) {
            return data.job(job).modes().size();
        }

        /** The last job, whose finish is the project's finish. */
        public int sinkJob() {
            return data.jobCount();
        }
    }

    /** A job of a project, both 1-based. */
    public record JobRef(int project, int job) {
    }

    public BenchmarkInstance {
        projects = List.copyOf(projects);
        globalCapacities = List.copyOf(globalCapacities);
    }

    /** The file name as the reference tables list it, e.g. {@code j301_1.sm} or {@code A-1.txt}. */
    public String fileName() {
        return name + kind.extension();
    }

    /** @param number 1-based */
    public Project project(int number) {
        return projects.get(number - 1);
    }

    /** @param resourceColumn 1-based column of the project files (R 1 is 1) */
    public boolean isGlobal(int resourceColumn) {
        return globalCapacities.get(resourceColumn - 1) != LOCAL;
    }

    public int jobCount() {
        return projects.stream().mapToInt(Project::jobCount).sum();
    }

    public static String taskId(int project, int job) {
        return "P" + project + "-J" + job;
    }

    public static String modeName(int mode) {
        return "M" + mode;
    }

    /** @throws IllegalArgumentException if the id is not a job of this instance */
    public JobRef jobOfTask(String taskId) {
        Matcher matcher = TASK_ID.matcher(taskId == null ? "" : taskId);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a benchmark task id: " + taskId);
        }
        int project = Integer.parseInt(matcher.group(1));
        int job = Integer.parseInt(matcher.group(2));
        if (project < 1 || project > projects.size() || job < 1 || job > project(project).jobCount()) {
            throw new IllegalArgumentException("task " + taskId + " is not a job of instance " + name);
        }
        return new JobRef(project, job);
    }

    /** @throws IllegalArgumentException if the name is not of the form {@code M{m}} */
    public static int modeNumber(String modeName) {
        Matcher matcher = MODE_NAME.matcher(modeName == null ? "" : modeName);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a benchmark mode name: " + modeName);
        }
        return Integer.parseInt(matcher.group(1));
    }
}
