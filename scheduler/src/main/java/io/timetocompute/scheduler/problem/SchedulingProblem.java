package io.timetocompute.scheduler.problem;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Map;

import io.timetocompute.scheduler.portfolio.Portfolio;

/**
 * A portfolio compiled into arrays indexed by task, mode, pool, block and day (day 0 is the data date), shared
 * read-only by the schedule generation scheme, the Timefold constraints and the projections. Built by
 * {@link ProblemCompiler}; the arrays must not be modified after construction.
 */
public final class SchedulingProblem {

    public static final int NONE = -1;
    /** contract day of a block without a contract: it is never late */
    public static final int NO_CONTRACT = Integer.MAX_VALUE;
    public static final int FINISH_TO_START = 0;
    public static final int START_TO_START = 1;
    public static final int FINISH_TO_FINISH = 2;
    public static final int START_TO_FINISH = 3;

    final Portfolio portfolio;
    final LocalDate dataDate;
    final int horizon;
    final int freezeWindowDays;
    final long disruptionCostPerDay;

    final String[] taskIds;
    final Map<String, Integer> taskIndex;
    final int[] taskSite;
    final WorkCalendar[] taskCalendar;
    /** [task][mode] */
    final int[][] duration;
    final long[][] modeCost;
    /** [task][mode][k]: the k-th pool the mode needs, and how many */
    final int[][][] demandPool;
    final int[][][] demandHeadcount;
    /** [task][mode][k]: the k-th budget the mode consumes, and how much */
    final int[][][] budgetUsed;
    final int[][][] budgetAmount;

    /** [task][k]: the k-th predecessor, the dependency type and the lag in work days */
    final int[][] predecessors;
    final int[][] predecessorType;
    final int[][] predecessorLag;
    /** [task][k]: the k-th successor (the reverse of predecessors, same order of k is not implied) */
    final int[][] successors;

    /** earliest start allowed by the site opening; day 0 when none */
    final int[] siteRelease;
    /** [task][k]: shipments the task needs and the first day work may start after each is received */
    final int[][] materials;
    final int[][] materialReadyDay;
    /** power-available day for energization tasks, NONE for the others */
    final int[] powerDay;

    final boolean[] pinned;
    final int[] pinnedStart;
    final int[] pinnedMode;
    /** remaining duration of pinned work, overriding the mode's duration */
    final int[] pinnedDuration;

    /** previously published start and mode, NONE when unknown */
    final int[] previousStart;
    final int[] previousMode;

    final String[] poolIds;
    /** [pool][day] headcount; zero outside the pool's calendar */
    final int[][] capacity;

    final String[] budgetIds;
    final long[] budgetCapacity;

    final String[] blockIds;
    final int[] blockSite;
    final int[] blockTask;
    final long[] blockValuePerDay;
    final int[] blockContractDay;
    final long[] blockPenaltyPerDay;
    final double[] blockMw;

    final String[] siteIds;
    final String[] shipmentIds;
    final int[] shipmentArrivalDay;

    SchedulingProblem(ProblemCompiler c) {
        this.portfolio = c.portfolio;
        this.dataDate = c.dataDate;
        this.horizon = c.horizon;
        this.freezeWindowDays = c.freezeWindowDays;
        this.disruptionCostPerDay = c.disruptionCostPerDay;
        this.taskIds = c.taskIds;
        this.taskIndex = c.taskIndex;
        this.taskSite = c.taskSite;
        this.taskCalendar = c.taskCalendar;
        this.duration = c.duration;
        this.modeCost = c.modeCost;
        this.demandPool = c.demandPool;
        this.demandHeadcount = c.demandHeadcount;
        this.budgetUsed = c.budgetUsed;
        this.budgetAmount = c.budgetAmount;
        this.predecessors = c.predecessors;
        this.predecessorType = c.predecessorType;
        this.predecessorLag = c.predecessorLag;
        this.successors = c.successors;
        this.siteRelease = c.siteRelease;
        this.materials = c.materials;
        this.materialReadyDay = c.materialReadyDay;
        this.powerDay = c.powerDay;
        this.pinned = c.pinned;
        this.pinnedStart = c.pinnedStart;
        this.pinnedMode = c.pinnedMode;
        this.pinnedDuration = c.pinnedDuration;
        this.previousStart = c.previousStart;
        this.previousMode = c.previousMode;
        this.poolIds = c.poolIds;
        this.capacity = c.capacity;
        this.budgetIds = c.budgetIds;
        this.budgetCapacity = c.budgetCapacity;
        this.blockIds = c.blockIds;
        this.blockSite = c.blockSite;
        this.blockTask = c.blockTask;
        this.blockValuePerDay = c.blockValuePerDay;
        this.blockContractDay = c.blockContractDay;
        this.blockPenaltyPerDay = c.blockPenaltyPerDay;
        this.blockMw = c.blockMw;
        this.siteIds = c.siteIds;
        this.shipmentIds = c.shipmentIds;
        this.shipmentArrivalDay = c.shipmentArrivalDay;
    }

    /** A copy with other durations, material-ready days, power days and capacities (one Monte Carlo sample). */
    private SchedulingProblem(SchedulingProblem base, int horizon, int[][] duration, int[] pinnedDuration,
            int[][] materialReadyDay, int[] powerDay, int[][] capacity) {
        this.portfolio = base.portfolio;
        this.dataDate = base.dataDate;
        this.horizon = horizon;
        this.freezeWindowDays = base.freezeWindowDays;
        this.disruptionCostPerDay = base.disruptionCostPerDay;
        this.taskIds = base.taskIds;
        this.taskIndex = base.taskIndex;
        this.taskSite = base.taskSite;
        this.taskCalendar = base.taskCalendar;
        this.duration = duration;
        this.modeCost = base.modeCost;
        this.demandPool = base.demandPool;
        this.demandHeadcount = base.demandHeadcount;
        this.budgetUsed = base.budgetUsed;
        this.budgetAmount = base.budgetAmount;
        this.predecessors = base.predecessors;
        this.predecessorType = base.predecessorType;
        this.predecessorLag = base.predecessorLag;
        this.successors = base.successors;
        this.siteRelease = base.siteRelease;
        this.materials = base.materials;
        this.materialReadyDay = materialReadyDay;
        this.powerDay = powerDay;
        this.pinned = base.pinned;
        this.pinnedStart = base.pinnedStart;
        this.pinnedMode = base.pinnedMode;
        this.pinnedDuration = pinnedDuration;
        this.previousStart = base.previousStart;
        this.previousMode = base.previousMode;
        this.poolIds = base.poolIds;
        this.capacity = capacity;
        this.budgetIds = base.budgetIds;
        this.budgetCapacity = base.budgetCapacity;
        this.blockIds = base.blockIds;
        this.blockSite = base.blockSite;
        this.blockTask = base.blockTask;
        this.blockValuePerDay = base.blockValuePerDay;
        this.blockContractDay = base.blockContractDay;
        this.blockPenaltyPerDay = base.blockPenaltyPerDay;
        this.blockMw = base.blockMw;
        this.siteIds = base.siteIds;
        this.shipmentIds = base.shipmentIds;
        this.shipmentArrivalDay = base.shipmentArrivalDay;
    }

    /**
     * @param horizon at most this problem's: work that cannot finish before it counts as unplaceable (a shorter
     *        horizon keeps the day-indexed arrays of many samples small)
     * @return the same problem with the uncertain facts replaced (schedule risk samples); the arrays are taken as
     *         they are, same shapes as this problem's (capacity profiles at least {@code horizon} long), and must not
     *         be modified afterwards
     */
    public SchedulingProblem withUncertainFacts(int horizon, int[][] duration, int[] pinnedDuration,
            int[][] materialReadyDay, int[] powerDay, int[][] capacity) {
        if (horizon < 1 || horizon > this.horizon) {
            throw new IllegalArgumentException("horizon " + horizon + " is not in [1, " + this.horizon + "]");
        }
        return new SchedulingProblem(this, horizon, duration, pinnedDuration, materialReadyDay, powerDay, capacity);
    }

    /** @return remaining work days of pinned work (0 for finished work) */
    public int pinnedDuration(int task) { return pinnedDuration[task]; }

    public Portfolio portfolio() { return portfolio; }
    public LocalDate dataDate() { return dataDate; }
    public int horizon() { return horizon; }
    public int freezeWindowDays() { return freezeWindowDays; }
    public long disruptionCostPerDay() { return disruptionCostPerDay; }

    public int taskCount() { return taskIds.length; }
    public String taskId(int task) { return taskIds[task]; }
    public int taskIndex(String id) {
        Integer index = taskIndex.get(id);
        return index == null ? NONE : index;
    }
    public int taskSite(int task) { return taskSite[task]; }
    public WorkCalendar calendar(int task) { return taskCalendar[task]; }
    public int modeCount(int task) { return duration[task].length; }

    /** @return work days of the task in this mode, or the remaining work days of pinned work */
    public int duration(int task, int mode) {
        return pinned[task] ? pinnedDuration[task] : duration[task][mode];
    }
    public long modeCost(int task, int mode) { return modeCost[task][mode]; }
    public int[] demandPools(int task, int mode) { return demandPool[task][mode]; }
    public int[] demandHeadcounts(int task, int mode) { return demandHeadcount[task][mode]; }
    public int[] budgetsUsed(int task, int mode) { return budgetUsed[task][mode]; }
    public int[] budgetAmounts(int task, int mode) { return budgetAmount[task][mode]; }

    public int[] predecessors(int task) { return predecessors[task]; }
    public int[] predecessorTypes(int task) { return predecessorType[task]; }
    public int[] predecessorLags(int task) { return predecessorLag[task]; }
    public int[] successors(int task) { return successors[task]; }

    public int siteRelease(int task) { return siteRelease[task]; }
    public int[] materials(int task) { return materials[task]; }
    public int[] materialReadyDays(int task) { return materialReadyDay[task]; }
    public int powerDay(int task) { return powerDay[task]; }

    public boolean pinned(int task) { return pinned[task]; }
    public int pinnedStart(int task) { return pinnedStart[task]; }
    public int pinnedMode(int task) { return pinnedMode[task]; }

    public int previousStart(int task) { return previousStart[task]; }
    public int previousMode(int task) { return previousMode[task]; }

    public int poolCount() { return poolIds.length; }
    public String poolId(int pool) { return poolIds[pool]; }
    public int capacity(int pool, int day) {
        int[] profile = capacity[pool];
        return day >= 0 && day < profile.length ? profile[day] : 0;
    }
    public int[] capacityProfile(int pool) { return capacity[pool]; }

    public int budgetCount() { return budgetIds.length; }
    public String budgetId(int budget) { return budgetIds[budget]; }
    public long budgetCapacity(int budget) { return budgetCapacity[budget]; }

    public int blockCount() { return blockIds.length; }
    public String blockId(int block) { return blockIds[block]; }
    public int blockSite(int block) { return blockSite[block]; }
    public int blockTask(int block) { return blockTask[block]; }
    public long blockValuePerDay(int block) { return blockValuePerDay[block]; }
    /** @return the contract day, or NO_CONTRACT */
    public int blockContractDay(int block) { return blockContractDay[block]; }
    public long blockPenaltyPerDay(int block) { return blockPenaltyPerDay[block]; }
    public double blockMw(int block) { return blockMw[block]; }

    public int siteCount() { return siteIds.length; }
    public String siteId(int site) { return siteIds[site]; }
    public int shipmentCount() { return shipmentIds.length; }
    public String shipmentId(int shipment) { return shipmentIds[shipment]; }
    public int shipmentArrivalDay(int shipment) { return shipmentArrivalDay[shipment]; }

    public LocalDate date(int day) { return dataDate.plusDays(day); }
    public int day(LocalDate date) { return (int) (date.toEpochDay() - dataDate.toEpochDay()); }

    /**
     * The tasks whose facts differ from {@code before}: everything a task's constraints read about it (modes,
     * demands, dependencies, releases, progress, its calendar and the capacity of the pools and budgets its modes
     * use). A task not in the set scores the same in both problems, so a live solver need not re-evaluate it.
     *
     * @return the indices of the differing tasks; every task when the problems differ in shape or in a fact that all
     *         tasks share
     */
    public BitSet tasksDifferingFrom(SchedulingProblem before) {
        BitSet differing = new BitSet(taskCount());
        if (!dataDate.equals(before.dataDate) || horizon != before.horizon
                || freezeWindowDays != before.freezeWindowDays || disruptionCostPerDay != before.disruptionCostPerDay
                || !Arrays.equals(taskIds, before.taskIds) || !Arrays.equals(poolIds, before.poolIds)
                || !Arrays.equals(budgetIds, before.budgetIds) || !Arrays.equals(siteIds, before.siteIds)
                || !Arrays.equals(shipmentIds, before.shipmentIds)) {
            differing.set(0, taskCount());
            return differing;
        }
        boolean[] poolDiffers = new boolean[poolIds.length];
        for (int pool = 0; pool < poolIds.length; pool++) {
            poolDiffers[pool] = !Arrays.equals(capacity[pool], before.capacity[pool]);
        }
        boolean[] budgetDiffers = new boolean[budgetIds.length];
        for (int budget = 0; budget < budgetIds.length; budget++) {
            budgetDiffers[budget] = budgetCapacity[budget] != before.budgetCapacity[budget];
        }
        Map<WorkCalendar, Map<WorkCalendar, Boolean>> sameCalendar = new IdentityHashMap<>();
        for (int t = 0; t < taskCount(); t++) {
            WorkCalendar calendar = taskCalendar[t];
            WorkCalendar previous = before.taskCalendar[t];
            boolean calendarDiffers = calendar != previous && !sameCalendar
                    .computeIfAbsent(calendar, key -> new IdentityHashMap<>())
                    .computeIfAbsent(previous, calendar::sameDays);
            if (calendarDiffers || taskFactsDiffer(before, t) || usesAny(demandPool[t], poolDiffers)
                    || usesAny(budgetUsed[t], budgetDiffers)) {
                differing.set(t);
            }
        }
        return differing;
    }

    private boolean taskFactsDiffer(SchedulingProblem before, int t) {
        return taskSite[t] != before.taskSite[t] || siteRelease[t] != before.siteRelease[t]
                || powerDay[t] != before.powerDay[t] || pinned[t] != before.pinned[t]
                || pinnedStart[t] != before.pinnedStart[t] || pinnedMode[t] != before.pinnedMode[t]
                || pinnedDuration[t] != before.pinnedDuration[t] || previousStart[t] != before.previousStart[t]
                || previousMode[t] != before.previousMode[t]
                || !Arrays.equals(duration[t], before.duration[t]) || !Arrays.equals(modeCost[t], before.modeCost[t])
                || !Arrays.deepEquals(demandPool[t], before.demandPool[t])
                || !Arrays.deepEquals(demandHeadcount[t], before.demandHeadcount[t])
                || !Arrays.deepEquals(budgetUsed[t], before.budgetUsed[t])
                || !Arrays.deepEquals(budgetAmount[t], before.budgetAmount[t])
                || !Arrays.equals(predecessors[t], before.predecessors[t])
                || !Arrays.equals(predecessorType[t], before.predecessorType[t])
                || !Arrays.equals(predecessorLag[t], before.predecessorLag[t])
                || !Arrays.equals(materials[t], before.materials[t])
                || !Arrays.equals(materialReadyDay[t], before.materialReadyDay[t]);
    }

    private static boolean usesAny(int[][] usedByMode, boolean[] differs) {
        for (int[] used : usedByMode) {
            for (int index : used) {
                if (differs[index]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return the earliest start allowed by site opening, materials and power, ignoring predecessors and crews */
    public int releaseDay(int task, int mode) {
        WorkCalendar calendar = taskCalendar[task];
        int release = siteRelease[task];
        for (int ready : materialReadyDay[task]) {
            release = Math.max(release, ready);
        }
        release = calendar.onOrAfter(release);
        if (powerDay[task] != NONE) {
            release = Math.max(release, calendar.earliestStartToFinishOnOrAfter(powerDay[task], duration(task, mode)));
        }
        return release;
    }

    /** @return what a block costs when it comes online on {@code onlineDay}: value per day, plus contract penalties */
    public long blockMoney(int block, int onlineDay) {
        long money = blockValuePerDay[block] * onlineDay;
        int contract = blockContractDay[block];
        if (onlineDay > contract) {
            money += blockPenaltyPerDay[block] * (long) (onlineDay - contract);
        }
        return money;
    }

    /**
     * @return days a task starting on {@code start} moved from its published start, when that start lies in the
     *         freeze window (0 otherwise, and always 0 for pinned work)
     */
    public int freezeWindowDaysMoved(int task, int start) {
        int previous = previousStart[task];
        if (pinned[task] || previous < 0 || previous >= freezeWindowDays || start == previous) {
            return 0;
        }
        return Math.abs(start - previous);
    }

    /** @return the day after the task's last work day when it starts on {@code start} in {@code mode} */
    public int end(int task, int mode, int start) {
        return taskCalendar[task].end(start, duration(task, mode));
    }

    /** @return true when the dependency type constrains the predecessor's start (SS, SF), false for its finish */
    public static boolean fromPredecessorStart(int type) {
        return type == START_TO_START || type == START_TO_FINISH;
    }

    /** @return true when the dependency type constrains the successor's finish (FF, SF), false for its start */
    public static boolean toSuccessorFinish(int type) {
        return type == FINISH_TO_FINISH || type == START_TO_FINISH;
    }

    /**
     * @return the earliest start of {@code task} in {@code mode} that the k-th predecessor allows, given that
     *         predecessor's start and end. All four types count in work days of the successor's calendar: the
     *         successor's start (FS, SS) or finish (FF, SF) is at least {@code lag} work days (negative: a lead)
     *         after the predecessor's finish (FS, FF) or start (SS, SF).
     */
    public int earliestStartAfterPredecessor(int task, int mode, int k, int predecessorStart, int predecessorEnd) {
        WorkCalendar calendar = taskCalendar[task];
        int type = predecessorType[task][k];
        int anchor = fromPredecessorStart(type) ? predecessorStart : predecessorEnd;
        // Work days before the successor's start (or before the day after its finish) must be at least this many.
        int required = calendar.workDaysBefore(anchor) + predecessorLag[task][k];
        if (toSuccessorFinish(type)) {
            required -= duration(task, mode);
        }
        return calendar.workDayAt(Math.max(0, required));
    }

    /**
     * @return the latest end of predecessor {@code task} in {@code mode} that lets its successor {@code successor}
     *         (whose k-th predecessor it is) start on {@code successorStart} in {@code successorMode}; the inverse of
     *         {@link #earliestStartAfterPredecessor}
     */
    public int latestEndBeforeSuccessor(int task, int mode, int successor, int successorMode, int k,
            int successorStart) {
        WorkCalendar calendar = taskCalendar[successor];
        int type = predecessorType[successor][k];
        int allowed = calendar.workDaysBefore(successorStart) - predecessorLag[successor][k];
        if (toSuccessorFinish(type)) {
            allowed += duration(successor, successorMode);
        }
        int anchor = calendar.workDayAt(allowed);
        return fromPredecessorStart(type) ? end(task, mode, Math.max(0, anchor)) : anchor;
    }
}
