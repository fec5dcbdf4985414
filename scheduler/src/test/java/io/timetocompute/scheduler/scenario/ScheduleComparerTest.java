package io.timetocompute.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.replanning.PowerDateChange;
import io.timetocompute.scheduler.replanning.ShipmentEtaChange;
import io.timetocompute.scheduler.scenario.ScheduleComparison.BlockComparison;
import io.timetocompute.scheduler.scenario.ScheduleComparison.PoolComparison;
import io.timetocompute.scheduler.solver.PortfolioSolver;

class ScheduleComparerTest {

    private static final LocalDate DAY0 = TestPortfolios.DATA_DATE;

    @Test
    void aDelayedShipmentAndALatePowerDateShowAsDatesMoneyPathsAndLoad() {
        // twoSites: crews are ample, so only materials, power and precedence set the dates; A-H1 online on day 47.
        Portfolio portfolio = TestPortfolios.twoSites();
        PortfolioSolver.Outcome live = PortfolioSolver.solve(portfolio, Duration.ofMillis(500), 1, p -> { });
        Scenario scenario = Scenario.of("late", portfolio, live.projection(), List.of(
                new ShipmentEtaChange("eta", null, "B-XFMR", DAY0.plusDays(60), null),
                new PowerDateChange("power", null, "A", DAY0.plusDays(100))));
        ScenarioResult result = ScenarioSolver.solve(scenario, Duration.ofMillis(500), 1);

        ScheduleComparison comparison = ScheduleComparer.compare(ComparedSchedule.forkOf(scenario, "live"),
                ComparedSchedule.of(result));

        assertThat(comparison.left()).isEqualTo("live");
        assertThat(comparison.right()).isEqualTo("late");
        Map<String, BlockComparison> blocks = comparison.blocks().stream()
                .collect(Collectors.toMap(BlockComparison::blockId, Function.identity()));
        BlockComparison a1 = blocks.get("A-H1");
        assertThat(a1.leftOnline()).isEqualTo(DAY0.plusDays(47));
        // Energization (5 days) may not finish before power on day 100: online the day after it finishes.
        assertThat(a1.rightOnline()).isEqualTo(DAY0.plusDays(101));
        assertThat(a1.deltaDays()).isEqualTo(54);
        assertThat(a1.moneyDelta()).isEqualTo(54 * 1_500_000L);
        assertThat(a1.drivingPath().changed()).isTrue();
        assertThat(a1.drivingPath().added()).anyMatch(step -> step.startsWith("POWER"));
        assertThat(a1.drivingPath().removed()).anyMatch(step -> step.startsWith("SHIPMENT"));
        BlockComparison b1 = blocks.get("B-H1");
        assertThat(b1.deltaDays()).isEqualTo(10);
        assertThat(b1.moneyDelta()).isEqualTo(10 * 1_200_000L);
        assertThat(b1.drivingPath().changed()).isFalse();
        BlockComparison a2 = blocks.get("A-H2");
        assertThat(a2.deltaDays()).isZero();
        assertThat(a2.moneyDelta()).isZero();

        assertThat(comparison.moneyDelta().computeDelay()).isEqualTo(54 * 1_500_000L + 10 * 1_200_000L);
        assertThat(comparison.moneyDelta().total()).isEqualTo(comparison.rightMoney().total()
                - comparison.leftMoney().total());
        assertThat(comparison.moneyDelta().leverCosts()).isZero();
        Map<String, PoolComparison> pools = comparison.pools().stream()
                .collect(Collectors.toMap(PoolComparison::poolId, Function.identity()));
        // The same work, later: as many person-days, on other days.
        assertThat(pools.get("A-ELEC").deltaPersonDays()).isZero();
        assertThat(pools.get("A-ELEC").differences()).isNotEmpty();
        assertThat(pools.get("A-CIVIL").differences()).isEmpty();
    }

    @Test
    void comparingAScheduleWithItselfShowsNoDifference() {
        Portfolio portfolio = TestPortfolios.twoHalls();
        PortfolioSolver.Outcome live = PortfolioSolver.solve(portfolio, Duration.ofMillis(300), 1, p -> { });
        ComparedSchedule side = ComparedSchedule.of("live", portfolio, live.projection());

        ScheduleComparison comparison = ScheduleComparer.compare(side, side);

        assertThat(comparison.blocks()).allMatch(block -> block.deltaDays() == 0 && block.moneyDelta() == 0
                && !block.drivingPath().changed());
        assertThat(comparison.moneyDelta().total()).isZero();
        assertThat(comparison.leftMoney().total()).isEqualTo(live.projection().moneyObjective());
        assertThat(comparison.pools()).allMatch(pool -> pool.differences().isEmpty());
    }
}
