package io.timetocompute.scheduler.goal;

import java.time.LocalDate;
import java.util.Map;

/**
 * One combination of lever levels, scheduled: what the objective's constraints read.
 *
 * @param refusal why the combination cannot be taken (null: it can); nothing else is set then
 * @param scheduleViolations hard violations of the schedule decoded with the levers (0: feasible)
 * @param daysLate for a block objective: days the block is online after the wanted date
 * @param budgetOverrun what the levers cost beyond the budget
 * @param mwOffline for the MW objective: MW of blocks not online by the date
 * @param siteDelayCost for the site objective: the site's value of compute days lost and penalties
 */
public record Evaluation(String refusal, long scheduleViolations, long daysLate, long budgetOverrun,
        double mwOffline, long siteDelayCost, long leverCost, Map<String, LocalDate> online) {

    static Evaluation refused(String reason) {
        return new Evaluation(reason, 0, 0, 0, 0, 0, 0, Map.of());
    }

    public boolean possible() {
        return refusal == null;
    }

    /** MW offline in kW, a whole number for the score. */
    long kwOffline() {
        return Math.round(mwOffline * 1000);
    }

    /** @return true when {@code other} reaches the objective at least as well (levers' cost aside) */
    boolean notWorseThan(Evaluation other) {
        return possible() && scheduleViolations <= other.scheduleViolations && daysLate <= other.daysLate
                && budgetOverrun <= other.budgetOverrun && kwOffline() <= other.kwOffline()
                && siteDelayCost <= other.siteDelayCost;
    }
}
