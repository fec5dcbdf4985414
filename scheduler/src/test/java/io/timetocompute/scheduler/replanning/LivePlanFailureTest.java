package io.timetocompute.scheduler.replanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.portfolio.Portfolio;

class LivePlanFailureTest {

    /** Valid where it is prepared; fails where the solver takes it in, as a bug in a change would. */
    private static final class FailsOnTheSolverThread extends PortfolioChange {

        FailsOnTheSolverThread() {
            super("poison", null);
        }

        @Override
        protected Portfolio applyTo(Portfolio portfolio) {
            return portfolio.withDataDate(portfolio.dataDate().plusDays(1));
        }

        @Override
        public String kind() {
            if (Thread.currentThread().getName().startsWith("ttc-solver")) {
                throw new IllegalStateException("a change that cannot be taken in");
            }
            return "poison";
        }

        @Override
        public String subject() {
            return "none";
        }

        @Override
        public String description() {
            return "poison";
        }
    }

    @Test
    void aSolverThreadThatDiedIsReportedWithItsCause() throws InterruptedException {
        LivePlan plan = new LivePlan(TestPortfolios.twoSites(), publication -> { }, Duration.ofMillis(50),
                Duration.ZERO, 1).start();
        try {
            assertThat(plan.solverRunning()).isTrue();

            plan.submitAll(List.of(new FailsOnTheSolverThread()));

            await().atMost(Duration.ofSeconds(30)).until(() -> !plan.solverRunning());
            assertThat(plan.solverFailure()).hasValueSatisfying(failure ->
                    assertThat(failure).hasStackTraceContaining("a change that cannot be taken in"));
        } finally {
            plan.close();
        }
    }
}
