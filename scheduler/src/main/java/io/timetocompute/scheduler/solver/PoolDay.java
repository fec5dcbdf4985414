package io.timetocompute.scheduler.solver;

import java.util.Objects;

import io.timetocompute.scheduler.problem.SchedulingProblem;

/** One pool on one day, with the headcount one task needs there. Equal by pool and day only, to group loads. */
public final class PoolDay {

    private final SchedulingProblem problem;
    private final int pool;
    private final int day;
    private final int headcount;

    PoolDay(SchedulingProblem problem, int pool, int day, int headcount) {
        this.problem = problem;
        this.pool = pool;
        this.day = day;
        this.headcount = headcount;
    }

    public int pool() { return pool; }
    public int day() { return day; }
    public int headcount() { return headcount; }
    public String poolId() { return problem.poolId(pool); }
    public int capacity() { return problem.capacity(pool, day); }
    public java.time.LocalDate date() { return problem.date(day); }

    @Override
    public boolean equals(Object other) {
        return other instanceof PoolDay that && pool == that.pool && day == that.day;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pool, day);
    }

    @Override
    public String toString() {
        return poolId() + "@" + date();
    }
}
