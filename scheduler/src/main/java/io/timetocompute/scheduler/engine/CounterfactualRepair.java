package io.timetocompute.scheduler.engine;

import java.time.LocalDate;

import io.timetocompute.scheduler.problem.SchedulingProblem;

/**
 * What a known schedule becomes when only the facts change: the solver's repair without its search. Tasks keep their
 * order (by known start) and their modes, and the serial scheme decodes them again on the changed problem. This is
 * how a live plan tells what events did to a published schedule from what the solver's improvements did: the events'
 * effect is this repair of the last published schedule, everything else the solver changed is re-optimization.
 * <p>
 * When the changed problem only takes possibilities away ({@link #onlyTakesAway}: less headcount, later releases,
 * longer work), the repair is a right shift: no task starts before its known start. Room that a delay frees (a crew
 * that now has nothing to do early) is then left for the solver to use, and counts as re-optimization, never as the
 * delaying event's doing.
 */
public final class CounterfactualRepair {

    private CounterfactualRepair() {
    }

    /** A repaired schedule: start day and mode per task, in the problem it was repaired on. */
    public record Result(SchedulingProblem problem, int[] starts, int[] modes) {

        /** @return the day the block's online task finishes, as a date */
        public LocalDate onlineDate(int block) {
            int task = problem.blockTask(block);
            return problem.date(problem.end(task, modes[task], starts[task]));
        }
    }

    /**
     * @param known the problem the known schedule was made for (its data date anchors {@code knownStart})
     * @param changed the problem with the changes
     * @param rightShiftOnly whether no task may start before its known start
     */
    public static Result repair(SchedulingProblem known, int[] knownStart, int[] knownMode, SchedulingProblem changed,
            boolean rightShiftOnly) {
        int n = changed.taskCount();
        if (known.taskCount() != n) {
            throw new IllegalArgumentException("the problems differ in tasks");
        }
        // Reported progress moves the data date, and every day index with it.
        int offset = changed.day(known.dataDate());
        ActivityListSchedule schedule = new ActivityListSchedule(changed);
        long[] priority = new long[n];
        int[] floor = new int[n];
        for (int t = 0; t < n; t++) {
            int start = knownStart[t] < 0 ? -1 : Math.max(0, knownStart[t] + offset);
            priority[t] = start < 0 ? Integer.MAX_VALUE : start;
            floor[t] = Math.max(0, start);
            if (!changed.pinned(t) && knownMode[t] >= 0 && knownMode[t] < changed.modeCount(t)) {
                schedule.mode[t] = knownMode[t];
            }
        }
        for (int c = 0; c < schedule.componentCount(); c++) {
            schedule.setOrder(c, PriorityLists.topologicalOrder(changed, schedule.components[c], priority));
        }
        if (rightShiftOnly) {
            schedule.notBefore = floor;
        }
        schedule.decodeAll();
        return new Result(changed, schedule.start.clone(), schedule.mode.clone());
    }

    /**
     * @return true when {@code after} allows nothing that {@code before} did not: same tasks, modes, links, data
     *         date and calendars; every release, duration, demand and lag the same or larger; every pool's headcount
     *         and every budget the same or smaller; the same pinned work
     */
    public static boolean onlyTakesAway(SchedulingProblem before, SchedulingProblem after) {
        if (!before.dataDate().equals(after.dataDate()) || before.horizon() != after.horizon()
                || before.taskCount() != after.taskCount() || before.poolCount() != after.poolCount()
                || before.budgetCount() != after.budgetCount()) {
            return false;
        }
        for (int t = 0; t < after.taskCount(); t++) {
            if (!tasksOnlyTakeAway(before, after, t)) {
                return false;
            }
        }
        for (int pool = 0; pool < after.poolCount(); pool++) {
            if (!before.poolId(pool).equals(after.poolId(pool))) {
                return false;
            }
            for (int day = 0; day < after.horizon(); day++) {
                if (after.capacity(pool, day) > before.capacity(pool, day)) {
                    return false;
                }
            }
        }
        for (int budget = 0; budget < after.budgetCount(); budget++) {
            if (after.budgetCapacity(budget) > before.budgetCapacity(budget)) {
                return false;
            }
        }
        return true;
    }

    private static boolean tasksOnlyTakeAway(SchedulingProblem before, SchedulingProblem after, int t) {
        if (!before.taskId(t).equals(after.taskId(t)) || before.modeCount(t) != after.modeCount(t)
                || before.pinned(t) != after.pinned(t)
                || (after.pinned(t) && (before.pinnedStart(t) != after.pinnedStart(t)
                        || before.pinnedMode(t) != after.pinnedMode(t)))
                || (before.calendar(t) != after.calendar(t) && !after.calendar(t).sameDays(before.calendar(t)))
                || !java.util.Arrays.equals(before.predecessors(t), after.predecessors(t))
                || !java.util.Arrays.equals(before.predecessorTypes(t), after.predecessorTypes(t))) {
            return false;
        }
        int[] lagsBefore = before.predecessorLags(t);
        int[] lagsAfter = after.predecessorLags(t);
        for (int k = 0; k < lagsAfter.length; k++) {
            if (lagsAfter[k] < lagsBefore[k]) {
                return false;
            }
        }
        for (int m = 0; m < after.modeCount(t); m++) {
            if (after.duration(t, m) < before.duration(t, m) || after.releaseDay(t, m) < before.releaseDay(t, m)
                    || !java.util.Arrays.equals(before.demandPools(t, m), after.demandPools(t, m))) {
                return false;
            }
            int[] headsBefore = before.demandHeadcounts(t, m);
            int[] headsAfter = after.demandHeadcounts(t, m);
            for (int i = 0; i < headsAfter.length; i++) {
                if (headsAfter[i] < headsBefore[i]) {
                    return false;
                }
            }
        }
        return true;
    }
}
