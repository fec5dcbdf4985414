package io.timetocompute.scheduler.solver;

import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import io.timetocompute.scheduler.engine.ActivityListSearch;

/**
 * One slice of improvement: runs the activity-list search until it finds a better schedule (after at least a
 * minimum time, so that the solver is not flooded with tiny improvements) or a maximum time passes. Each slice is a
 * Timefold step, so every improvement becomes a best-solution event that listeners can publish. A slice waits while
 * its {@link ImprovementGate} is held, and ends early when it gets held.
 */
final class SgsImprovementCommand implements PhaseCommand<PlanningSchedule> {

    private final long minSliceMillis;
    private final long maxSliceMillis;
    private final ImprovementGate gate;

    SgsImprovementCommand(long minSliceMillis, long maxSliceMillis, ImprovementGate gate) {
        this.minSliceMillis = minSliceMillis;
        this.maxSliceMillis = maxSliceMillis;
        this.gate = gate;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<PlanningSchedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        ActivityListSearch search = scoreDirector.getWorkingSolution().search();
        if (search == null) {
            return;
        }
        gate.awaitOpen(isPhaseTerminated);
        if (isPhaseTerminated.getAsBoolean()) {
            return;
        }
        if (search.improve(() -> isPhaseTerminated.getAsBoolean() || gate.isHeld(), minSliceMillis,
                maxSliceMillis)) {
            ScheduleWriter.write(scoreDirector, search.bestStarts(), search.bestModes());
        }
    }
}
