package io.timetocompute.scheduler.replanning;

import java.util.List;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.solver.ImprovementGate;

/** A plan that takes changes while it is being solved: what event ingestion needs from a {@link LivePlan}. */
public interface PlanIntake {

    /** @return the portfolio with every accepted change applied */
    Portfolio portfolio();

    /**
     * Applies a change: validated at once against the current portfolio, then handed to the solver.
     *
     * @throws InvalidChangeException if the change cannot apply; nothing changes then
     */
    default void submit(PortfolioChange change) {
        List<RefusedChange> refused = submitAll(List.of(change));
        if (!refused.isEmpty()) {
            throw new InvalidChangeException(refused.get(0).reason());
        }
    }

    /**
     * Applies changes in order as one change of the plan: each is validated against the portfolio as the ones
     * before it left it, the problem is compiled once, and the solver takes them in together. A change that cannot
     * apply is left out and the others still apply.
     *
     * @return the changes left out, with why; empty if every change applied
     */
    List<RefusedChange> submitAll(List<PortfolioChange> changes);

    /**
     * Holds the solver's improvement of the plan, never its repairs to changes, until the hold is closed: ingestion
     * takes it for each batch of events, so that a backlog gets the cores first (see {@link ImprovementGate}).
     */
    ImprovementGate.Hold holdImprovement();
}
