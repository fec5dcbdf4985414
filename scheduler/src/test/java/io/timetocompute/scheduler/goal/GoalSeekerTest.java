package io.timetocompute.scheduler.goal;

import static io.timetocompute.scheduler.goal.GoalPortfolios.DAY0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.IndependentScheduleChecker;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.solver.PortfolioSolver;

class GoalSeekerTest {

    private static Portfolio portfolio;
    private static ScheduleProjection live;

    @BeforeAll
    static void solveTheLivePlan() {
        portfolio = GoalPortfolios.oneHall();
        live = PortfolioSolver.solve(portfolio, Duration.ofMillis(500), 1, p -> { }).projection();
        assertThat(live.blocks().get(0).onlineDate()).isEqualTo(DAY0.plusDays(47));
    }

    private static GoalResult seek(int byDay) {
        return GoalSeeker.seek(portfolio, live, GoalObjective.blockBy("H1", DAY0.plusDays(byDay)),
                Duration.ofSeconds(5), 1);
    }

    @Test
    void findsTheCheapestSingleAction() {
        GoalResult result = seek(40);

        assertThat(result.reached()).isTrue();
        assertThat(result.bestDate()).isEqualTo(DAY0.plusDays(40));
        assertThat(result.actions()).singleElement().satisfies(action -> {
            assertThat(action.description()).isEqualTo("shipment XFMR expedited to " + DAY0.plusDays(33));
            assertThat(action.cost()).isEqualTo(70_000);
            assertThat(action.daysGained()).isEqualTo(Map.of("H1", 7L));
        });
        assertThat(result.totalCost()).isEqualTo(70_000);
        assertThat(result.blocks()).singleElement().satisfies(block -> {
            assertThat(block.before()).isEqualTo(DAY0.plusDays(47));
            assertThat(block.after()).isEqualTo(DAY0.plusDays(40));
            assertThat(block.deltaDays()).isEqualTo(-7);
        });
    }

    @Test
    void findsTheCheapestPairWhenNoSingleActionReaches() {
        GoalResult result = seek(36);

        assertThat(result.reached()).isTrue();
        assertThat(result.bestDate()).isEqualTo(DAY0.plusDays(36));
        assertThat(result.actions()).extracting(GoalResult.GoalAction::description).containsExactlyInAnyOrder(
                "shipment XFMR expedited to " + DAY0.plusDays(31), "task ENERGIZE in mode overtime");
        assertThat(result.totalCost()).isEqualTo(140_000);
        // Without the expediting the hall would be online on day 45, without the overtime on day 38.
        assertThat(result.actions()).extracting(GoalResult.GoalAction::daysGained)
                .containsExactlyInAnyOrder(Map.of("H1", 9L), Map.of("H1", 2L));
    }

    @Test
    void reportsTheBestReachableDateAndWhatStopsIt() {
        GoalResult result = seek(30);

        assertThat(result.reached()).isFalse();
        assertThat(result.bestDate()).isEqualTo(DAY0.plusDays(35));
        assertThat(result.stoppedBy()).contains("shipment XFMR's earliest date " + DAY0.plusDays(30));
        assertThat(result.actions()).extracting(GoalResult.GoalAction::description).containsExactlyInAnyOrder(
                "shipment XFMR expedited to " + DAY0.plusDays(30), "task ENERGIZE in mode overtime");
    }

    @Test
    void theAnswersScheduleIsFeasible() {
        GoalContext context = new GoalContext(portfolio, live, GoalObjective.blockBy("H1", DAY0.plusDays(36)),
                GoalSeeker.candidates(portfolio, live, GoalObjective.blockBy("H1", DAY0.plusDays(36))), 1);
        int[] levels = new int[context.candidates().size()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = context.candidates().get(i).maxLevel();
        }

        GoalContext.Scheduled scheduled = context.schedule(levels);

        assertThat(IndependentScheduleChecker.violations(scheduled.portfolio(), scheduled.projection())).isEmpty();
        assertThat(context.candidates()).extracting(Object::getClass).containsExactly(Candidate.Expedite.class,
                Candidate.Hire.class, Candidate.Mode.class);
    }
}
