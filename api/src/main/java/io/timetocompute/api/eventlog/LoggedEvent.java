package io.timetocompute.api.eventlog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An inbound event as the log shows it: what came in, what became of it, and which projected dates it moved.
 *
 * @param time when it happened at the source
 * @param status APPLIED, RECORDED, STALE or REJECTED (duplicates are not recorded twice)
 * @param movedDates the block dates whose change it caused, in publication order
 */
record LoggedEvent(String id, String type, String source, String subject, Instant time, String status,
        String detail, Instant recordedAt, List<MovedDate> movedDates) {

    /**
     * @param deltaDays how far the date moved in that publication, all causes together
     * @param eventEffectDays what the events of that publication did to it (this one and any taken in with it)
     * @param shareDays what this event alone did, when computed; null otherwise
     * @param reoptimizationDays what the solver's own improvements, published with the events, did
     * @param jointWith the other events credited with the move when shares were not computed (joint causes)
     */
    record MovedDate(String blockId, String siteId, LocalDate oldDate, LocalDate newDate, long deltaDays,
            long version, Long eventEffectDays, Long shareDays, Long reoptimizationDays, List<String> jointWith) {
    }
}
