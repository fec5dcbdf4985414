package io.timetocompute.scheduler.replanning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.timetocompute.scheduler.portfolio.CapacityAdjustment;
import io.timetocompute.scheduler.portfolio.Portfolio;

/**
 * A pool's headcount changes over a date range: set to an absolute value, or by a delta (hiring, attrition,
 * weather, a strike: headcount 0). The adjustment goes after the pool's earlier ones, so it wins where they overlap.
 */
public final class PoolCapacityChange extends PortfolioChange {

    private final String poolId;
    private final CapacityAdjustment adjustment;

    public PoolCapacityChange(String eventId, Instant occurredAt, String poolId, CapacityAdjustment adjustment) {
        super(eventId, occurredAt);
        this.poolId = poolId;
        this.adjustment = adjustment;
    }

    @Override
    protected Portfolio applyTo(Portfolio portfolio) {
        if ((adjustment.headcount() == null) == (adjustment.delta() == null)) {
            throw new InvalidChangeException("pool " + poolId + ": give exactly one of headcount and delta");
        }
        if (adjustment.from() != null && adjustment.to() != null && adjustment.from().isAfter(adjustment.to())) {
            throw new InvalidChangeException("pool " + poolId + ": the range ends " + adjustment.to()
                    + " before it starts " + adjustment.from());
        }
        return Changes.pool(portfolio, poolId, pool -> {
            List<CapacityAdjustment> adjustments = new ArrayList<>(pool.adjustments());
            adjustments.add(adjustment);
            return pool.withAdjustments(adjustments);
        });
    }

    @Override
    public String kind() {
        return "labor capacity changed";
    }

    @Override
    public String subject() {
        return poolId;
    }

    @Override
    public String description() {
        String amount = adjustment.headcount() != null ? "set to " + adjustment.headcount()
                : (adjustment.delta() >= 0 ? "+" : "") + adjustment.delta();
        return "pool " + poolId + " headcount " + amount + " from " + orOpen(adjustment.from()) + " to "
                + orOpen(adjustment.to()) + (adjustment.reason() == null ? "" : " (" + adjustment.reason() + ")");
    }

    private static String orOpen(LocalDate date) {
        return date == null ? "open" : date.toString();
    }
}
