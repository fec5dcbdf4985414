package io.timetocompute.scheduler.portfolio;

import java.time.LocalDate;

/**
 * A data hall or phase: IT load that comes online when the task that brings it online finishes.
 *
 * @param valuePerDay money per calendar day of being online (revenue, or the cost of idle power)
 * @param contractDate the client's contracted online date (null: none)
 * @param penaltyPerDayLate money per calendar day online after the contract date
 */
public record ComputeBlock(String id, String name, double itMw, long valuePerDay, LocalDate contractDate,
        long penaltyPerDayLate) {
}
