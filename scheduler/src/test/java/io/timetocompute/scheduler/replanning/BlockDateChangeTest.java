package io.timetocompute.scheduler.replanning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.replanning.LivePlan.BlockDateChange;
import io.timetocompute.scheduler.replanning.LivePlan.EventShare;
import io.timetocompute.scheduler.solver.AppliedChange;

class BlockDateChangeTest {

    private static final LocalDate OLD = LocalDate.of(2029, 4, 24);
    private static final AppliedChange HEAT = new AppliedChange("e1", "labor capacity changed", "NO1-ELEC",
            "pool NO1-ELEC headcount set to 0 (extreme heat)", Instant.EPOCH);
    private static final AppliedChange SHIP = new AppliedChange("e2", "shipment ETA changed", "X1",
            "shipment X1 now expected 2029-01-02", Instant.EPOCH);

    private static BlockDateChange change(long delta, List<AppliedChange> causes, long effect, List<EventShare> shares,
            Long interaction) {
        return new BlockDateChange("S", "B", 10, OLD, OLD.plusDays(delta), delta, causes, effect, delta - effect,
                shares, interaction);
    }

    @Test
    void aMoveNoEventCausedIsReoptimization() {
        assertThat(change(-71, List.of(), 0, List.of(), null).explanation()).isEqualTo("re-optimization");
    }

    @Test
    void anEventsEffectAndTheImprovementPublishedWithItAreToldApart() {
        assertThat(change(-68, List.of(HEAT), 3, List.of(), null).explanation())
                .isEqualTo("pool NO1-ELEC headcount set to 0 (extreme heat) (+3 d); re-optimization -71 d");
        assertThat(change(3, List.of(HEAT), 3, List.of(), null).explanation())
                .isEqualTo("pool NO1-ELEC headcount set to 0 (extreme heat)");
    }

    @Test
    void sharesAreStatedWhenComputedAndJointCausesNamedTogetherOtherwise() {
        BlockDateChange shared = change(8, List.of(HEAT, SHIP), 8,
                List.of(new EventShare("e1", 3), new EventShare("e2", 6)), -1L);
        assertThat(shared.jointCauses()).isFalse();
        assertThat(shared.explanation()).isEqualTo("pool NO1-ELEC headcount set to 0 (extreme heat) (+3 d); "
                + "shipment X1 now expected 2029-01-02 (+6 d); their interaction -1 d");

        BlockDateChange joint = change(8, List.of(HEAT, SHIP), 8, List.of(), null);
        assertThat(joint.jointCauses()).isTrue();
        assertThat(joint.explanation()).startsWith("together (+8 d): pool NO1-ELEC");
    }
}
