package io.timetocompute.scheduler.scenario;

import java.time.Instant;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.replanning.PortfolioChange;

/**
 * A planning decision a planner can take (hire, allow a mode, expedite, renegotiate), as opposed to a change the
 * world reports. A lever is a {@link PortfolioChange}, so it applies to a portfolio the way an event does, and it
 * has a price: what taking it costs, read from the lever data of the portfolio it is taken on.
 */
public abstract class Lever extends PortfolioChange {

    protected Lever(String id, Instant occurredAt) {
        super(id, occurredAt);
    }

    /**
     * @param before the portfolio the lever is taken on
     * @return what taking the lever costs, in the portfolio's currency (0 when the portfolio gives no price)
     */
    public abstract long cost(Portfolio before);

    /** @return the {@code type} of the lever object in a changes file (see docs/scenarios.md) */
    public abstract String type();
}
