package io.timetocompute.api.web;

import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * No schedule has been published for the portfolio yet: right after start, its creation or an import, while its first
 * solve runs for its budget (or until a planner approves its plan). Answered with a 503 problem that says how far the
 * first solve is; retrying a second later works.
 */
public class ScheduleNotPublishedException extends RuntimeException {

    private final transient LivePlan.FirstSolve firstSolve;

    public ScheduleNotPublishedException() {
        this(null);
    }

    /** @param firstSolve how far the first solve is; null when unknown */
    public ScheduleNotPublishedException(LivePlan.FirstSolve firstSolve) {
        super(message(firstSolve));
        this.firstSolve = firstSolve;
    }

    /** @return how far the first solve is, or null */
    public LivePlan.FirstSolve firstSolve() {
        return firstSolve;
    }

    private static String message(LivePlan.FirstSolve solve) {
        if (solve == null || solve.published()) {
            return "no schedule has been published yet for this portfolio; retry in a second";
        }
        return "the first plan is being solved: " + Math.min(solve.elapsed().toSeconds(), solve.budget().toSeconds())
                + " s of " + solve.budget().toSeconds() + " s" + (solve.score() == null ? "" : ", score "
                + solve.score()) + "; it is published when the budget is spent or a planner approves it";
    }
}
