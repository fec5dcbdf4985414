package io.timetocompute.scheduler.engine;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import io.timetocompute.scheduler.problem.SchedulingProblem;

/**
 * Local search over activity lists and modes, decoded by the serial schedule generation scheme, with late
 * acceptance. Each move changes one component (one task shifted within its precedence window, or one task's mode)
 * and re-decodes only that component.
 */
public final class ActivityListSearch {

    private static final int LATE_ACCEPTANCE_LENGTH = 400;
    /** Steps between two forward-backward improvements: one costs about as much as two ordinary steps. */
    private static final int FORWARD_BACKWARD_EVERY = 20;

    private final SchedulingProblem problem;
    private final ActivityListSchedule schedule;
    private final SplittableRandom random;
    private final int[] savedStart;
    private final int[] savedMode;
    private final int[] cumulativeSize;
    private final Objective[] history = new Objective[LATE_ACCEPTANCE_LENGTH];
    private final boolean[] isBlockTask;
    /** per component: whether tasks of more than one site compete in it (through a shared crew or budget) */
    private final boolean[] sitesShareComponent;
    private BackwardPass backwardPass;

    private Objective current;
    private Objective best;
    private final int[] bestStart;
    private final int[] bestMode;
    private final int[][] bestOrder;
    private long iterations;

    public ActivityListSearch(SchedulingProblem problem, long seed) {
        this.problem = problem;
        this.schedule = new ActivityListSchedule(problem);
        this.random = new SplittableRandom(seed);
        int n = problem.taskCount();
        this.savedStart = new int[n];
        this.savedMode = new int[n];
        this.bestStart = new int[n];
        this.bestMode = new int[n];
        this.bestOrder = new int[schedule.componentCount()][];
        this.isBlockTask = new boolean[n];
        for (int b = 0; b < problem.blockCount(); b++) {
            isBlockTask[problem.blockTask(b)] = true;
        }
        this.cumulativeSize = new int[schedule.componentCount()];
        this.sitesShareComponent = new boolean[schedule.componentCount()];
        int total = 0;
        for (int c = 0; c < schedule.componentCount(); c++) {
            int[] tasks = schedule.components[c];
            total += tasks.length;
            cumulativeSize[c] = total;
            for (int task : tasks) {
                sitesShareComponent[c] |= problem.taskSite(task) != problem.taskSite(tasks[0]);
            }
        }
    }

    /**
     * Builds the first schedule from priority rules, keeping the best of them per component.
     */
    public Objective construct() {
        long[][] rules = {
                PriorityLists.latestStarts(problem, true),
                PriorityLists.latestStarts(problem, false)};
        int componentCount = schedule.componentCount();
        int[][] bestListOfComponent = new int[componentCount][];
        long[][] bestScoreOfComponent = new long[componentCount][];
        for (long[] rule : rules) {
            for (int c = 0; c < componentCount; c++) {
                int[] list = PriorityLists.topologicalOrder(problem, schedule.components[c], rule);
                schedule.setOrder(c, list);
                schedule.unplace(c);
                schedule.decode(c);
                long[] score = {schedule.componentHard[c], schedule.componentMedium[c], schedule.componentMakespan[c]};
                if (bestListOfComponent[c] == null || java.util.Arrays.compare(score, bestScoreOfComponent[c]) < 0) {
                    bestListOfComponent[c] = list;
                    bestScoreOfComponent[c] = score;
                }
            }
        }
        for (int c = 0; c < componentCount; c++) {
            schedule.setOrder(c, bestListOfComponent[c]);
        }
        schedule.decodeAll();
        return startSearch();
    }

    /**
     * Repairs a known schedule after a change: the list follows the known starts, modes are kept, and the serial
     * scheme re-decodes it into a feasible schedule at once.
     */
    public Objective warmStart(int[] knownStart, int[] knownMode) {
        long[] priority = new long[problem.taskCount()];
        for (int t = 0; t < priority.length; t++) {
            priority[t] = knownStart[t] < 0 ? Integer.MAX_VALUE : knownStart[t];
            if (!problem.pinned(t) && knownMode[t] >= 0 && knownMode[t] < problem.modeCount(t)) {
                schedule.mode[t] = knownMode[t];
            }
        }
        for (int c = 0; c < schedule.componentCount(); c++) {
            schedule.setOrder(c, PriorityLists.topologicalOrder(problem, schedule.components[c], priority));
        }
        schedule.decodeAll();
        return startSearch();
    }

    private Objective startSearch() {
        current = schedule.objective();
        java.util.Arrays.fill(history, current);
        recordBest();
        return best;
    }

    /**
     * Runs moves until {@code stop} says so, or {@code maxMillis} pass, or a better schedule was found and at least
     * {@code minMillis} passed.
     *
     * @return true if a better schedule was found
     */
    public boolean improve(BooleanSupplier stop, long minMillis, long maxMillis) {
        long begin = System.nanoTime();
        long earliestReturn = begin + minMillis * 1_000_000L;
        long deadline = begin + maxMillis * 1_000_000L;
        boolean improved = false;
        while (true) {
            for (int batch = 0; batch < 16; batch++) {
                improved |= step();
            }
            long now = System.nanoTime();
            if (stop.getAsBoolean() || now > deadline || (improved && now > earliestReturn)) {
                return improved;
            }
        }
    }

    /** @return true if the step found a new best schedule */
    private boolean step() {
        iterations++;
        int component = randomComponent();
        if (iterations % FORWARD_BACKWARD_EVERY == 0) {
            return forwardBackward(component);
        }
        int[] tasks = schedule.components[component];
        for (int t : tasks) {
            savedStart[t] = schedule.start[t];
            savedMode[t] = schedule.mode[t];
        }
        long oldHard = schedule.componentHard[component];
        long oldMedium = schedule.componentMedium[component];
        int oldMakespan = schedule.componentMakespan[component];

        // The usage must go with the modes it was placed with, before a move changes one.
        schedule.unplace(component);
        Move move = randomMove(component);
        if (move == null) {
            schedule.restore(component, savedStart, savedMode, oldHard, oldMedium, oldMakespan);
            return false;
        }
        schedule.decode(component);
        Objective candidate = schedule.objective();
        int slot = (int) (iterations % LATE_ACCEPTANCE_LENGTH);
        if (!candidate.betterThan(current) && candidate.compareTo(current) != 0
                && !candidate.betterThan(history[slot])) {
            schedule.unplace(component);
            move.undo();
            schedule.restore(component, savedStart, savedMode, oldHard, oldMedium, oldMakespan);
            history[slot] = current;
            return false;
        }
        current = candidate;
        history[slot] = current;
        if (current.betterThan(best)) {
            recordBest();
            return true;
        }
        return false;
    }

    /**
     * Right-justifies the component and decodes the list that results; keeps it unless it is worse.
     *
     * @return true if it found a new best schedule
     */
    private boolean forwardBackward(int component) {
        if (backwardPass == null) {
            backwardPass = new BackwardPass(problem);
        }
        int[] tasks = schedule.components[component];
        for (int t : tasks) {
            savedStart[t] = schedule.start[t];
            savedMode[t] = schedule.mode[t];
        }
        int[] savedOrder = schedule.order[component].clone();
        long oldHard = schedule.componentHard[component];
        long oldMedium = schedule.componentMedium[component];
        int oldMakespan = schedule.componentMakespan[component];

        long[] priority = backwardPass.latestStarts(schedule, component, isBlockTask);
        schedule.setOrder(component, PriorityLists.topologicalOrder(problem, tasks, priority));
        schedule.unplace(component);
        schedule.decode(component);
        Objective candidate = schedule.objective();
        if (candidate.compareTo(current) > 0) {
            schedule.unplace(component);
            schedule.setOrder(component, savedOrder);
            schedule.restore(component, savedStart, savedMode, oldHard, oldMedium, oldMakespan);
            return false;
        }
        current = candidate;
        if (current.betterThan(best)) {
            recordBest();
            return true;
        }
        return false;
    }

    private int randomComponent() {
        int pick = random.nextInt(problem.taskCount());
        int low = 0;
        int high = cumulativeSize.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulativeSize[middle] > pick) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private Move randomMove(int component) {
        int kind = random.nextInt(100);
        if (kind >= 90 && sitesShareComponent[component]) {
            Move move = siteRegroup(component);
            if (move != null) {
                return move;
            }
        }
        if (kind < 45) {
            Move move = drivingPathMove(component, kind < 10);
            if (move != null) {
                return move;
            }
        }
        int[] list = schedule.order[component];
        for (int attempt = 0; attempt < 8; attempt++) {
            int task = list[random.nextInt(list.length)];
            if (problem.pinned(task)) {
                continue;
            }
            if (problem.modeCount(task) > 1 && random.nextInt(4) == 0) {
                int newMode = random.nextInt(problem.modeCount(task) - 1);
                return changeMode(task, newMode >= schedule.mode[task] ? newMode + 1 : newMode);
            }
            Move move = shiftWithinWindow(component, task, false);
            if (move != null) {
                return move;
            }
        }
        return null;
    }

    /**
     * Works on what sets a valuable block's date: walks back from a block (picked in proportion to its value per day)
     * along the predecessors that bind, and takes a task that waited for a crew. It either moves that task ahead in
     * the list, so it gets the crew sooner, or switches it to another mode.
     */
    private Move drivingPathMove(int component, boolean changeMode) {
        int block = schedule.randomBlock(component, random);
        if (block < 0) {
            return null;
        }
        int waiting = -1;
        int seen = 0;
        int t = problem.blockTask(block);
        for (int steps = 0; t >= 0 && steps < 10_000; steps++) {
            if (!problem.pinned(t) && schedule.start[t] > schedule.earliestStart(t, schedule.mode[t])
                    && random.nextInt(++seen) == 0) {
                waiting = t;
            }
            t = schedule.bindingPredecessor(t);
        }
        if (waiting < 0) {
            return null;
        }
        if (changeMode && problem.modeCount(waiting) > 1) {
            int newMode = random.nextInt(problem.modeCount(waiting) - 1);
            return changeMode(waiting, newMode >= schedule.mode[waiting] ? newMode + 1 : newMode);
        }
        return shiftWithinWindow(component, waiting, true);
    }

    /**
     * Changes which site goes first where sites compete for crews: within a random stretch of the list, one site's
     * tasks move ahead of (or behind) the others', each group keeping its own order. Single-task shifts rarely
     * reorder whole projects, yet the order of projects is what shapes a multi-project schedule.
     */
    private Move siteRegroup(int component) {
        int[] list = schedule.order[component];
        int n = list.length;
        int site = problem.taskSite(list[random.nextInt(n)]);
        int length = 2 + random.nextInt(n - 1);
        int from = random.nextInt(n - length + 1);
        int[] saved = java.util.Arrays.copyOfRange(list, from, from + length);
        boolean ahead = random.nextBoolean();
        int next = from;
        for (int group = 0; group < 2; group++) {
            boolean takeSite = (group == 0) == ahead;
            for (int task : saved) {
                if ((problem.taskSite(task) == site) == takeSite) {
                    list[next++] = task;
                }
            }
        }
        for (int i = from; i < from + length; i++) {
            schedule.position[list[i]] = i;
        }
        Move undo = () -> {
            System.arraycopy(saved, 0, list, from, length);
            for (int i = from; i < from + length; i++) {
                schedule.position[list[i]] = i;
            }
        };
        boolean changed = false;
        for (int i = from; i < from + length; i++) {
            changed |= list[i] != saved[i - from];
            for (int predecessor : problem.predecessors(list[i])) {
                if (schedule.position[predecessor] > i) {
                    // A dependency across sites would be broken: not a valid list.
                    undo.undo();
                    return null;
                }
            }
        }
        if (!changed) {
            undo.undo();
            return null;
        }
        return undo;
    }

    private Move changeMode(int task, int newMode) {
        int oldMode = schedule.mode[task];
        schedule.mode[task] = newMode;
        return () -> schedule.mode[task] = oldMode;
    }

    /** Moves the task to a random position within its precedence window; only ahead of where it is if asked. */
    private Move shiftWithinWindow(int component, int task, boolean aheadOnly) {
        int[] list = schedule.order[component];
        int from = schedule.position[task];
        int lowest = 0;
        for (int predecessor : problem.predecessors(task)) {
            lowest = Math.max(lowest, schedule.position[predecessor] + 1);
        }
        int highest = list.length - 1;
        if (aheadOnly) {
            highest = from;
        } else {
            for (int successor : problem.successors(task)) {
                highest = Math.min(highest, schedule.position[successor] - 1);
            }
        }
        if (highest <= lowest) {
            return null;
        }
        int to = lowest + random.nextInt(highest - lowest);
        if (to >= from) {
            to++;
        }
        shift(list, from, to);
        int target = to;
        return () -> shift(list, target, from);
    }

    private void shift(int[] list, int from, int to) {
        int task = list[from];
        if (from < to) {
            System.arraycopy(list, from + 1, list, from, to - from);
        } else {
            System.arraycopy(list, to, list, to + 1, from - to);
        }
        list[to] = task;
        for (int i = Math.min(from, to); i <= Math.max(from, to); i++) {
            schedule.position[list[i]] = i;
        }
    }

    private void recordBest() {
        best = current;
        System.arraycopy(schedule.start, 0, bestStart, 0, bestStart.length);
        System.arraycopy(schedule.mode, 0, bestMode, 0, bestMode.length);
        for (int c = 0; c < bestOrder.length; c++) {
            bestOrder[c] = schedule.order[c].clone();
        }
    }

    public Objective bestObjective() {
        return best;
    }

    public int[] bestStarts() {
        return bestStart.clone();
    }

    public int[] bestModes() {
        return bestMode.clone();
    }

    public long iterations() {
        return iterations;
    }

    public int componentCount() {
        return schedule.componentCount();
    }

    @FunctionalInterface
    private interface Move {
        void undo();
    }
}
