package io.timetocompute.scheduler.replanning;

import java.time.Instant;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.solver.AppliedChange;

/**
 * A change to the portfolio that an event asks for. Each kind of change is a subclass that says how the portfolio
 * changes. The {@link LivePlan} hands changes to the live solver in a {@link PortfolioChangeBatch}, one
 * Timefold problem change however many events it carries, so that a burst of events compiles the problem once.
 */
public abstract class PortfolioChange {

    private final String eventId;
    private final Instant occurredAt;

    protected PortfolioChange(String eventId, Instant occurredAt) {
        this.eventId = eventId;
        this.occurredAt = occurredAt == null ? Instant.now() : occurredAt;
    }

    /**
     * @return the portfolio after this change
     * @throws InvalidChangeException if it names something that does not exist or makes no sense
     */
    protected abstract Portfolio applyTo(Portfolio portfolio);

    /** @return what kind of change, e.g. "shipment ETA changed" */
    public abstract String kind();

    /** @return the id of the shipment, pool, task or site it is about */
    public abstract String subject();

    /** @return one sentence a planner reads in a timeline */
    public abstract String description();

    public String eventId() {
        return eventId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public AppliedChange record() {
        return new AppliedChange(eventId, kind(), subject(), description(), occurredAt);
    }

    /**
     * The portfolio after this change, not compiled: for replaying changes that were valid when first applied, where
     * compiling after each one would cost a restart minutes on a large portfolio.
     */
    public final Portfolio replayOnto(Portfolio portfolio) {
        return applyTo(portfolio);
    }

    @Override
    public String toString() {
        return kind() + " " + subject() + " (" + eventId + ")";
    }
}
