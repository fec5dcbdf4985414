package io.timetocompute.api.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.timetocompute.api.history.PublicationHistory;
import io.timetocompute.scheduler.replanning.LivePlan;
import io.timetocompute.scheduler.solver.AppliedChange;

/**
 * One change of a block's projected online date, as executives read it: in the timeline and on the stream alike.
 *
 * @param cause what moved it, in words; "re-optimization" when the solver found a better plan by itself
 * @param eventEffectDays what the events did to the date, {@code reoptimizationDays} what the solver's own
 *        improvements did (see {@link LivePlan.BlockDateChange}); null for changes stored before they were recorded
 */
record TimelineItem(long version, Instant publishedAt, String siteId, String blockId, double itMw, LocalDate oldDate,
        LocalDate newDate, long deltaDays, String cause, List<String> eventIds, Long eventEffectDays,
        Long reoptimizationDays, Boolean jointCauses, List<LivePlan.EventShare> shares, Long interactionDays) {

    static TimelineItem of(PublicationHistory.BlockDateChangeDocument change) {
        return new TimelineItem(change.version(), change.publishedAt(), change.siteId(), change.blockId(),
                change.itMw(), change.oldDate(), change.newDate(), change.deltaDays(), change.cause(),
                change.eventIds(), change.eventEffectDays(), change.reoptimizationDays(), change.jointCauses(),
                change.shares(), change.interactionDays());
    }

    /** The same item as {@link PublicationHistory} will store for this change. */
    static TimelineItem of(LivePlan.Publication publication, LivePlan.BlockDateChange change) {
        return new TimelineItem(publication.version(), publication.publishedAt(), change.siteId(), change.blockId(),
                change.itMw(), change.oldDate(), change.newDate(), change.deltaDays(), change.explanation(),
                change.causes().stream().map(AppliedChange::eventId).toList(), change.eventEffectDays(),
                change.reoptimizationDays(), change.jointCauses(), change.shares(), change.interactionDays());
    }
}
