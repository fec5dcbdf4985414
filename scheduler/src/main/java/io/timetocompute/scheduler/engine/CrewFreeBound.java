package io.timetocompute.scheduler.engine;

import io.timetocompute.scheduler.problem.SchedulingProblem;

/**
 * A lower bound on the money objective: every task in its fastest mode, as early as predecessors, materials,
 * power and site opening allow, with unlimited crews and no mode costs. No schedule can do better, so the gap to
 * it bounds how much any solver could still gain.
 */
public final class CrewFreeBound {

    private CrewFreeBound() {
    }

    public static long money(SchedulingProblem problem) {
        int n = problem.taskCount();
        int[] start = new int[n];
        int[] end = new int[n];
        int[] topological = PriorityLists.topologicalOrder(problem, allTasks(n), new long[n]);
        for (int t : topological) {
            int mode = problem.pinned(t) ? problem.pinnedMode(t) : fastestMode(problem, t);
            int earliest = problem.pinned(t) ? problem.pinnedStart(t) : problem.releaseDay(t, mode);
            int[] predecessors = problem.predecessors(t);
            for (int k = 0; k < predecessors.length && !problem.pinned(t); k++) {
                int p = predecessors[k];
                earliest = Math.max(earliest, problem.earliestStartAfterPredecessor(t, mode, k, start[p], end[p]));
            }
            start[t] = problem.calendar(t).onOrAfter(earliest);
            end[t] = problem.end(t, mode, start[t]);
        }
        long money = 0;
        for (int b = 0; b < problem.blockCount(); b++) {
            money += problem.blockMoney(b, end[problem.blockTask(b)]);
        }
        return money;
    }

    private static int fastestMode(SchedulingProblem problem, int t) {
        int fastest = 0;
        for (int m = 1; m < problem.modeCount(t); m++) {
            if (problem.duration(t, m) < problem.duration(t, fastest)) {
                fastest = m;
            }
        }
        return fastest;
    }

    private static int[] allTasks(int n) {
        int[] all = new int[n];
        for (int t = 0; t < n; t++) {
            all[t] = t;
        }
        return all;
    }
}
