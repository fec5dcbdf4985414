package io.timetocompute.api.operations;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * The solver is up once every live plan has published a schedule (details per portfolio). Before that (the first
 * seconds after a start or a portfolio's creation) its state is unknown rather than down: the service is starting,
 * not failing, and the aggregate health stays up. It is down once a plan's solver thread has ended (it runs until
 * the plan stops): that portfolio's events are then still recorded but no longer re-planned, and the details say why
 * it ended.
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
            LivePlan plan = session.plan(portfolioId);
            if (!plan.solverRunning()) {
                allRunning = false;
                details.put(portfolioId, Map.of("solver", "stopped", "failure", plan.solverFailure()
                        .map(failure -> failure.getClass().getSimpleName() + ": " + failure.getMessage())
                        .orElse("none")));
                continue;
            }
            Optional<LivePlan.Publication> publication = plan.latestPublication();
            allPublished &= publication.isPresent();
            details.put(portfolioId, publication.map(SolverHealthIndicator::published).orElse(Map.of(
                    "publication", "none yet")));
        }
        Health.Builder health = !allRunning ? Health.down() : allPublished ? Health.up() : Health.unknown();
        return health.withDetails(details).build();
    }

    private static Map<String, Object> published(LivePlan.Publication publication) {
        return Map.of("version", publication.version(), "publishedAt", publication.publishedAt().toString(),
                "feasible", publication.projection().feasible());
    }
}
