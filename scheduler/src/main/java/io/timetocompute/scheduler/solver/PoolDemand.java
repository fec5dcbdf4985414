package io.timetocompute.scheduler.solver;

import java.time.LocalDate;
import java.util.Arrays;

import io.timetocompute.scheduler.problem.SchedulingProblem;
import io.timetocompute.scheduler.problem.WorkCalendar;

/**
 * What one task, in its current start and mode, asks of one pool: a headcount on each of its work days. Immutable,
 * so that the score engine takes back exactly what it added when the task moves.
 */
public record PoolDemand(Pool pool, WorkCalendar calendar, int firstWorkDay, int duration, int headcount) {

    /** The {@code k}-th work day of the demand, from 0. */
    int day(int k) {
        return calendar.workDayAt(firstWorkDay + k);
    }

    /**
     * A pool and its headcount by day: the key demands are summed by. Equal by pool and headcounts, not by problem:
     * after a change recompiles the problem, a live solver re-evaluates only the tasks whose facts changed, and when
     * a pool's headcount changed that includes every task that may use the pool, so its demands move together to a
     * key with the new headcounts while the other pools' keys stay as they are.
     */
    public static final class Pool {

        private final SchedulingProblem problem;
        private final int index;
        private final int[] capacity;

        Pool(SchedulingProblem problem, int index) {
            this.problem = problem;
            this.index = index;
            this.capacity = problem.capacityProfile(index);
        }

        public String id() { return problem.poolId(index); }
        public int capacity(int day) { return day < capacity.length ? capacity[day] : 0; }
        public LocalDate date(int day) { return problem.date(day); }
        int days() { return problem.horizon() + 1; }

        @Override
        public boolean equals(Object other) {
            // Within one problem every demand shares the same profile, so the comparison rarely goes past identity.
            return other instanceof Pool that && index == that.index
                    && (capacity == that.capacity || Arrays.equals(capacity, that.capacity));
        }

        @Override
        public int hashCode() {
            return index;
        }

        @Override
        public String toString() {
            return id();
        }
    }
}
