package io.timetocompute.scheduler.benchmark;

import java.util.ArrayList;
import java.util.List;

import io.timetocompute.scheduler.benchmark.BenchmarkInstance.Project;
import io.timetocompute.scheduler.benchmark.BenchmarkSolution.Entry;

/**
 * Checks a benchmark solution against the raw benchmark data (the parsed project files, the releases and the
 * global capacities), never against the portfolio or the solver's compiled problem: it must be able to catch a
 * mapping error in those. The rules are the benchmarks' own: finish-to-start precedences without lag, renewable
 * capacities per period (each project's own, or the shared capacity of a global column), non-renewable budgets
 * per project, release dates, and exactly one valid mode per job.
 */
public final class BenchmarkChecker {

    private BenchmarkChecker() {
    }

    /**
     * @param makespan latest project finish, from period 0 (PSPLIB's objective)
     * @param totalProjectDelay MISTA's TPD: sum over projects of finish - release - critical path duration
     * @param totalMakespan MISTA's TMS: latest project finish - earliest release
     */
    public record Objectives(int makespan, int totalProjectDelay, int totalMakespan) {
    }

    /** @return one message per violated rule (overloads are merged over consecutive periods); empty if feasible */
    public static List<String> violations(BenchmarkInstance instance, BenchmarkSolution solution) {
        List<String> violations = new ArrayList<>();
        Entry[][] entries = index(instance, solution, violations);
        checkReleases(instance, entries, violations);
        checkPrecedences(instance, entries, violations);
        checkRenewables(instance, entries, violations);
        checkNonRenewables(instance, entries, violations);
        return violations;
    }

    /** @throws IllegalArgumentException if a project's sink is missing or has no valid mode */
    public static Objectives objectives(BenchmarkInstance instance, BenchmarkSolution solution) {
        Entry[][] entries = index(instance, solution, new ArrayList<>());
        int latestFinish = Integer.MIN_VALUE;
        int earliestRelease = Integer.MAX_VALUE;
        int totalProjectDelay = 0;
        for (Project project : instance.projects()) {
            Entry sink = entries[project.number()][project.sinkJob()];
            if (sink == null) {
                throw new IllegalArgumentException("no valid entry for the sink of project " + project.number());
            }
            int finish = finish(project, sink);
            latestFinish = Math.max(latestFinish, finish);
            earliestRelease = Math.min(earliestRelease, project.release());
            totalProjectDelay += finish - project.release() - project.criticalPathDuration();
        }
        return new Objectives(latestFinish, totalProjectDelay, latestFinish - earliestRelease);
    }

    /**
     * @return the valid entry of each job, [project][job] 1-based, null where missing or invalid (reported)
     */
    private static Entry[][] index(BenchmarkInstance instance, BenchmarkSolution solution, List<String> violations) {
        List<Project> projects = instance.projects();
        Entry[][] entries = new Entry[projects.size() + 1][];
        for (Project project : projects) {
            entries[project.number()] = new Entry[project.jobCount() + 1];
        }
        boolean[][] listed = new boolean[projects.size() + 1][];
        for (Project project : projects) {
            listed[project.number()] = new boolean[project.jobCount() + 1];
        }
        for (Entry entry : solution.schedule()) {
            String job = "project " + entry.project() + " job " + entry.job();
            if (entry.project() < 1 || entry.project() > projects.size()) {
                violations.add(job + ": project " + entry.project() + " does not exist");
                continue;
            }
            Project project = instance.project(entry.project());
            if (entry.job() < 1 || entry.job() > project.jobCount()) {
                violations.add(job + ": job does not exist (project has " + project.jobCount() + " jobs)");
                continue;
            }
            if (listed[entry.project()][entry.job()]) {
                violations.add(job + ": listed more than once");
                // Neither copy is trusted, so the job counts as unscheduled below.
                entries[entry.project()][entry.job()] = null;
                continue;
            }
            listed[entry.project()][entry.job()] = true;
            int modeCount = project.modeCount(entry.job());
            if (entry.mode() < 1 || entry.mode() > modeCount) {
                violations.add(job + ": mode " + entry.mode() + " does not exist (modes 1.." + modeCount + ")");
                continue;
            }
            if (entry.start() < 0) {
                violations.add(job + ": starts at " + entry.start() + ", before period 0");
                continue;
            }
            entries[entry.project()][entry.job()] = entry;
        }
        for (Project project : projects) {
            for (int job = 1; job <= project.jobCount(); job++) {
                if (!listed[project.number()][job]) {
                    violations.add("project " + project.number() + " job " + job + ": missing");
                }
            }
        }
        return entries;
    }

    private static void checkReleases(BenchmarkInstance instance, Entry[][] entries, List<String> violations) {
        for (Project project : instance.projects()) {
            for (Entry entry : entries[project.number()]) {
                if (entry != null && entry.start() < project.release()) {
                    violations.add("project " + project.number() + " job " + entry.job() + ": starts at "
                            + entry.start() + ", before the project's release " + project.release());
                }
            }
        }
    }

    private static void checkPrecedences(BenchmarkInstance instance, Entry[][] entries, List<String> violations) {
        for (Project project : instance.projects()) {
            for (Entry predecessor : entries[project.number()]) {
                if (predecessor == null) {
                    continue;
                }
                int finish = finish(project, predecessor);
                for (int successorJob : project.data().job(predecessor.job()).successors()) {
                    Entry successor = entries[project.number()][successorJob];
                    if (successor != null && successor.start() < finish) {
                        violations.add("project " + project.number() + " job " + successorJob + ": starts at "
                                + successor.start() + ", before its predecessor job " + predecessor.job()
                                + " finishes at " + finish);
                    }
                }
            }
        }
    }

    private static void checkRenewables(BenchmarkInstance instance, Entry[][] entries, List<String> violations) {
        int horizon = 0;
        for (Project project : instance.projects()) {
            for (Entry entry : entries[project.number()]) {
                if (entry != null) {
                    horizon = Math.max(horizon, finish(project, entry));
                }
            }
        }
        int renewableCount = instance.projects().isEmpty() ? 0 : instance.project(1).data().renewableCount();
        for (int column = 1; column <= renewableCount; column++) {
            if (instance.isGlobal(column)) {
                int[] usage = new int[horizon];
                for (Project project : instance.projects()) {
                    addUsage(project, entries[project.number()], column, usage);
                }
                reportOverloads("global R " + column, usage, instance.globalCapacities().get(column - 1),
                        violations);
            } else {
                for (Project project : instance.projects()) {
                    int[] usage = new int[horizon];
                    addUsage(project, entries[project.number()], column, usage);
                    reportOverloads("project " + project.number() + " R " + column, usage,
                            project.data().renewableCapacities().get(column - 1), violations);
                }
            }
        }
    }

    private static void addUsage(Project project, Entry[] entries, int column, int[] usage) {
        for (Entry entry : entries) {
            if (entry == null) {
                continue;
            }
            PsplibProject.Mode mode = project.data().job(entry.job()).mode(entry.mode());
            int demand = mode.renewableDemands().get(column - 1);
            for (int period = entry.start(); period < entry.start() + mode.duration(); period++) {
                usage[period] += demand;
            }
        }
    }

    /** One message per stretch of consecutive overloaded periods, so a bad schedule does not flood the report. */
    private static void reportOverloads(String resource, int[] usage, int capacity, List<String> violations) {
        int period = 0;
        while (period < usage.length) {
            if (usage[period] <= capacity) {
                period++;
                continue;
            }
            int first = period;
            int peak = 0;
            while (period < usage.length && usage[period] > capacity) {
                peak = Math.max(peak, usage[period]);
                period++;
            }
            String periods = first == period - 1 ? "period " + first : "periods " + first + ".." + (period - 1);
            violations.add(resource + ": " + periods + " use up to " + peak + ", capacity " + capacity);
        }
    }

    private static void checkNonRenewables(BenchmarkInstance instance, Entry[][] entries, List<String> violations) {
        for (Project project : instance.projects()) {
            PsplibProject data = project.data();
            for (int k = 1; k <= data.nonRenewableCount(); k++) {
                long used = 0;
                for (Entry entry : entries[project.number()]) {
                    if (entry != null) {
                        used += data.job(entry.job()).mode(entry.mode()).nonRenewableDemands().get(k - 1);
                    }
                }
                int capacity = data.nonRenewableCapacities().get(k - 1);
                if (used > capacity) {
                    violations.add("project " + project.number() + " N " + k + ": uses " + used + ", budget "
                            + capacity);
                }
            }
        }
    }

    private static int finish(Project project, Entry entry) {
        return entry.start() + project.data().job(entry.job()).mode(entry.mode()).duration();
    }
}
