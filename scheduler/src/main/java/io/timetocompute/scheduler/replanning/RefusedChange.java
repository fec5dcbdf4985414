package io.timetocompute.scheduler.replanning;

/** A change the live plan would not take, and why (the message of the {@link InvalidChangeException}). */
public record RefusedChange(PortfolioChange change, String reason) {
}
