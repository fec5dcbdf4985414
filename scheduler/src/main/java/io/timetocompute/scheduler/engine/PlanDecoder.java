package io.timetocompute.scheduler.engine;

import io.timetocompute.scheduler.problem.SchedulingProblem;

/**
 * Replays a plan's task order and modes under other facts: the plan's starts become a precedence-feasible activity
 * list (earliest planned start first), which the serial schedule generation scheme decodes against any problem of
 * the same shape, e.g. one with sampled durations, arrivals and capacities. Crews and materials are respected in
 * every decoding, exactly as when the engine builds a schedule. Thread-safe: every decoding has its own state.
 */
public final class PlanDecoder {

    private final SchedulingProblem problem;
    private final int[] mode;
    /** per component: its activity list */
    private final int[][] order;

    /**
     * @param plannedStart the plan's start per task (negative: unknown, placed last among what precedence allows)
     * @param plannedMode the plan's mode per task (pinned work keeps its own)
     */
    public PlanDecoder(SchedulingProblem problem, int[] plannedStart, int[] plannedMode) {
        int n = problem.taskCount();
        if (plannedStart.length != n || plannedMode.length != n) {
            throw new IllegalArgumentException("a plan has a start and a mode for each of the " + n + " tasks");
        }
        this.problem = problem;
        this.mode = new int[n];
        long[] priority = new long[n];
        for (int t = 0; t < n; t++) {
            priority[t] = plannedStart[t] < 0 ? Integer.MAX_VALUE : plannedStart[t];
            int m = problem.pinned(t) ? problem.pinnedMode(t) : plannedMode[t];
            mode[t] = m >= 0 && m < problem.modeCount(t) ? m : 0;
        }
        int[][] components = Components.of(problem);
        this.order = new int[components.length][];
        for (int c = 0; c < components.length; c++) {
            order[c] = PriorityLists.topologicalOrder(problem, components[c], priority);
        }
    }

    public SchedulingProblem problem() {
        return problem;
    }

    /** @return the mode each task is decoded in */
    public int mode(int task) {
        return mode[task];
    }

    /** @param facts the plan's problem or one made from it by {@link SchedulingProblem#withUncertainFacts} */
    public Decoded decode(SchedulingProblem facts) {
        if (facts.taskCount() != problem.taskCount() || facts.poolCount() != problem.poolCount()) {
            throw new IllegalArgumentException("the facts are not of the plan's problem");
        }
        ActivityListSchedule schedule = new ActivityListSchedule(facts);
        if (schedule.componentCount() != order.length) {
            throw new IllegalArgumentException("the facts are not of the plan's problem");
        }
        System.arraycopy(mode, 0, schedule.mode, 0, mode.length);
        for (int c = 0; c < order.length; c++) {
            schedule.setOrder(c, order[c]);
        }
        schedule.decodeAll();
        return new Decoded(schedule.start.clone(), schedule.end.clone(), mode.clone(), schedule.objective().hard());
    }

    /**
     * @param start day each task starts
     * @param end day after each task's last work day
     * @param hardViolations crew overloads only pinned work or unstaffable tasks can cause; 0 for a feasible schedule
     */
    public record Decoded(int[] start, int[] end, int[] mode, long hardViolations) {
    }
}
