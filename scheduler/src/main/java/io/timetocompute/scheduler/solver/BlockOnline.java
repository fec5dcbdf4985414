package io.timetocompute.scheduler.solver;

/** A compute block and the task whose finish brings it online. */
public record BlockOnline(int block, String blockId, String siteId, int task, long valuePerDay, int contractDay,
        long penaltyPerDayLate) {
}
