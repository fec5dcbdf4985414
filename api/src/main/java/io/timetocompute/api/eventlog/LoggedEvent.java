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

    record MovedDate(String blockId, String siteId, LocalDate oldDate, LocalDate newDate, long deltaDays,
            long version) {
    }
}
