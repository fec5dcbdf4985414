package io.timetocompute.api.ingest;

import io.timetocompute.events.inbound.EventProcessor;

/**
 * What became of an event sent over HTTP.
 *
 * @param status APPLIED (the plan changed), RECORDED (kept, nothing to change), STALE (older than what is already
 *        applied to the same entity) or DUPLICATE (this id was processed before)
 */
record IngestResult(EventProcessor.Status status, String detail, String eventId) {
}
