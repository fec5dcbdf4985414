package io.timetocompute.scheduler.scenario;

import java.time.Instant;
import java.time.LocalDate;

import io.timetocompute.scheduler.portfolio.ComputeBlock;
import io.timetocompute.scheduler.portfolio.Portfolio;

/** Renegotiates a compute block's contracted online date ({@code null}: no contract date any more). */
public final class ContractDateLever extends Lever {

    public static final String TYPE = "io.timetocompute.lever.contract-date.v1";

    private final String blockId;
    private final LocalDate contractDate;

    public ContractDateLever(String id, Instant occurredAt, String blockId, LocalDate contractDate) {
        super(id, occurredAt);
        this.blockId = blockId;
        this.contractDate = contractDate;
    }

    @Override
    protected Portfolio applyTo(Portfolio portfolio) {
        return Portfolios.replaceBlock(portfolio, blockId, block -> new ComputeBlock(block.id(), block.name(),
                block.itMw(), block.valuePerDay(), contractDate, block.penaltyPerDayLate()));
    }

    /** What a renegotiation costs is the client's business, not the portfolio's: the penalties show its effect. */
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
        return "contract date moved";
    }

    @Override
    public String subject() {
        return blockId;
    }

    @Override
    public String description() {
        return "block " + blockId + " contract date " + (contractDate == null ? "removed" : "moved to " + contractDate);
    }
}
