package io.timetocompute.api.operations;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * The solver is up once it has published a schedule. Before that (the first seconds after a start) its state is
 * unknown rather than down: the service is starting, not failing, and the aggregate health stays up. It is down
 * once its thread has ended (it runs until the service stops): events are then still recorded but no longer
 * re-planned, and the details say why it ended.
 */
@Component("solverHealthIndicator")
class SolverHealthIndicator implements HealthIndicator {

    private final LivePlans session;

    SolverHealthIndicator(LivePlans session) {
        this.session = session;
    }

    @Override
    public Health health() {
        LivePlans.SolverState state = session.solverState();
        if (!state.running()) {
            Health.Builder down = Health.down().withDetail("solver", "stopped");
            if (state.failure() != null) {
                down.withDetail("failure", state.failure());
            }
            return down.build();
        }
        return session.latestPublication()
                .map(SolverHealthIndicator::published)
                .orElseGet(() -> Health.unknown().withDetail("publication", "none yet").build());
    }

    private static Health published(LivePlan.Publication publication) {
        return Health.up().withDetail("version", publication.version())
                .withDetail("publishedAt", publication.publishedAt().toString())
                .withDetail("feasible", publication.projection().feasible()).build();
    }
}
