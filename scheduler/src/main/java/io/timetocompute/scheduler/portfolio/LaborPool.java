package io.timetocompute.scheduler.portfolio;

import java.util.List;

/**
 * Headcount of one trade available per work day.
 *
 * @param siteIds the sites this pool can work on: one for local hires, several for a traveling pool
 * @param calendar the pool's own calendar (null: every day its sites work); on a site work day that the pool's
 *        calendar does not work, the pool has no headcount
 * @param adjustments dated changes to the base headcount (hiring ramps, outages, weather), applied in order
 */
public record LaborPool(String id, String name, String trade, List<String> siteIds, String calendar,
        int baseHeadcount, List<CapacityAdjustment> adjustments) {

    public LaborPool {
        siteIds = siteIds == null ? List.of() : List.copyOf(siteIds);
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
    }

    public boolean traveling() {
        return siteIds.size() > 1;
    }

    public LaborPool withAdjustments(List<CapacityAdjustment> newAdjustments) {
        return new LaborPool(id, name, trade, siteIds, calendar, baseHeadcount, newAdjustments);
    }
}
