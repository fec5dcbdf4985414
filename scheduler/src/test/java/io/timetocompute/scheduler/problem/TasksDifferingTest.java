package io.timetocompute.scheduler.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.portfolio.CapacityAdjustment;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.replanning.PoolCapacityChange;
import io.timetocompute.scheduler.replanning.PortfolioChange;
import io.timetocompute.scheduler.replanning.PowerDateChange;
import io.timetocompute.scheduler.replanning.ShipmentEtaChange;
import io.timetocompute.scheduler.replanning.TaskProgressChange;

/** A live change re-evaluates only the tasks whose facts differ: exactly those, and every one of them. */
class TasksDifferingTest {

    private static final LocalDate DAY0 = TestPortfolios.DATA_DATE;
    private final Portfolio portfolio = TestPortfolios.twoSites();
    private final SchedulingProblem before = ProblemCompiler.compile(portfolio);

    private List<String> differingAfter(PortfolioChange change) {
        SchedulingProblem after = ProblemCompiler.compile(change.replayOnto(portfolio));
        BitSet differing = after.tasksDifferingFrom(before);
        return differing.stream().mapToObj(after::taskId).toList();
    }

    @Test
    void aRecompiledButUnchangedPortfolioDiffersInNoTask() {
        assertThat(ProblemCompiler.compile(portfolio).tasksDifferingFrom(before).isEmpty()).isTrue();
    }

    @Test
    void aShipmentsNewDateConcernsOnlyTheTasksThatNeedIt() {
        assertThat(differingAfter(new ShipmentEtaChange("e", Instant.now(), "A-XFMR", DAY0.plusDays(70), null)))
                .containsExactly("A-H1-ENERGIZE");
    }

    @Test
    void aPoolsNewHeadcountConcernsEveryTaskThatMayUseThePool() {
        assertThat(differingAfter(new PoolCapacityChange("e", Instant.now(), "A-ELEC",
                CapacityAdjustment.absolute(DAY0.plusDays(10), DAY0.plusDays(20), 5, "strike"))))
                .containsExactlyInAnyOrder("A-H1-ENERGIZE", "A-H2-FIT");
    }

    @Test
    void aSitesPowerDateConcernsItsEnergization() {
        assertThat(differingAfter(new PowerDateChange("e", Instant.now(), "B", DAY0.plusDays(90))))
                .containsExactly("B-H1-ENERGIZE");
    }

    @Test
    void reportedProgressConcernsTheTaskThatStarted() {
        assertThat(differingAfter(TaskProgressChange.started("e", Instant.now(), "B-PREP", DAY0, null)))
                .containsExactly("B-PREP");
    }
}
