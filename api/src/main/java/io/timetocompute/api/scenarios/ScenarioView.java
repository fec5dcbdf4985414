package io.timetocompute.api.scenarios;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A scenario or goal-seeking run as the API shows it.
 *
 * @param status {@code queued}, {@code solving}, {@code done} or {@code failed}
 * @param progress 0 to 1: the share of its time limit a solving run has used
 * @param forkedAtVersion the live plan's publication version it started from
 * @param result when done and asked for one run: the {@code ScenarioReport} or the {@code GoalResult}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ScenarioView(String id, String portfolioId, String name, String createdBy, boolean shared, Instant createdAt,
        String status, double progress, Instant startedAt, Instant finishedAt, long limitSeconds,
        long forkedAtVersion, String failure, Object result) {

    static ScenarioView of(ScenarioDocument document, double progress, Object result) {
        return new ScenarioView(document.id(), document.portfolioId(), document.name(), document.createdBy(),
                document.shared(), document.createdAt(),
                document.status().name().toLowerCase(java.util.Locale.ROOT), progress, document.startedAt(),
                document.finishedAt(), document.limitMillis() / 1000, document.forkedAtVersion(), document.failure(),
                result);
    }
}
