package io.timetocompute.scheduler.portfolio;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Headcount of one trade available per work day.
 *
 * @param siteIds the sites this pool can work on: one for local hires, several for a traveling pool
 * @param calendar the pool's own calendar (null: every day its sites work); on a site work day that the pool's
 *        calendar does not work, the pool has no headcount
 * @param adjustments dated changes to the base headcount (hiring ramps, outages, weather), applied in order
 * @param hireLeadTimeDays lever data: calendar days from deciding to hire until the hires can work (null: unknown)
 * @param maxExtraHeadcount lever data: how many people can be added at most (null: none can)
 * @param costPerPersonDay lever data: what one added person costs per calendar day (null: unknown)
 */
public record LaborPool(String id, String name, String trade, List<String> siteIds, String calendar,
        int baseHeadcount, List<CapacityAdjustment> adjustments,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer hireLeadTimeDays,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxExtraHeadcount,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long costPerPersonDay) {

    public LaborPool {
        siteIds = siteIds == null ? List.of() : List.copyOf(siteIds);
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
    }

    /** A pool without lever data. */
    public LaborPool(String id, String name, String trade, List<String> siteIds, String calendar,
            int baseHeadcount, List<CapacityAdjustment> adjustments) {
        this(id, name, trade, siteIds, calendar, baseHeadcount, adjustments, null, null, null);
    }

    public boolean traveling() {
        return siteIds.size() > 1;
    }

    public LaborPool withAdjustments(List<CapacityAdjustment> newAdjustments) {
        return new LaborPool(id, name, trade, siteIds, calendar, baseHeadcount, newAdjustments, hireLeadTimeDays,
                maxExtraHeadcount, costPerPersonDay);
    }

    public LaborPool withHiringTerms(Integer leadTimeDays, Integer maxExtra, Long costPerDay) {
        return new LaborPool(id, name, trade, siteIds, calendar, baseHeadcount, adjustments, leadTimeDays, maxExtra,
                costPerDay);
    }
}
