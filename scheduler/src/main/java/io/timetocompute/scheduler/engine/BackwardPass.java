package io.timetocompute.scheduler.engine;

import io.timetocompute.scheduler.problem.SchedulingProblem;
import io.timetocompute.scheduler.problem.WorkCalendar;

/**
 * The backward half of forward-backward improvement (Valls, Ballestin and Quintanilla 2005): right-justifies a
 * component's schedule, each task as late as its successors, its crews and its deadline allow, taking tasks in
 * order of decreasing finish. Each block's online task keeps its current date as its deadline, other tasks the
 * component's last finish. The right-justified starts become the priorities of a new activity list, whose forward
 * decoding packs work earlier without letting any block slip first.
 */
final class BackwardPass {

    private final SchedulingProblem problem;
    private final int[][] usage;
    private final long[] latestStart;

    BackwardPass(SchedulingProblem problem) {
        this.problem = problem;
        this.usage = new int[problem.poolCount()][problem.horizon()];
        this.latestStart = new long[problem.taskCount()];
    }

    /** @return right-justified starts of the component's tasks, as priorities (indexed by task) */
    long[] latestStarts(ActivityListSchedule schedule, int component, boolean[] isBlockTask) {
        int[] tasks = schedule.components[component];
        Integer[] byFinish = new Integer[tasks.length];
        int deadline = 0;
        for (int i = 0; i < tasks.length; i++) {
            byFinish[i] = tasks[i];
            deadline = Math.max(deadline, schedule.end[tasks[i]]);
        }
        java.util.Arrays.sort(byFinish, (a, b) -> schedule.end[a] != schedule.end[b]
                ? Integer.compare(schedule.end[b], schedule.end[a])
                : Integer.compare(schedule.position[b], schedule.position[a]));
        int[] placedStart = new int[tasks.length];
        int[] placedTask = new int[tasks.length];
        int placed = 0;
        int[] rightStart = new int[problem.taskCount()];
        int[] rightEnd = new int[problem.taskCount()];
        boolean[] done = new boolean[problem.taskCount()];
        for (int t : byFinish) {
            int mode = schedule.mode[t];
            if (problem.pinned(t)) {
                rightStart[t] = schedule.start[t];
                rightEnd[t] = schedule.end[t];
                latestStart[t] = Long.MIN_VALUE / 2;
                done[t] = true;
                continue;
            }
            int latestEnd = isBlockTask[t] ? schedule.end[t] : deadline;
            WorkCalendar calendar = problem.calendar(t);
            int duration = problem.duration(t, mode);
            for (int successor : problem.successors(t)) {
                if (!done[successor]) {
                    continue;
                }
                latestEnd = Math.min(latestEnd, latestEndBefore(t, mode, successor, schedule.mode[successor], rightStart[successor]));
            }
            int start = latestFittingStart(t, mode, latestEnd, calendar, duration);
            rightStart[t] = start;
            rightEnd[t] = problem.end(t, mode, start);
            done[t] = true;
            latestStart[t] = start;
            if (start >= 0) {
                add(t, mode, start, +1);
                placedTask[placed] = t;
                placedStart[placed++] = start;
            }
        }
        for (int i = 0; i < placed; i++) {
            add(placedTask[i], schedule.mode[placedTask[i]], placedStart[i], -1);
        }
        return latestStart;
    }

    /** The latest end of {@code t} that lets {@code successor} start on {@code successorStart}. */
    private int latestEndBefore(int t, int mode, int successor, int successorMode, int successorStart) {
        int[] predecessors = problem.predecessors(successor);
        int latestEnd = Integer.MAX_VALUE;
        for (int k = 0; k < predecessors.length; k++) {
            if (predecessors[k] == t) {
                latestEnd = Math.min(latestEnd,
                        problem.latestEndBeforeSuccessor(t, mode, successor, successorMode, k, successorStart));
            }
        }
        return latestEnd;
    }

    /** @return the latest start ending by {@code latestEnd} where crews fit, or a start before day 0 if none */
    private int latestFittingStart(int t, int mode, int latestEnd, WorkCalendar calendar, int duration) {
        if (duration == 0) {
            return Math.max(0, latestEnd);
        }
        int[] pools = problem.demandPools(t, mode);
        int[] heads = problem.demandHeadcounts(t, mode);
        int end = latestEnd;
        while (true) {
            int firstIndex = calendar.workDaysBefore(end) - duration;
            if (firstIndex < 0) {
                return -1;
            }
            int conflict = -1;
            // The earliest conflict bounds the end the most.
            for (int k = firstIndex; k < firstIndex + duration && conflict < 0; k++) {
                int day = calendar.workDayAt(k);
                for (int i = 0; i < pools.length; i++) {
                    if (usage[pools[i]][day] + heads[i] > problem.capacity(pools[i], day)) {
                        conflict = day;
                        break;
                    }
                }
            }
            if (conflict < 0) {
                return calendar.workDayAt(firstIndex);
            }
            end = conflict;
        }
    }

    private void add(int t, int mode, int start, int sign) {
        int duration = problem.duration(t, mode);
        int[] pools = problem.demandPools(t, mode);
        int[] heads = problem.demandHeadcounts(t, mode);
        WorkCalendar calendar = problem.calendar(t);
        int firstIndex = calendar.workDaysBefore(start);
        for (int k = firstIndex; k < firstIndex + duration; k++) {
            int day = calendar.workDayAt(k);
            if (day >= problem.horizon()) {
                break;
            }
            for (int i = 0; i < pools.length; i++) {
                usage[pools[i]][day] += sign * heads[i];
            }
        }
    }
}
