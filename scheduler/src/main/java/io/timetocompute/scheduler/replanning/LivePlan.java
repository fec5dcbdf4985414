package io.timetocompute.scheduler.replanning;

import io.timetocompute.scheduler.portfolio.Portfolio;

/** A plan that takes changes while it is being solved: what event ingestion needs from the re-planning service. */
public interface LivePlan {

    /** @return the portfolio with every accepted change applied */
    Portfolio portfolio();

    /**
     * Applies a change: validated at once against the current portfolio, then handed to the solver.
     *
     * @throws InvalidChangeException if the change cannot apply; nothing changes then
     */
    void submit(PortfolioChange change);
}
