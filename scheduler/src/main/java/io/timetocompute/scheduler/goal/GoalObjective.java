package io.timetocompute.scheduler.goal;

import java.time.LocalDate;

/**
 * What the planner asks for instead of a date.
 *
 * @param blockId for {@link Kind#BLOCK_BY_DATE}: the block that must be online by {@code by}
 * @param siteId for {@link Kind#SITE_DELAY}: the site whose cost of delay is to be lowest
 * @param by the date (for {@link Kind#SITE_DELAY}: the last day hires are paid for; null: the site's latest
 *        online date in the schedule goal seeking starts from)
 * @param budget the most the levers may cost together (null: no limit; required for MW and site objectives)
 */
public record GoalObjective(Kind kind, String blockId, String siteId, LocalDate by, Long budget) {

    public enum Kind {
        /** a block online by a date, with the cheapest levers */
        BLOCK_BY_DATE,
        /** the most MW online by a date, within a budget */
        MOST_MW_BY_DATE,
        /** the lowest cost of delay (value of compute days and penalties) of a site, within a budget */
        SITE_DELAY
    }

    public static GoalObjective blockBy(String blockId, LocalDate by) {
        return new GoalObjective(Kind.BLOCK_BY_DATE, blockId, null, by, null);
    }

    public static GoalObjective mostMwBy(LocalDate by, long budget) {
        return new GoalObjective(Kind.MOST_MW_BY_DATE, null, null, by, budget);
    }

    public static GoalObjective siteDelay(String siteId, long budget) {
        return new GoalObjective(Kind.SITE_DELAY, null, siteId, null, budget);
    }

    public String describe() {
        return switch (kind) {
            case BLOCK_BY_DATE -> "block " + blockId + " online by " + by;
            case MOST_MW_BY_DATE -> "most MW online by " + by + " within " + budget;
            case SITE_DELAY -> "lowest cost of delay of site " + siteId + " within " + budget;
        };
    }
}
