package io.timetocompute.scheduler.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.timetocompute.scheduler.IndependentScheduleChecker;
import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.projection.ScheduleProjection;

/** Generated portfolios of several sizes and seeds solve into schedules that an independent checker accepts. */
class DemoFeasibilityTest {

    @ParameterizedTest(name = "{0} tasks, seed {1}")
    @CsvSource({"300, 1", "300, 2", "1000, 3", "3000, 4"})
    void generatedPortfoliosSolveFeasibly(int tasks, long seed) {
        Portfolio portfolio = DemoPortfolioGenerator.generate(tasks, seed);

        ScheduleProjection projection = PortfolioSolver.solve(portfolio, Duration.ofSeconds(2), seed, p -> { })
                .projection();

        assertThat(projection.feasible()).isTrue();
        assertThat(IndependentScheduleChecker.violations(portfolio, projection)).isEmpty();
        int blockCount = portfolio.sites().stream().mapToInt(site -> site.computeBlocks().size()).sum();
        assertThat(projection.blocks()).hasSize(blockCount).allSatisfy(block -> {
            assertThat(block.onlineDate()).isAfterOrEqualTo(portfolio.dataDate());
            assertThat(block.drivingPath()).isNotEmpty();
            assertThat(block.drivingPath().get(0).id()).isEqualTo(block.onlineTaskId());
        });
        assertThat(projection.tasks()).hasSize(portfolio.tasks().size())
                .allSatisfy(task -> assertThat(task.totalFloatDays()).isNotNegative());
        assertThat(projection.shipments()).allSatisfy(shipment -> {
            if (shipment.slackDays() != null) {
                assertThat(shipment.slackDays()).as("slack of " + shipment.id()).isNotNegative();
            }
        });
    }
}
