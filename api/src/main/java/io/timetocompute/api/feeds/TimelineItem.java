package io.timetocompute.api.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import io.timetocompute.api.history.PublicationHistory;
import io.timetocompute.scheduler.replanning.LivePlan;
import io.timetocompute.scheduler.solver.AppliedChange;

/**
 * One change of a block's projected online date, as executives read it: in the timeline and on the stream alike.
 *
 * @param cause what moved it, in words; "re-optimization" when the solver found a better plan by itself
 */
record TimelineItem(long version, Instant publishedAt, String siteId, String blockId, double itMw, LocalDate oldDate,
        LocalDate newDate, long deltaDays, String cause, List<String> eventIds) {

    static TimelineItem of(PublicationHistory.BlockDateChangeDocument change) {
        return new TimelineItem(change.version(), change.publishedAt(), change.siteId(), change.blockId(),
                change.itMw(), change.oldDate(), change.newDate(), change.deltaDays(), change.cause(),
                change.eventIds());
    }

    /** The same item as {@link PublicationHistory} will store for this change. */
    static TimelineItem of(LivePlan.Publication publication, LivePlan.BlockDateChange change) {
        String cause = change.causes().isEmpty() ? PublicationHistory.REOPTIMIZATION
                : change.causes().stream().map(AppliedChange::description).collect(Collectors.joining("; "));
        return new TimelineItem(publication.version(), publication.publishedAt(), change.siteId(), change.blockId(),
                change.itMw(), change.oldDate(), change.newDate(), change.deltaDays(), cause,
                change.causes().stream().map(AppliedChange::eventId).toList());
    }
}
