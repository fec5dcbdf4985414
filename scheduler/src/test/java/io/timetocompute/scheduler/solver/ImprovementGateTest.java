package io.timetocompute.scheduler.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class ImprovementGateTest {

    private final ImprovementGate gate = new ImprovementGate();

    @Test
    void staysHeldUntilEveryHoldIsReleasedOnce() {
        ImprovementGate.Hold first = gate.hold();
        ImprovementGate.Hold second = gate.hold();
        first.close();
        first.close();
        assertThat(gate.isHeld()).as("a hold released twice counts once").isTrue();
        second.close();
        assertThat(gate.isHeld()).isFalse();
    }

    @Test
    void aWaitingSliceGoesOnWhenTheLastHoldIsReleased() throws Exception {
        ImprovementGate.Hold hold = gate.hold();
        CompletableFuture<Void> slice = CompletableFuture.runAsync(() -> gate.awaitOpen(() -> false));
        Thread.sleep(200);
        assertThat(slice).isNotDone();
        hold.close();
        slice.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aWaitingSliceGoesOnWhenTheSolverHasSomethingElseToDo() throws Exception {
        gate.hold();
        AtomicBoolean changeArrived = new AtomicBoolean();
        CompletableFuture<Void> slice = CompletableFuture.runAsync(() -> gate.awaitOpen(changeArrived::get));
        Thread.sleep(200);
        assertThat(slice).isNotDone();
        changeArrived.set(true);
        slice.get(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        assertThat(gate.isHeld()).isTrue();
    }
}
