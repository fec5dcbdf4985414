package io.timetocompute.api.plan;

/**
 * The answer to a what-if: the plan took the change in, and the solver re-plans with it; the new dates follow in
 * the next publication.
 *
 * @param detail the change in words, as the timeline will name it
 * @param eventId the id the change carries in the timeline's causes
 */
public record ChangeAccepted(String status, String detail, String eventId) {

    static final String APPLIED = "APPLIED";
}
