package io.timetocompute.scheduler.engine;

import java.util.PriorityQueue;

import io.timetocompute.scheduler.problem.SchedulingProblem;

/** Builds precedence-feasible activity lists from a priority value per task (lower goes first). */
final class PriorityLists {

    private PriorityLists() {
    }

    /** @return the component's tasks in an order that respects precedence and otherwise follows {@code priority} */
    static int[] topologicalOrder(SchedulingProblem problem, int[] componentTasks, long[] priority) {
        int[] waitingFor = new int[problem.taskCount()];
        PriorityQueue<Integer> ready = new PriorityQueue<>((a, b) -> {
            int byPriority = Long.compare(priority[a], priority[b]);
            return byPriority != 0 ? byPriority : Integer.compare(a, b);
        });
        for (int t : componentTasks) {
            waitingFor[t] = problem.predecessors(t).length;
            if (waitingFor[t] == 0) {
                ready.add(t);
            }
        }
        int[] list = new int[componentTasks.length];
        int size = 0;
        while (!ready.isEmpty()) {
            int t = ready.poll();
            list[size++] = t;
            for (int successor : problem.successors(t)) {
                if (--waitingFor[successor] == 0) {
                    ready.add(successor);
                }
            }
        }
        if (size != componentTasks.length) {
            throw new IllegalStateException("precedence cycle among " + (componentTasks.length - size) + " tasks");
        }
        return list;
    }

    /**
     * Latest start, in work days, that delays neither the whole portfolio ({@code blockRelative == false}) or the
     * compute blocks each task leads to ({@code blockRelative == true}), ignoring crews. Tasks with little slack go
     * first; with block-relative deadlines every block's own critical chain is favoured, not only the longest one.
     */
    static long[] latestStarts(SchedulingProblem problem, boolean blockRelative) {
        int n = problem.taskCount();
        int[] earliestFinish = new int[n];
        int[] topological = topologicalOrder(problem, allTasks(n), new long[n]);
        for (int t : topological) {
            int earliest = problem.releaseDay(t, 0);
            int[] predecessors = problem.predecessors(t);
            for (int k = 0; k < predecessors.length; k++) {
                int p = predecessors[k];
                int type = problem.predecessorTypes(t)[k];
                int anchor = SchedulingProblem.fromPredecessorStart(type)
                        ? earliestFinish[p] - problem.duration(p, defaultMode(problem, p)) : earliestFinish[p];
                int bound = anchor + problem.predecessorLags(t)[k];
                if (SchedulingProblem.toSuccessorFinish(type)) {
                    bound -= problem.duration(t, defaultMode(problem, t));
                }
                earliest = Math.max(earliest, bound);
            }
            earliestFinish[t] = earliest + problem.duration(t, defaultMode(problem, t));
        }
        int horizon = 0;
        for (int t = 0; t < n; t++) {
            horizon = Math.max(horizon, earliestFinish[t]);
        }
        long[] latestFinish = new long[n];
        java.util.Arrays.fill(latestFinish, horizon);
        if (blockRelative) {
            for (int b = 0; b < problem.blockCount(); b++) {
                int task = problem.blockTask(b);
                latestFinish[task] = Math.min(latestFinish[task], earliestFinish[task]);
            }
        }
        long[] latestStart = new long[n];
        for (int i = n - 1; i >= 0; i--) {
            int t = topological[i];
            latestStart[t] = latestFinish[t] - problem.duration(t, defaultMode(problem, t));
            int[] predecessors = problem.predecessors(t);
            for (int k = 0; k < predecessors.length; k++) {
                int p = predecessors[k];
                int type = problem.predecessorTypes(t)[k];
                long bound = latestStart[t] - problem.predecessorLags(t)[k];
                if (SchedulingProblem.toSuccessorFinish(type)) {
                    bound += problem.duration(t, defaultMode(problem, t));
                }
                if (SchedulingProblem.fromPredecessorStart(type)) {
                    bound += problem.duration(p, defaultMode(problem, p));
                }
                latestFinish[p] = Math.min(latestFinish[p], bound);
            }
        }
        return latestStart;
    }

    static int defaultMode(SchedulingProblem problem, int task) {
        return problem.pinned(task) ? problem.pinnedMode(task) : 0;
    }

    private static int[] allTasks(int n) {
        int[] all = new int[n];
        for (int t = 0; t < n; t++) {
            all[t] = t;
        }
        return all;
    }
}
