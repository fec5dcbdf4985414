package io.timetocompute.scheduler.solver;

import java.time.Instant;

/**
 * A change the solver has taken in, remembered so that a moved date can name its cause.
 *
 * @param eventId the id of the event that asked for it (a CloudEvent's id), unique
 * @param occurredAt when the change happened in the real world (the event's time), for ordering and latency
 */
public record AppliedChange(String eventId, String kind, String subject, String description, Instant occurredAt) {
}
