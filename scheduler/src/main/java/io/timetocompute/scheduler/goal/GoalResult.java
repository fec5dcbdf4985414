package io.timetocompute.scheduler.goal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The answer to an objective: the cheapest minimal set of actions and what each gains, or, when the objective
 * cannot be reached with the levers available, the best that can be reached and what stops it.
 *
 * @param reached whether the objective is met (for MW and site objectives: within the budget)
 * @param bestDate for a block objective: the block's date with the actions (the best reachable when not reached)
 * @param stoppedBy when a block objective is not reached: what keeps the block from being earlier
 * @param blocks every block's date before and with the actions
 */
public record GoalResult(String objective, boolean reached, LocalDate bestDate, String stoppedBy,
        List<GoalAction> actions, long totalCost, double mwOnlineByDate, Long siteDelayCost, List<BlockDate> blocks,
        String score, double seconds) {

    /**
     * @param daysGained per block, the days it would be later without this action alone (only blocks it moves)
     */
    public record GoalAction(String id, String type, String kind, String subject, String description, long cost,
            Map<String, Long> daysGained) {
    }

    /** @param deltaDays with minus before (negative: earlier) */
    public record BlockDate(String siteId, String blockId, LocalDate before, LocalDate after, long deltaDays) {
    }
}
