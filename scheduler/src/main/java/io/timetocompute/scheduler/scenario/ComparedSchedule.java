package io.timetocompute.scheduler.scenario;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.projection.ScheduleProjection;

/**
 * One side of a comparison: a schedule (the live plan's, a named baseline's, a scenario's) with the portfolio it
 * schedules, which gives penalties and mode costs, and what its levers cost.
 */
public record ComparedSchedule(String label, Portfolio portfolio, ScheduleProjection projection, long leverCost) {

    public static ComparedSchedule of(String label, Portfolio portfolio, ScheduleProjection projection) {
        return new ComparedSchedule(label, portfolio, projection, 0);
    }

    /** A scenario's schedule, with the portfolio after its changes and the cost of its levers. */
    public static ComparedSchedule of(ScenarioResult result) {
        return new ComparedSchedule(result.scenario().name(), result.applied().portfolio(), result.projection(),
                result.applied().leverCost());
    }

    /** The schedule a scenario was forked from (the live plan at that version). */
    public static ComparedSchedule forkOf(Scenario scenario, String label) {
        return new ComparedSchedule(label, scenario.portfolio(), scenario.schedule(), 0);
    }
}
