package io.timetocompute.api.sites;

import java.util.List;

import io.timetocompute.api.shipments.ShipmentRow;
import io.timetocompute.api.tasks.TaskRow;
import io.timetocompute.scheduler.projection.ScheduleProjection.BlockProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.PoolLoad;

/**
 * Everything a planner needs on one site's Gantt chart.
 *
 * @param pools the load of every pool the site's tasks draw crews from (a traveling pool's load covers all its
 *        sites)
 */
record SiteSchedule(SiteSummary site, List<TaskRow> tasks, List<BlockProjection> blocks,
        List<ShipmentRow> shipments, List<PoolLoad> pools) {
}
