package io.timetocompute.api.scenarios;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A scenario or a goal-seeking run of a portfolio, as stored: what was asked, its status, and once done its result.
 * The result's schedule and portfolio (for comparisons) are gzipped JSON: a 10k-task portfolio is megabytes of JSON.
 *
 * @param kind {@link #SCENARIO} or {@link #GOAL}
 * @param request the changes (a scenario: the JSON array of CloudEvents as sent) or the objective (a goal), as JSON
 * @param result the {@code ScenarioReport} or {@code GoalResult} as JSON (null until done)
 * @param portfolio a done scenario's portfolio after its changes, gzipped JSON
 * @param projection a done scenario's schedule, gzipped JSON
 */
@Document("scenarios")
@CompoundIndex(name = "portfolio_kind_created", def = "{'portfolioId': 1, 'kind': 1, 'createdAt': 1}")
record ScenarioDocument(@Id String id, String portfolioId, String kind, String name, String createdBy,
        boolean shared, Instant createdAt, Status status, Instant startedAt, Instant finishedAt, long limitMillis,
        long forkedAtVersion, String request, String failure, String result, long leverCost, byte[] portfolio,
        byte[] projection) {

    static final String SCENARIO = "scenario";
    static final String GOAL = "goal";

    enum Status { QUEUED, SOLVING, DONE, FAILED }
}
