package io.timetocompute.scheduler.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * Two schedules side by side ({@code left}, {@code right}); every delta is right minus left, so a positive day delta
 * is later and a positive money delta costs more.
 *
 * @param referenceDate the day compute-online value is counted from (the earlier data date), the same for both
 */
public record ScheduleComparison(String left, String right, LocalDate referenceDate, Money leftMoney,
        Money rightMoney, Money moneyDelta, List<BlockComparison> blocks, List<PoolComparison> pools) {

    /**
     * Money of a whole schedule.
     *
     * @param computeDelay value of compute days not online: each block's value per day times the days from the
     *        reference date until it is online
     * @param contractPenalties each block's penalty per day times its days after its contract date
     * @param modeCosts the cost of every task's chosen mode (overtime premiums, extra crews)
     * @param leverCosts what the levers taken cost (hires, expediting)
     */
    public record Money(long computeDelay, long contractPenalties, long modeCosts, long leverCosts) {

        public long total() {
            return computeDelay + contractPenalties + modeCosts + leverCosts;
        }

        Money minus(Money other) {
            return new Money(computeDelay - other.computeDelay, contractPenalties - other.contractPenalties,
                    modeCosts - other.modeCosts, leverCosts - other.leverCosts);
        }
    }

    /**
     * @param deltaDays right minus left; null when one side does not schedule the block
     * @param leftDelayCost value of compute days lost until the left date (from the reference date)
     */
    public record BlockComparison(String siteId, String blockId, String blockName, double itMw,
            LocalDate leftOnline, LocalDate rightOnline, Long deltaDays, long leftDelayCost, long rightDelayCost,
            long leftPenalty, long rightPenalty, long moneyDelta, DrivingPathChange drivingPath) {
    }

    /**
     * What sets the block's date on each side, as steps {@code KIND id} from the block back to its root cause.
     *
     * @param added steps on the right's path that the left's has not; {@code removed} the other way round
     */
    public record DrivingPathChange(boolean changed, List<String> left, List<String> right, List<String> added,
            List<String> removed, String leftDrivenBy, String rightDrivenBy) {
    }

    /**
     * @param personDays crew-days the schedule asks of the pool
     * @param differences the periods where load or capacity differ
     */
    public record PoolComparison(String poolId, String trade, long leftPersonDays, long rightPersonDays,
            long deltaPersonDays, int leftPeak, int rightPeak, int leftOverloadedDays, int rightOverloadedDays,
            List<LoadDifference> differences) {
    }

    /** Days {@code from}..{@code to} (inclusive) with the same loads and capacities on both sides. */
    public record LoadDifference(LocalDate from, LocalDate to, int leftLoad, int rightLoad, int leftCapacity,
            int rightCapacity) {
    }
}
