package io.timetocompute.scheduler.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.timetocompute.scheduler.benchmark.BenchmarkInstance.Project;
import io.timetocompute.scheduler.portfolio.Budget;
import io.timetocompute.scheduler.portfolio.CalendarSpec;
import io.timetocompute.scheduler.portfolio.ComputeBlock;
import io.timetocompute.scheduler.portfolio.Dependency;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskMode;

/**
 * Maps benchmark projects onto the portfolio model so that the solver optimizes exactly the benchmark's problem:
 * every day is a work day (day index = period), and each project's sink brings a compute block worth 1 per day
 * online, so the money objective is the sum of the projects' finish periods.
 */
final class BenchmarkPortfolios {

    static final LocalDate DATA_DATE = LocalDate.of(2000, 1, 3);
    static final String CALENDAR = "every-day";
    static final String PHASE = "benchmark";
    static final String TRADE = "benchmark";

    private BenchmarkPortfolios() {
    }

    static Portfolio build(String id, String title, List<Project> projects, List<Integer> globalCapacities) {
        List<Site> sites = new ArrayList<>();
        List<LaborPool> pools = new ArrayList<>();
        List<Budget> budgets = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        List<String> allSiteIds = projects.stream().map(Project::siteId).toList();

        for (int column = 1; column <= globalCapacities.size(); column++) {
            int capacity = globalCapacities.get(column - 1);
            if (capacity != BenchmarkInstance.LOCAL) {
                pools.add(new LaborPool(globalPoolId(column), "global resource R " + column, TRADE, allSiteIds,
                        null, capacity, List.of()));
            }
        }
        for (Project project : projects) {
            sites.add(site(project));
            PsplibProject data = project.data();
            for (int k = 1; k <= data.renewableCount(); k++) {
                if (globalCapacities.get(k - 1) == BenchmarkInstance.LOCAL) {
                    pools.add(new LaborPool(localPoolId(project.number(), k),
                            "project " + project.number() + " resource R " + k, TRADE, List.of(project.siteId()),
                            null, data.renewableCapacities().get(k - 1), List.of()));
                }
            }
            for (int k = 1; k <= data.nonRenewableCount(); k++) {
                budgets.add(new Budget(budgetId(project.number(), k), project.siteId(),
                        "project " + project.number() + " resource N " + k, data.nonRenewableCapacities().get(k - 1)));
            }
            tasks.addAll(tasks(project, globalCapacities));
        }
        return new Portfolio(id, title, DATA_DATE, List.of(CalendarSpec.everyDay(CALENDAR)), CALENDAR, 0, 0L,
                sites, pools, List.of(), budgets, tasks, List.of());
    }

    static String globalPoolId(int column) {
        return "R" + column;
    }

    static String localPoolId(int project, int column) {
        return "P" + project + "-R" + column;
    }

    static String budgetId(int project, int nonRenewable) {
        return "P" + project + "-N" + nonRenewable;
    }

    static String blockId(int project) {
        return "P" + project + "-DONE";
    }

    private static Site site(Project project) {
        LocalDate startNotBefore = project.release() == 0 ? null : DATA_DATE.plusDays(project.release());
        ComputeBlock done = new ComputeBlock(blockId(project.number()), "project " + project.number() + " finished",
                0, 1, null, 0);
        return new Site(project.siteId(), project.data().fileName(), null, null, null, startNotBefore, List.of(done));
    }

    private static List<Task> tasks(Project project, List<Integer> globalCapacities) {
        PsplibProject data = project.data();
        int p = project.number();
        // The files list successors; the model wants predecessors, in job order for a stable portfolio.
        List<List<Dependency>> predecessors = new ArrayList<>();
        for (int j = 0; j < data.jobCount(); j++) {
            predecessors.add(new ArrayList<>());
        }
        for (PsplibProject.Job job : data.jobs()) {
            for (int successor : job.successors()) {
                predecessors.get(successor - 1).add(Dependency.finishToStart(BenchmarkInstance.taskId(p, job.number())));
            }
        }
        List<Task> tasks = new ArrayList<>(data.jobCount());
        for (PsplibProject.Job job : data.jobs()) {
            List<TaskMode> modes = job.modes().stream().map(mode -> mode(p, mode, globalCapacities)).toList();
            String bringsOnline = job.number() == project.sinkJob() ? blockId(p) : null;
            tasks.add(new Task(BenchmarkInstance.taskId(p, job.number()), project.siteId(), "job " + job.number(),
                    PHASE, modes, predecessors.get(job.number() - 1), List.of(), false, bringsOnline, null));
        }
        return tasks;
    }

    private static TaskMode mode(int project, PsplibProject.Mode mode, List<Integer> globalCapacities) {
        Map<String, Integer> crew = new LinkedHashMap<>();
        for (int k = 1; k <= mode.renewableDemands().size(); k++) {
            int demand = mode.renewableDemands().get(k - 1);
            if (demand > 0) {
                boolean global = globalCapacities.get(k - 1) != BenchmarkInstance.LOCAL;
                crew.put(global ? globalPoolId(k) : localPoolId(project, k), demand);
            }
        }
        Map<String, Integer> budgetUse = new LinkedHashMap<>();
        for (int k = 1; k <= mode.nonRenewableDemands().size(); k++) {
            int amount = mode.nonRenewableDemands().get(k - 1);
            if (amount > 0) {
                budgetUse.put(budgetId(project, k), amount);
            }
        }
        return new TaskMode(BenchmarkInstance.modeName(mode.number()), mode.duration(), crew, 0L, budgetUse);
    }
}
