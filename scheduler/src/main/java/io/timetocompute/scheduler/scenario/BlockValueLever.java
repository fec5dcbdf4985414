package io.timetocompute.scheduler.scenario;

import java.time.Instant;

import io.timetocompute.scheduler.portfolio.ComputeBlock;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.replanning.InvalidChangeException;

/** Changes what a compute block is worth per day online (a new tenant, a repriced lease). */
public final class BlockValueLever extends Lever {

    public static final String TYPE = "io.timetocompute.lever.block-value.v1";

    private final String blockId;
    private final long valuePerDay;

    public BlockValueLever(String id, Instant occurredAt, String blockId, long valuePerDay) {
        super(id, occurredAt);
        this.blockId = blockId;
        this.valuePerDay = valuePerDay;
    }

    @Override
    protected Portfolio applyTo(Portfolio portfolio) {
        if (valuePerDay < 0) {
            throw new InvalidChangeException("block " + blockId + ": valuePerDay " + valuePerDay + " is negative");
        }
        return Portfolios.replaceBlock(portfolio, blockId, block -> new ComputeBlock(block.id(), block.name(),
                block.itMw(), valuePerDay, block.contractDate(), block.penaltyPerDayLate()));
    }

    @Override
    public long cost(Portfolio before) {
        return 0;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String kind() {
        return "block value changed";
    }

    @Override
    public String subject() {
        return blockId;
    }

    @Override
    public String description() {
        return "block " + blockId + " worth " + valuePerDay + " per day";
    }
}
