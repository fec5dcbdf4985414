package io.timetocompute.api.operations;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.api.web.ResourceNotFoundException;
import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * The solver is up once every live plan has published a schedule (details per portfolio). Before that (while a first
 * solve runs for its budget after a start, a portfolio's creation or an import) its state is unknown rather than
 * down: the service is starting, not failing, and the aggregate health stays up; the details say how far each first
 * solve is. It is down once a plan's solver thread has ended (it runs until the plan stops): that portfolio's events
 * are then still recorded but no longer re-planned, and the details say why it ended.
 */
@Component("solverHealthIndicator")
class SolverHealthIndicator implements HealthIndicator {

    private final LivePlans session;

    SolverHealthIndicator(LivePlans session) {
        this.session = session;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new TreeMap<>();
        boolean allPublished = true;
        boolean allRunning = true;
        for (String portfolioId : session.ids()) {
            LivePlan plan;
            try {
                plan = session.plan(portfolioId);
            } catch (ResourceNotFoundException archivedMeanwhile) {
                continue;
            }
            if (!plan.solverRunning()) {
                allRunning = false;
                details.put(portfolioId, Map.of("solver", "stopped", "failure", plan.solverFailure()
                        .map(failure -> failure.getClass().getSimpleName() + ": " + failure.getMessage())
                        .orElse("none")));
                continue;
            }
            Optional<LivePlan.Publication> publication = plan.latestPublication();
            allPublished &= publication.isPresent();
            details.put(portfolioId, publication.map(SolverHealthIndicator::published)
                    .orElseGet(() -> converging(plan.firstSolve())));
        }
        Health.Builder health = !allRunning ? Health.down() : allPublished ? Health.up() : Health.unknown();
        return health.withDetails(details).build();
    }

    /** The first solve runs for its budget before anything is published: how far it is. */
    private static Map<String, Object> converging(LivePlan.FirstSolve solve) {
        Map<String, Object> details = new TreeMap<>();
        details.put("publication", "none yet");
        details.put("firstSolveSeconds", solve.elapsed().toSeconds());
        details.put("firstSolveBudgetSeconds", solve.budget().toSeconds());
        if (solve.score() != null) {
            details.put("score", solve.score());
        }
        return details;
    }

    private static Map<String, Object> published(LivePlan.Publication publication) {
        return Map.of("version", publication.version(), "publishedAt", publication.publishedAt().toString(),
                "feasible", publication.projection().feasible());
    }
}
