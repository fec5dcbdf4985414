package io.timetocompute.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.portfolio.ComputeBlock;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.TaskMode;
import io.timetocompute.scheduler.replanning.InvalidChangeException;

class LeverTest {

    private static final LocalDate DAY0 = TestPortfolios.DATA_DATE;

    private static Portfolio withHiring() {
        Portfolio portfolio = TestPortfolios.twoHalls();
        return portfolio.withPools(portfolio.pools().stream().map(p -> p.withHiringTerms(14, 6, 800L)).toList());
    }

    @Test
    void headcountCostsPerPersonAndCalendarDayAndRespectsLeadTimeAndCeiling() {
        Portfolio portfolio = withHiring();
        HeadcountLever hire = new HeadcountLever("h", null, "ELEC", DAY0.plusDays(14), DAY0.plusDays(23), 3);

        Portfolio after = hire.replayOnto(portfolio);

        assertThat(hire.cost(portfolio)).isEqualTo(3 * 10 * 800L);
        LaborPool pool = after.pools().get(0);
        assertThat(pool.adjustments()).hasSize(1);
        assertThat(pool.adjustments().get(0).delta()).isEqualTo(3);
        assertThat(pool.costPerPersonDay()).isEqualTo(800L);
        assertThatThrownBy(() -> new HeadcountLever("early", null, "ELEC", DAY0.plusDays(13), DAY0.plusDays(20), 1)
                .replayOnto(portfolio)).isInstanceOf(InvalidChangeException.class).hasMessageContaining("lead time");
        assertThatThrownBy(() -> new HeadcountLever("many", null, "ELEC", DAY0.plusDays(20), DAY0.plusDays(30), 7)
                .replayOnto(portfolio)).isInstanceOf(InvalidChangeException.class).hasMessageContaining("at most 6");
        assertThat(new HeadcountLever("release", null, "ELEC", DAY0, DAY0.plusDays(5), -2).cost(portfolio))
                .isZero();
    }

    @Test
    void aLaterModeLeverWinsAndStartedWorkKeepsItsMode() {
        Portfolio portfolio = TestPortfolios.twoHalls();
        ModeLever forbid = new ModeLever("f", null, "overtime", false, null);
        ModeLever allow = new ModeLever("a", null, "overtime", true, "S1");

        assertThat(modesOf(ModeLever.applyAll(portfolio, List.of(forbid)), "H1-FIT")).containsExactly("standard");
        assertThat(modesOf(ModeLever.applyAll(portfolio, List.of(forbid, allow)), "H1-FIT"))
                .containsExactly("standard", "overtime");
        assertThat(modesOf(ModeLever.applyAll(portfolio, List.of(new ModeLever("s", null, "standard", false,
                null))), "PREP")).containsExactly("standard");
        assertThatThrownBy(() -> new ModeLever("x", null, "night-shift", false, null).replayOnto(portfolio))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("has a mode night-shift");
    }

    @Test
    void contractDateAndBlockValueReplaceOnlyTheirBlock() {
        Portfolio portfolio = TestPortfolios.twoHalls();

        Portfolio after = new BlockValueLever("v", null, "H2", 9)
                .replayOnto(new ContractDateLever("c", null, "H1", DAY0.plusDays(99)).replayOnto(portfolio));

        ComputeBlock h1 = Portfolios.block(after, "H1");
        ComputeBlock h2 = Portfolios.block(after, "H2");
        assertThat(h1.contractDate()).isEqualTo(DAY0.plusDays(99));
        assertThat(h1.valuePerDay()).isEqualTo(1_500_000);
        assertThat(h2.valuePerDay()).isEqualTo(9);
        assertThat(h2.contractDate()).isNull();
        assertThatThrownBy(() -> new BlockValueLever("v", null, "H9", 1).replayOnto(portfolio))
                .isInstanceOf(InvalidChangeException.class).hasMessage("unknown compute block H9");
    }

    private static List<String> modesOf(Portfolio portfolio, String taskId) {
        return portfolio.tasks().stream().filter(t -> t.id().equals(taskId)).findFirst().orElseThrow().modes()
                .stream().map(TaskMode::name).toList();
    }
}
