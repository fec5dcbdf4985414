package io.timetocompute.api.operations;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * The solver is up once it has published a schedule. Before that (the first seconds after a start) its state is
 * unknown rather than down: the service is starting, not failing, and the aggregate health stays up.
 */
@Component("solverHealthIndicator")
class SolverHealthIndicator implements HealthIndicator {

    private final LivePlans session;

    SolverHealthIndicator(LivePlans session) {
        this.session = session;
    }

    @Override
    public Health health() {
        return session.latestPublication()
                .map(SolverHealthIndicator::published)
                .orElseGet(this::converging);
    }

    /** The first solve runs for its budget before anything is published: how far it is. */
    private Health converging() {
        LivePlan.FirstSolve solve = session.firstSolve();
        Health.Builder health = Health.unknown().withDetail("publication", "none yet")
                .withDetail("firstSolveSeconds", solve.elapsed().toSeconds())
                .withDetail("firstSolveBudgetSeconds", solve.budget().toSeconds());
        if (solve.score() != null) {
            health.withDetail("score", solve.score());
        }
        return health.build();
    }

    private static Health published(LivePlan.Publication publication) {
        return Health.up().withDetail("version", publication.version())
                .withDetail("publishedAt", publication.publishedAt().toString())
                .withDetail("feasible", publication.projection().feasible()).build();
    }
}
