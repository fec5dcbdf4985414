package io.timetocompute.scheduler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.portfolio.CapacityAdjustment;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.problem.ProblemCompiler;
import io.timetocompute.scheduler.problem.SchedulingProblem;
import io.timetocompute.scheduler.replanning.PoolCapacityChange;
import io.timetocompute.scheduler.replanning.PortfolioChange;
import io.timetocompute.scheduler.replanning.ShipmentEtaChange;

class CounterfactualRepairTest {

    private static final Portfolio PORTFOLIO = TestPortfolios.twoSites();
    private static final SchedulingProblem PROBLEM = ProblemCompiler.compile(PORTFOLIO);

    private static SchedulingProblem with(PortfolioChange change) {
        return ProblemCompiler.compile(change.replayOnto(PORTFOLIO));
    }

    @Test
    void laterDatesAndLessHeadcountOnlyTakeAwayEarlierDatesAndMoreHeadcountDoNot() {
        var later = new ShipmentEtaChange("e1", Instant.now(), "A-XFMR", TestPortfolios.DATA_DATE.plusDays(70), null);
        var earlier = new ShipmentEtaChange("e2", Instant.now(), "A-XFMR", TestPortfolios.DATA_DATE.plusDays(5), null);
        var outage = new PoolCapacityChange("e3", Instant.now(), "A-ELEC", new CapacityAdjustment(
                TestPortfolios.DATA_DATE, TestPortfolios.DATA_DATE.plusDays(9), 0, null, "heat"));
        var hiring = new PoolCapacityChange("e4", Instant.now(), "A-ELEC", new CapacityAdjustment(
                TestPortfolios.DATA_DATE, TestPortfolios.DATA_DATE.plusDays(9), null, 3, "hiring"));

        assertThat(CounterfactualRepair.onlyTakesAway(PROBLEM, PROBLEM)).isTrue();
        assertThat(CounterfactualRepair.onlyTakesAway(PROBLEM, with(later))).isTrue();
        assertThat(CounterfactualRepair.onlyTakesAway(PROBLEM, with(outage))).isTrue();
        assertThat(CounterfactualRepair.onlyTakesAway(PROBLEM, with(earlier))).isFalse();
        assertThat(CounterfactualRepair.onlyTakesAway(PROBLEM, with(hiring))).isFalse();
    }

    @Test
    void repairingToTheSameProblemKeepsTheScheduleAndARightShiftNeverStartsEarlier() {
        ActivityListSearch search = new ActivityListSearch(PROBLEM, 1);
        search.construct();
        int[] starts = search.bestStarts();
        int[] modes = search.bestModes();

        CounterfactualRepair.Result same = CounterfactualRepair.repair(PROBLEM, starts, modes, PROBLEM, false);
        assertThat(same.starts()).containsExactly(starts);

        SchedulingProblem strike = with(new PoolCapacityChange("e3", Instant.now(), "A-ELEC",
                new CapacityAdjustment(TestPortfolios.DATA_DATE, TestPortfolios.DATA_DATE.plusDays(60), 0, null,
                        "strike")));
        CounterfactualRepair.Result shifted = CounterfactualRepair.repair(PROBLEM, starts, modes, strike, true);
        boolean anyLater = false;
        for (int t = 0; t < starts.length; t++) {
            assertThat(shifted.starts()[t]).isGreaterThanOrEqualTo(starts[t]);
            anyLater |= shifted.starts()[t] > starts[t];
        }
        assertThat(anyLater).as("a strike on the pool in use moves its work").isTrue();
    }
}
