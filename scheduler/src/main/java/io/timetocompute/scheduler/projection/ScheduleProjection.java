package io.timetocompute.scheduler.projection;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What users read: every compute block's projected online date and what drives it, every task's dates and float,
 * every shipment's need-by date, and every pool's load against its capacity.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleProjection(
        String portfolioId,
        LocalDate dataDate,
        String score,
        boolean feasible,
        long moneyObjective,
        LocalDate portfolioFinish,
        List<BlockProjection> blocks,
        List<TaskSchedule> tasks,
        List<ShipmentProjection> shipments,
        List<PoolLoad> pools) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BlockProjection(String siteId, String siteName, String blockId, String blockName, double itMw,
            LocalDate onlineDate, LocalDate contractDate, int daysLate, long valuePerDay, String onlineTaskId,
            List<PathStep> drivingPath) {
    }

    /**
     * One link of a driving path, from the block back to what ultimately sets its date.
     *
     * @param kind TASK, POOL_WAIT, SHIPMENT, POWER, SITE_OPENING or DATA_DATE
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PathStep(String kind, String id, LocalDate start, LocalDate finish, String description) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskSchedule(String id, String siteId, String name, String phase, String mode, String status,
            LocalDate start, LocalDate finish, int durationDays, int totalFloatDays, boolean critical) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShipmentProjection(String id, String supplier, String material, String siteId,
            LocalDate arrivalDate, boolean delivered, LocalDate needByDate, Integer slackDays, List<String> neededFor) {
    }

    public record PoolLoad(String poolId, String trade, List<LoadSegment> segments) {
    }

    /** Days from {@code from} to {@code to} (inclusive) with the same load and capacity. */
    public record LoadSegment(LocalDate from, LocalDate to, int load, int capacity) {
    }
}
