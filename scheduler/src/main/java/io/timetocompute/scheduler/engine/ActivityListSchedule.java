package io.timetocompute.scheduler.engine;

import io.timetocompute.scheduler.problem.SchedulingProblem;
import io.timetocompute.scheduler.problem.WorkCalendar;

/**
 * A schedule represented as one precedence-feasible activity list and one mode per task, decoded by the serial
 * schedule generation scheme: tasks in list order, each at the earliest day its predecessors, releases and every
 * pool's remaining headcount allow. Decoded schedules respect precedence, releases and capacity by construction;
 * only pinned work and tasks that no day can staff may overload a pool, and are counted as hard violations.
 * <p>
 * The tasks are split into independent {@link Components components}; each has its own list and is decoded alone.
 */
final class ActivityListSchedule {

    final SchedulingProblem problem;
    final int[][] components;
    final int[] componentOf;
    /** per component: its activity list (task indices) */
    final int[][] order;
    /** position of each task in its component's list */
    final int[] position;
    final int[] mode;
    final int[] start;
    final int[] end;
    final long[] componentHard;
    final long[] componentMedium;
    final int[] componentMakespan;
    /** [pool][day] headcount in use */
    private final int[][] usage;
    private final int[] blocksOfTask;
    private final int[][] blocksByComponent;
    private final int[][] budgetsByComponent;
    private final long[] budgetUse;
    /** per task: the earliest day decoding may start it (a counterfactual repair's floor); null for none */
    int[] notBefore;

    ActivityListSchedule(SchedulingProblem problem) {
        this.problem = problem;
        int n = problem.taskCount();
        this.components = Components.of(problem);
        this.componentOf = new int[n];
        this.order = new int[components.length][];
        for (int c = 0; c < components.length; c++) {
            order[c] = components[c].clone();
            for (int t : components[c]) {
                componentOf[t] = c;
            }
        }
        this.position = new int[n];
        this.mode = new int[n];
        this.start = new int[n];
        this.end = new int[n];
        this.componentHard = new long[components.length];
        this.componentMedium = new long[components.length];
        this.componentMakespan = new int[components.length];
        this.usage = new int[problem.poolCount()][problem.horizon()];
        this.blocksOfTask = new int[n];
        java.util.Arrays.fill(blocksOfTask, -1);
        int[] blockCount = new int[components.length];
        for (int b = 0; b < problem.blockCount(); b++) {
            blockCount[componentOf[problem.blockTask(b)]]++;
        }
        this.blocksByComponent = new int[components.length][];
        for (int c = 0; c < components.length; c++) {
            blocksByComponent[c] = new int[blockCount[c]];
            blockCount[c] = 0;
        }
        for (int b = 0; b < problem.blockCount(); b++) {
            int c = componentOf[problem.blockTask(b)];
            blocksByComponent[c][blockCount[c]++] = b;
        }
        this.budgetsByComponent = budgetsByComponent();
        this.budgetUse = new long[problem.budgetCount()];
        for (int t = 0; t < n; t++) {
            mode[t] = problem.pinned(t) ? problem.pinnedMode(t) : 0;
            start[t] = -1;
        }
    }

    private int[][] budgetsByComponent() {
        java.util.List<java.util.Set<Integer>> sets = new java.util.ArrayList<>();
        for (int c = 0; c < components.length; c++) {
            sets.add(new java.util.TreeSet<>());
        }
        for (int t = 0; t < problem.taskCount(); t++) {
            for (int m = 0; m < problem.modeCount(t); m++) {
                for (int budget : problem.budgetsUsed(t, m)) {
                    sets.get(componentOf[t]).add(budget);
                }
            }
        }
        int[][] result = new int[components.length][];
        for (int c = 0; c < components.length; c++) {
            result[c] = sets.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
        return result;
    }

    /** @return a block of the component picked in proportion to its value per day, or -1 if it has none */
    int randomBlock(int component, java.util.SplittableRandom random) {
        int[] blocks = blocksByComponent[component];
        if (blocks.length == 0) {
            return -1;
        }
        long total = 0;
        for (int b : blocks) {
            total += problem.blockValuePerDay(b) + 1;
        }
        long pick = random.nextLong(total);
        for (int b : blocks) {
            pick -= problem.blockValuePerDay(b) + 1;
            if (pick < 0) {
                return b;
            }
        }
        return blocks[blocks.length - 1];
    }

    /** @return the predecessor whose constraint on the task's start binds most (latest earliest start), or -1 */
    int bindingPredecessor(int t) {
        int[] predecessors = problem.predecessors(t);
        int binding = -1;
        int latest = Integer.MIN_VALUE;
        for (int k = 0; k < predecessors.length; k++) {
            int p = predecessors[k];
            int bound = problem.earliestStartAfterPredecessor(t, mode[t], k, start[p], end[p]);
            if (bound > latest) {
                latest = bound;
                binding = p;
            }
        }
        return binding;
    }

    int componentCount() {
        return components.length;
    }

    /** Sets a component's list (must be precedence-feasible) and records each task's position. */
    void setOrder(int component, int[] list) {
        System.arraycopy(list, 0, order[component], 0, list.length);
        for (int i = 0; i < list.length; i++) {
            position[list[i]] = i;
        }
    }

    void decodeAll() {
        for (int c = 0; c < components.length; c++) {
            unplace(c);
            decode(c);
        }
    }

    /** Removes the usage of every placed task of the component. */
    void unplace(int component) {
        for (int t : components[component]) {
            if (start[t] >= 0) {
                addUsage(t, mode[t], start[t], -1);
            }
        }
    }

    /** Places the component's tasks in list order; its usage must have been removed first. */
    void decode(int component) {
        long overload = 0;
        for (int t : components[component]) {
            start[t] = -1;
        }
        // Pinned work is where it is; everything else fits around it.
        for (int t : components[component]) {
            if (problem.pinned(t)) {
                start[t] = problem.pinnedStart(t);
                end[t] = problem.end(t, mode[t], start[t]);
                overload += addUsage(t, mode[t], start[t], +1);
            }
        }
        for (int t : order[component]) {
            if (problem.pinned(t)) {
                continue;
            }
            int earliest = earliestStart(t, mode[t]);
            if (notBefore != null && notBefore[t] > earliest) {
                earliest = problem.calendar(t).onOrAfter(notBefore[t]);
            }
            int chosen = firstFittingStart(t, mode[t], earliest);
            if (chosen < 0) {
                chosen = earliest;
                start[t] = chosen;
                end[t] = problem.end(t, mode[t], chosen);
                overload += addUsage(t, mode[t], chosen, +1);
            } else {
                start[t] = chosen;
                end[t] = problem.end(t, mode[t], chosen);
                addUsage(t, mode[t], chosen, +1);
            }
        }
        componentHard[component] = overload + budgetExcess(component);
        evaluateMoney(component);
    }

    /**
     * Restores a previous decoding of the component (starts and modes) without searching for fits; the current
     * decoding's usage must have been removed first, with the modes it was decoded with.
     */
    void restore(int component, int[] savedStart, int[] savedMode, long hard, long medium, int makespan) {
        for (int t : components[component]) {
            mode[t] = savedMode[t];
            start[t] = savedStart[t];
            end[t] = problem.end(t, mode[t], start[t]);
            addUsage(t, mode[t], start[t], +1);
        }
        componentHard[component] = hard;
        componentMedium[component] = medium;
        componentMakespan[component] = makespan;
    }

    int earliestStart(int t, int m) {
        int earliest = problem.releaseDay(t, m);
        int[] predecessors = problem.predecessors(t);
        for (int k = 0; k < predecessors.length; k++) {
            int predecessor = predecessors[k];
            earliest = Math.max(earliest,
                    problem.earliestStartAfterPredecessor(t, m, k, start[predecessor], end[predecessor]));
        }
        return problem.calendar(t).onOrAfter(earliest);
    }

    /** @return the first work day on or after {@code earliest} where every pool fits, or -1 if none before the horizon */
    private int firstFittingStart(int t, int m, int earliest) {
        int duration = problem.duration(t, m);
        int[] pools = problem.demandPools(t, m);
        if (duration == 0 || pools.length == 0) {
            return earliest;
        }
        int[] heads = problem.demandHeadcounts(t, m);
        WorkCalendar calendar = problem.calendar(t);
        int horizon = problem.horizon();
        int candidate = earliest;
        while (true) {
            int firstIndex = calendar.workDaysBefore(candidate);
            int lastDay = calendar.workDayAt(firstIndex + duration - 1);
            if (lastDay >= horizon) {
                return -1;
            }
            int conflict = -1;
            // Scanning backwards finds the latest conflict, so the next candidate skips the most.
            for (int k = firstIndex + duration - 1; k >= firstIndex && conflict < 0; k--) {
                int day = calendar.workDayAt(k);
                for (int i = 0; i < pools.length; i++) {
                    int pool = pools[i];
                    if (usage[pool][day] + heads[i] > problem.capacity(pool, day)) {
                        conflict = day;
                        break;
                    }
                }
            }
            if (conflict < 0) {
                return candidate;
            }
            candidate = calendar.onOrAfter(conflict + 1);
        }
    }

    /** @return the overload this change adds (negative when removing) */
    private long addUsage(int t, int m, int s, int sign) {
        int duration = problem.duration(t, m);
        int[] pools = problem.demandPools(t, m);
        if (duration == 0 || pools.length == 0 || s < 0) {
            return 0;
        }
        int[] heads = problem.demandHeadcounts(t, m);
        WorkCalendar calendar = problem.calendar(t);
        int firstIndex = calendar.workDaysBefore(s);
        int horizon = problem.horizon();
        long overloadChange = 0;
        for (int k = firstIndex; k < firstIndex + duration; k++) {
            int day = calendar.workDayAt(k);
            if (day >= horizon) {
                break;
            }
            for (int i = 0; i < pools.length; i++) {
                int pool = pools[i];
                int capacity = problem.capacity(pool, day);
                int before = usage[pool][day];
                int after = before + sign * heads[i];
                usage[pool][day] = after;
                overloadChange += Math.max(0, after - capacity) - Math.max(0, before - capacity);
            }
        }
        return overloadChange;
    }

    private long budgetExcess(int component) {
        int[] budgets = budgetsByComponent[component];
        if (budgets.length == 0) {
            return 0;
        }
        for (int b : budgets) {
            budgetUse[b] = 0;
        }
        for (int t : components[component]) {
            int[] used = problem.budgetsUsed(t, mode[t]);
            int[] amounts = problem.budgetAmounts(t, mode[t]);
            for (int i = 0; i < used.length; i++) {
                budgetUse[used[i]] += amounts[i];
            }
        }
        long excess = 0;
        for (int b : budgets) {
            excess += Math.max(0, budgetUse[b] - problem.budgetCapacity(b));
        }
        return excess;
    }

    private void evaluateMoney(int component) {
        long money = 0;
        int makespan = 0;
        long disruptionCost = problem.disruptionCostPerDay();
        for (int t : components[component]) {
            money += problem.modeCost(t, mode[t]) + disruptionCost * problem.freezeWindowDaysMoved(t, start[t]);
            makespan = Math.max(makespan, end[t]);
        }
        for (int b : blocksByComponent[component]) {
            money += problem.blockMoney(b, end[problem.blockTask(b)]);
        }
        componentMedium[component] = money;
        componentMakespan[component] = makespan;
    }

    Objective objective() {
        long hard = 0;
        long medium = 0;
        int makespan = 0;
        for (int c = 0; c < components.length; c++) {
            hard += componentHard[c];
            medium += componentMedium[c];
            makespan = Math.max(makespan, componentMakespan[c]);
        }
        return new Objective(hard, medium, makespan);
    }
}
