package io.timetocompute.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.scheduler.replanning.LivePlan;

class SolverHealthIndicatorTest {

    @Test
    void aSolverWhoseThreadEndedIsDownWithTheReasonEvenAfterItPublished() {
        LivePlans plans = plans(false, new IllegalStateException("a change that cannot be taken in"));

        Health health = new SolverHealthIndicator(plans).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("demo", Map.of("solver", "stopped",
                "failure", "IllegalStateException: a change that cannot be taken in"));
    }

    @Test
    void aRunningSolverWithoutAScheduleYetIsUnknownNotDown() {
        LivePlans plans = plans(true, null);

        Health health = new SolverHealthIndicator(plans).health();

        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails()).containsEntry("demo", Map.of("publication", "none yet",
                "firstSolveSeconds", 3L, "firstSolveBudgetSeconds", 30L));
    }

    private static LivePlans plans(boolean running, Throwable failure) {
        LivePlan plan = mock(LivePlan.class);
        when(plan.solverRunning()).thenReturn(running);
        when(plan.solverFailure()).thenReturn(Optional.ofNullable(failure));
        when(plan.latestPublication()).thenReturn(Optional.empty());
        when(plan.firstSolve()).thenReturn(new LivePlan.FirstSolve(false, Duration.ofSeconds(3),
                Duration.ofSeconds(30), null));
        LivePlans plans = mock(LivePlans.class);
        when(plans.ids()).thenReturn(Set.of("demo"));
        when(plans.plan("demo")).thenReturn(plan);
        return plans;
    }
}
