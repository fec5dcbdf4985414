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
 * seconds after a start or a portfolio's creation) its state is unknown rather than down: the service is starting, not failing, and the aggregate health stays up.
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
        for (String portfolioId : session.ids()) {
            Optional<LivePlan.Publication> publication = session.latestPublication(portfolioId);
            allPublished &= publication.isPresent();
            details.put(portfolioId, publication.map(SolverHealthIndicator::published).orElse(Map.of(
                    "publication", "none yet")));
        }
        return (allPublished ? Health.up() : Health.unknown()).withDetails(details).build();
    }

    private static Map<String, Object> published(LivePlan.Publication publication) {
        return Map.of("version", publication.version(), "publishedAt", publication.publishedAt().toString(),
                "feasible", publication.projection().feasible());
    }
}
