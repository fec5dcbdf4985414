package io.timetocompute.scheduler.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.timetocompute.scheduler.portfolio.CapacityAdjustment;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.replanning.InvalidChangeException;
import io.timetocompute.scheduler.replanning.PoolCapacityChange;

/**
 * Adds (hires, borrows) or removes (releases, sends elsewhere) people of a pool from {@code from} to {@code to}.
 * Added people respect the pool's lever data when it has any: they can work no earlier than its hire lead time after
 * the data date, no more than its maximum extra headcount, and each costs its cost per person-day for every calendar
 * day of the range. Removing people costs nothing.
 */
public final class HeadcountLever extends Lever {

    public static final String TYPE = "io.timetocompute.lever.headcount.v1";

    private final String poolId;
    private final LocalDate from;
    private final LocalDate to;
    private final int delta;

    public HeadcountLever(String id, Instant occurredAt, String poolId, LocalDate from, LocalDate to, int delta) {
        super(id, occurredAt);
        this.poolId = poolId;
        this.from = from;
        this.to = to;
        this.delta = delta;
    }

    @Override
    protected Portfolio applyTo(Portfolio portfolio) {
        if (from == null || to == null) {
            throw new InvalidChangeException("headcount lever on pool " + poolId + ": from and to are required");
        }
        if (to.isBefore(from)) {
            throw new InvalidChangeException("headcount lever on pool " + poolId + ": the range ends " + to
                    + " before it starts " + from);
        }
        if (delta == 0) {
            throw new InvalidChangeException("headcount lever on pool " + poolId + ": delta is 0");
        }
        LaborPool pool = Portfolios.pool(portfolio, poolId);
        if (delta > 0) {
            if (pool.maxExtraHeadcount() != null && delta > pool.maxExtraHeadcount()) {
                throw new InvalidChangeException("pool " + poolId + " can add at most " + pool.maxExtraHeadcount()
                        + " people, not " + delta);
            }
            if (pool.hireLeadTimeDays() != null) {
                LocalDate earliest = portfolio.dataDate().plusDays(pool.hireLeadTimeDays());
                if (from.isBefore(earliest)) {
                    throw new InvalidChangeException("pool " + poolId + ": people added on " + from
                            + " cannot work before " + earliest + " (hire lead time " + pool.hireLeadTimeDays()
                            + " days)");
                }
            }
        }
        return new PoolCapacityChange(eventId(), occurredAt(), poolId,
                CapacityAdjustment.delta(from, to, delta, "scenario lever " + eventId())).replayOnto(portfolio);
    }

    @Override
    public long cost(Portfolio before) {
        if (delta <= 0) {
            return 0;
        }
        Long perPersonDay = Portfolios.pool(before, poolId).costPerPersonDay();
        return perPersonDay == null ? 0 : perPersonDay * delta * (ChronoUnit.DAYS.between(from, to) + 1);
    }

    public String poolId() {
        return poolId;
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    public int delta() {
        return delta;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String kind() {
        return delta > 0 ? "headcount added" : "headcount removed";
    }

    @Override
    public String subject() {
        return poolId;
    }

    @Override
    public String description() {
        return "pool " + poolId + " " + (delta > 0 ? "+" : "") + delta + " people from " + from + " to " + to;
    }
}
