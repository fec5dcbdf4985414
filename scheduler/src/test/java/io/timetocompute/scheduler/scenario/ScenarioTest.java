package io.timetocompute.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.IndependentScheduleChecker;
import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.BlockProjection;
import io.timetocompute.scheduler.replanning.LivePlan;
import io.timetocompute.scheduler.replanning.LivePlan.Publication;
import io.timetocompute.scheduler.replanning.PoolCapacityChange;
import io.timetocompute.scheduler.replanning.ShipmentEtaChange;
import io.timetocompute.scheduler.portfolio.CapacityAdjustment;
import io.timetocompute.scheduler.solver.PortfolioSolver;

class ScenarioTest {

    private static final LocalDate DAY0 = TestPortfolios.DATA_DATE;

    private final List<Publication> publications = new CopyOnWriteArrayList<>();
    private LivePlan live;

    @AfterEach
    void stop() {
        if (live != null) {
            live.close();
        }
    }

    /** twoHalls, whose transformer may be expedited by up to 10 days at 20,000 a day. */
    static Portfolio twoHallsWithLevers() {
        Portfolio portfolio = TestPortfolios.twoHalls();
        return portfolio.withShipments(portfolio.shipments().stream()
                .map(s -> s.withExpediteTerms(s.promisedDate().minusDays(10), 20_000L)).toList());
    }

    private static LocalDate online(ScheduleProjection projection, String blockId) {
        return projection.blocks().stream().filter(b -> b.blockId().equals(blockId)).findFirst()
                .map(BlockProjection::onlineDate).orElseThrow();
    }

    @Test
    void scenariosNeverChangeTheLivePlan() throws InterruptedException {
        // An hour between re-optimizations: any publication during the test would be one a scenario caused.
        live = new LivePlan(TestPortfolios.twoHalls(), publications::add, Duration.ofMillis(50),
                Duration.ofHours(1), 1).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !publications.isEmpty());
        Thread.sleep(300);
        Portfolio portfolioBefore = live.portfolio();
        String portfolioJsonBefore = PortfolioJson.toJson(portfolioBefore);
        Publication publicationBefore = live.latestPublication().orElseThrow();
        int publicationsBefore = publications.size();

        for (int i = 0; i < 3; i++) {
            Scenario scenario = Scenario.fork("late transformer " + i, live, List.of(
                    new ShipmentEtaChange("s" + i + "-eta", Instant.now(), "XFMR-1", DAY0.plusDays(40 + i * 5),
                            "what if"),
                    new PoolCapacityChange("s" + i + "-cap", Instant.now(), "ELEC",
                            CapacityAdjustment.delta(DAY0, DAY0.plusDays(5), -5, "what if")),
                    new ModeLever("s" + i + "-mode", Instant.now(), "overtime", false, null)));
            ScenarioResult result = ScenarioSolver.solve(scenario, Duration.ofMillis(500), 1);
            assertThat(result.applied().refused()).isEmpty();
            assertThat(online(result.projection(), "H1")).isAfter(online(publicationBefore.projection(), "H1"));
            assertThat(result.scenario().forkedAtVersion()).isEqualTo(publicationBefore.version());
        }

        assertThat(live.portfolio()).isSameAs(portfolioBefore);
        assertThat(PortfolioJson.toJson(live.portfolio())).isEqualTo(portfolioJsonBefore);
        assertThat(live.latestPublication().orElseThrow()).isSameAs(publicationBefore);
        assertThat(publications).hasSize(publicationsBefore);
    }

    @Test
    void aScenariosSchedulePassesTheIndependentChecker() {
        Portfolio portfolio = twoHallsWithLevers();
        PortfolioSolver.Outcome base = PortfolioSolver.solve(portfolio, Duration.ofMillis(500), 1, p -> { });
        Scenario scenario = Scenario.of("mix", portfolio, base.projection(), List.of(
                new ExpediteLever("x", null, "XFMR-1", DAY0.plusDays(12)),
                new HeadcountLever("h", null, "ELEC", DAY0.plusDays(2), DAY0.plusDays(30), 4),
                new ModeLever("m", null, "overtime", false, "S1"),
                new ContractDateLever("c", null, "H1", DAY0.plusDays(20)),
                new BlockValueLever("v", null, "H2", 2_000_000)));

        ScenarioResult result = ScenarioSolver.solve(scenario, Duration.ofMillis(800), 1);

        assertThat(result.applied().refused()).isEmpty();
        assertThat(result.projection().feasible()).isTrue();
        assertThat(IndependentScheduleChecker.violations(result.applied().portfolio(), result.projection()))
                .isEmpty();
        assertThat(result.projection().tasks()).allMatch(task -> !task.mode().equals("overtime"));
        // 8 days earlier at 20,000; 4 people for 29 days, no price in the portfolio.
        assertThat(result.applied().actions()).extracting(Scenario.Action::cost)
                .containsExactly(160_000L, 0L, 0L, 0L, 0L);
        assertThat(result.projection().shipments()).extracting(s -> s.arrivalDate())
                .containsExactly(DAY0.plusDays(12));
    }

    @Test
    void invalidChangesAreRefusedWithTheirReasonAndTheOthersApply() {
        Portfolio portfolio = twoHallsWithLevers();
        Scenario scenario = Scenario.of("bad", portfolio, null, List.of(
                new ExpediteLever("too-early", null, "XFMR-1", DAY0.plusDays(5)),
                new ExpediteLever("unknown", null, "NOPE", DAY0.plusDays(5)),
                new ShipmentEtaChange("fine", null, "XFMR-1", DAY0.plusDays(30), null)));

        Scenario.Applied applied = scenario.apply();

        assertThat(applied.accepted()).extracting(c -> c.eventId()).containsExactly("fine");
        assertThat(applied.refused()).extracting(r -> r.reason()).containsExactly(
                "shipment XFMR-1 cannot arrive before " + DAY0.plusDays(10) + ", not " + DAY0.plusDays(5),
                "unknown shipment NOPE");
        assertThat(applied.portfolio().shipments()).extracting(Shipment::promisedDate)
                .containsExactly(DAY0.plusDays(30));
        assertThat(portfolio.shipments()).extracting(Shipment::promisedDate).containsExactly(DAY0.plusDays(20));
    }
}
