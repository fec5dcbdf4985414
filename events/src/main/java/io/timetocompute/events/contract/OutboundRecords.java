package io.timetocompute.events.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.timetocompute.scheduler.projection.ScheduleProjection.PathStep;
import io.timetocompute.scheduler.replanning.LivePlan.EventShare;

/** The JSON {@code data} of the records the service publishes. */
public final class OutboundRecords {

    private OutboundRecords() {
    }

    /**
     * On {@link Topics#PROJECTIONS} (compacted, key {@code portfolioId/siteId/blockId}): the latest projected online date of a
     * block.
     *
     * @param eventIds the events that moved it in this publication (empty: the solver found a better schedule)
     */
    public record BlockProjectionRecord(String siteId, String siteName, String blockId, String blockName, double itMw,
            LocalDate onlineDate, LocalDate contractDate, int daysLate, List<PathStep> drivingPath,
            List<String> eventIds, long version, Instant publishedAt) {
    }

    /**
     * On {@link Topics#TIMELINE} (key {@code portfolioId/siteId/blockId}): one change of a block's projected online date, the
     * executives' feed.
     *
     * @param cause what moved it, in words; "re-optimization" when no event did
     * @param eventIds the events credited with a part of the move (empty: the solver's re-optimization alone)
     * @param eventEffectDays what the events did: the last published schedule repaired to them alone, without the
     *        solver's improvements
     * @param reoptimizationDays what the solver's improvements did; {@code eventEffectDays + reoptimizationDays}
     *        is {@code deltaDays}
     * @param jointCauses several events moved it together and their shares were not computed
     * @param shares each event's effect alone, when computed (empty otherwise)
     * @param interactionDays the part of the events' effect that none has alone; null when shares were not computed
     */
    public record DateChanged(String siteId, String blockId, double itMw, LocalDate oldDate, LocalDate newDate,
            long deltaDays, String cause, List<String> eventIds, long version, Instant publishedAt,
            long eventEffectDays, long reoptimizationDays, boolean jointCauses, List<EventShare> shares,
            Long interactionDays) {
    }

    /**
     * On {@link Topics#SUPPLIER_NEEDS} (key: the supplier's slug, so that a supplier reads its records in order from
     * one partition): a shipment's need-by date in a portfolio changed, or was published for the first time since
     * the service started.
     *
     * @param needByDate the latest arrival that moves no block; null when only pinned work needs it
     * @param slackDays needByDate minus arrivalDate, in calendar days; negative: late
     */
    public record NeedByChanged(String supplier, String portfolioId, String shipmentId, String material,
            String siteId, LocalDate arrivalDate, boolean delivered, LocalDate previousNeedByDate,
            LocalDate needByDate, Integer slackDays, long version, Instant publishedAt) {
    }
}
