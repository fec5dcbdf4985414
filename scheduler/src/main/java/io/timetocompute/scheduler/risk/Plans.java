package io.timetocompute.scheduler.risk;

import java.util.HashMap;
import java.util.Map;

import io.timetocompute.scheduler.engine.ActivityListSearch;
import io.timetocompute.scheduler.engine.PlanDecoder;
import io.timetocompute.scheduler.portfolio.PlannedStart;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.problem.SchedulingProblem;

/** The plan whose risk is measured: the portfolio's published schedule, or one the engine builds for it. */
public final class Plans {

    private Plans() {
    }

    /**
     * @param improveMillis time the engine may spend improving a plan it builds (0: its priority rules only)
     * @return the published schedule (the portfolio's previous schedule) when it has every task not yet started,
     *         otherwise a schedule built by the engine
     */
    public static PlanDecoder of(SchedulingProblem problem, long improveMillis, long seed) {
        PlanDecoder published = published(problem);
        if (published != null) {
            return published;
        }
        ActivityListSearch search = new ActivityListSearch(problem, seed);
        search.construct();
        if (improveMillis > 0) {
            search.improve(() -> false, improveMillis, improveMillis);
        }
        return new PlanDecoder(problem, search.bestStarts(), search.bestModes());
    }

    /** @return the published schedule as a plan, or null when it misses a task not yet started */
    static PlanDecoder published(SchedulingProblem problem) {
        Map<String, PlannedStart> byTask = new HashMap<>();
        for (PlannedStart planned : problem.portfolio().previousSchedule()) {
            byTask.put(planned.taskId(), planned);
        }
        int n = problem.taskCount();
        int[] start = new int[n];
        int[] mode = new int[n];
        for (int t = 0; t < n; t++) {
            PlannedStart planned = byTask.get(problem.taskId(t));
            if (problem.pinned(t)) {
                start[t] = problem.pinnedStart(t);
                mode[t] = problem.pinnedMode(t);
                continue;
            }
            if (planned == null || planned.start() == null) {
                return null;
            }
            Task task = problem.portfolio().tasks().get(t);
            start[t] = problem.day(planned.start());
            mode[t] = planned.mode() == null ? 0 : Math.max(0, task.modeIndex(planned.mode()));
        }
        return new PlanDecoder(problem, start, mode);
    }
}
