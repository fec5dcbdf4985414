package io.timetocompute.api.feeds;

import java.time.Instant;
import java.util.List;

import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * A publication on the stream: which version, how many block dates it moved, and the events it took in.
 *
 * @param causes empty when the solver found a better plan by itself
 */
record PublicationSummary(long version, Instant publishedAt, int changedBlocks, List<Cause> causes) {

    record Cause(String eventId, String description) {
    }

    static PublicationSummary of(LivePlan.Publication publication) {
        return new PublicationSummary(publication.version(), publication.publishedAt(),
                (int) publication.changes().stream().filter(change -> change.oldDate() != null).count(),
                publication.newlyApplied().stream()
                        .map(change -> new Cause(change.eventId(), change.description())).toList());
    }
}
