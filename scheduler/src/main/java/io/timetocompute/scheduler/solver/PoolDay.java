package io.timetocompute.scheduler.solver;

import java.time.LocalDate;
import java.util.Objects;

import io.timetocompute.scheduler.problem.SchedulingProblem;

/**
 * One pool on one day: the key that crew demands are summed by. Equal by pool, day and problem: after a change
 * recompiles the problem (a pool's headcount may have changed), demands group under new keys that read the new
 * capacity.
 */
public final class PoolDay {

    private final SchedulingProblem problem;
    private final int pool;
    private final int day;

    PoolDay(SchedulingProblem problem, int pool, int day) {
        this.problem = problem;
        this.pool = pool;
        this.day = day;
    }

    public int pool() { return pool; }
    public int day() { return day; }
    public String poolId() { return problem.poolId(pool); }
    public int capacity() { return problem.capacity(pool, day); }
    public LocalDate date() { return problem.date(day); }

    @Override
    public boolean equals(Object other) {
        return other instanceof PoolDay that && pool == that.pool && day == that.day && problem == that.problem;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pool, day, System.identityHashCode(problem));
    }

    @Override
    public String toString() {
        return poolId() + "@" + date();
    }

    /**
     * The headcount one task needs from a pool on a day. Equal only when the headcount is equal too: the score
     * engine keeps an unchanged demand when a task is re-evaluated, and a changed mode must not look unchanged.
     */
    public record CrewDemand(PoolDay poolDay, int headcount) {
    }
}
