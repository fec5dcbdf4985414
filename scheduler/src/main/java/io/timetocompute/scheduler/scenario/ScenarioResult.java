package io.timetocompute.scheduler.scenario;

import io.timetocompute.scheduler.projection.ScheduleProjection;

/**
 * A solved scenario: what it was forked from, the changes that applied (and those refused), and its schedule.
 */
public record ScenarioResult(Scenario scenario, Scenario.Applied applied, ScheduleProjection projection,
        double seconds) {
}
