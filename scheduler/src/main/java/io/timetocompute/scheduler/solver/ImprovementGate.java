package io.timetocompute.scheduler.solver;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Lets work that is more urgent than a better plan hold the solver's improvement slices, never its repairs. Event
 * ingestion holds it while a batch is read, applied and recorded: under a backlog of events every batch restarts the
 * solve anyway, and on a machine with few cores improving a plan that the next batch replaces would take the core
 * the backlog needs. Between batches, and whenever no events come, the solver improves as before.
 */
public final class ImprovementGate {

    /** How often a held slice looks again; a change that arrives meanwhile ends its wait at once. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicInteger holds = new AtomicInteger();

    /** Released by closing it; holds of several callers add up and the gate opens when the last is released. */
    @FunctionalInterface
    public interface Hold extends AutoCloseable {

        @Override
        void close();
    }

    public Hold hold() {
        holds.incrementAndGet();
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                holds.decrementAndGet();
            }
        };
    }

    public boolean isHeld() {
        return holds.get() > 0;
    }

    /** Waits while the gate is held, unless {@code stop} says the solver has something else to do. */
    void awaitOpen(BooleanSupplier stop) {
        while (isHeld() && !stop.getAsBoolean()) {
            LockSupport.parkNanos(RECHECK_NANOS);
        }
    }
}
