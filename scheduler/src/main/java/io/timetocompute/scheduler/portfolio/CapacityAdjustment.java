package io.timetocompute.scheduler.portfolio;

import java.time.LocalDate;

/**
 * A change of a pool's headcount from {@code from} up to and including {@code to} (null: open-ended).
 * Exactly one of {@code headcount} (absolute) and {@code delta} (relative) is set.
 */
public record CapacityAdjustment(LocalDate from, LocalDate to, Integer headcount, Integer delta, String reason) {

    public static CapacityAdjustment absolute(LocalDate from, LocalDate to, int headcount, String reason) {
        return new CapacityAdjustment(from, to, headcount, null, reason);
    }

    public static CapacityAdjustment delta(LocalDate from, LocalDate to, int delta, String reason) {
        return new CapacityAdjustment(from, to, null, delta, reason);
    }
}
