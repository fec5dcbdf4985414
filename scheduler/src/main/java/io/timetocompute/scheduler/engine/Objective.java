package io.timetocompute.scheduler.engine;

/**
 * The three score levels the engine optimizes, in the same units as the Timefold score: hard violations, then
 * money (value of compute online later, contract penalties, mode costs, freeze-window disruption), then the
 * portfolio's last finish day as a tie-breaker.
 */
public record Objective(long hard, long medium, long soft) implements Comparable<Objective> {

    /** @return negative when this objective is better (lower) than the other */
    @Override
    public int compareTo(Objective other) {
        if (hard != other.hard) {
            return Long.compare(hard, other.hard);
        }
        if (medium != other.medium) {
            return Long.compare(medium, other.medium);
        }
        return Long.compare(soft, other.soft);
    }

    public boolean betterThan(Objective other) {
        return compareTo(other) < 0;
    }

    public boolean feasible() {
        return hard == 0;
    }

    @Override
    public String toString() {
        return hard + "hard/" + medium + "medium/" + soft + "soft";
    }
}
