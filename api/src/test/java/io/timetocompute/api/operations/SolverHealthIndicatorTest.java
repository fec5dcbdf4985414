package io.timetocompute.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import io.timetocompute.api.planning.LivePlans;

class SolverHealthIndicatorTest {

    @Test
    void aSolverWhoseThreadEndedIsDownWithTheReasonEvenAfterItPublished() {
        LivePlans plans = mock(LivePlans.class);
        when(plans.solverState()).thenReturn(new LivePlans.SolverState(false,
                "IllegalStateException: a change that cannot be taken in"));
        when(plans.latestPublication()).thenReturn(Optional.empty());

        Health health = new SolverHealthIndicator(plans).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("solver", "stopped")
                .containsEntry("failure", "IllegalStateException: a change that cannot be taken in");
    }

    @Test
    void aRunningSolverWithoutAScheduleYetIsUnknownNotDown() {
        LivePlans plans = mock(LivePlans.class);
        when(plans.solverState()).thenReturn(new LivePlans.SolverState(true, null));
        when(plans.latestPublication()).thenReturn(Optional.empty());

        assertThat(new SolverHealthIndicator(plans).health().getStatus()).isEqualTo(Status.UNKNOWN);
    }
}
