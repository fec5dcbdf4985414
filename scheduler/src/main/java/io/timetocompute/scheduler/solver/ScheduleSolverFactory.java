package io.timetocompute.scheduler.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * Timefold configuration: one construction step (a feasible schedule at once, or the repair of the last one), then
 * improvement slices until termination, all in one phase. The slices are many copies of one stateless command: the
 * search state lives in the working solution, so a problem change restarts from the repaired schedule.
 */
public final class ScheduleSolverFactory {

    /**
     * Slices of at least 100 ms: a quarter of an hour or more of continuous improvement, after which a daemon solver
     * waits for the next change. Timefold copies the list, so it must stay small: a list of a million references is
     * a humongous array per solver that the garbage collector reclaims late.
     */
    static final int IMPROVEMENT_SLICES = 10_000;

    private ScheduleSolverFactory() {
    }

    /**
     * @param limit how long one solve may run; null to run until terminated early (for a daemon solver)
     */
    public static SolverConfig config(Duration limit, long seed) {
        return config(limit, seed, () -> {
        }, new ImprovementGate());
    }

    /**
     * @param afterRepair called on the solver thread each time the construction step has built or repaired the
     *        schedule, before Timefold announces it: a live plan hands the solver its next changes then, because a
     *        change that arrives earlier restarts the solver before the repair has run
     * @param gate holds the improvement slices while work more urgent than a better plan runs
     */
    public static SolverConfig config(Duration limit, long seed, Runnable afterRepair, ImprovementGate gate) {
        TerminationConfig termination = new TerminationConfig();
        if (limit != null) {
            termination.setSpentLimit(limit);
        }
        return new SolverConfig()
                .withSolutionClass(PlanningSchedule.class)
                .withEntityClasses(TaskAssignment.class)
                .withConstraintProviderClass(ScheduleConstraintProvider.class)
                .withEnvironmentMode(EnvironmentMode.NON_REPRODUCIBLE)
                .withTerminationConfig(termination)
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommandList(steps(seed, afterRepair, gate)));
    }

    /**
     * One phase, not a construction phase and an improvement phase: between phases Timefold restarts the working
     * solution from the best one, which re-evaluates every task; on a 10,000-task portfolio that is a tenth of a
     * second added to every change a live solver takes in.
     */
    private static List<PhaseCommand<PlanningSchedule>> steps(long seed, Runnable afterRepair,
            ImprovementGate gate) {
        List<PhaseCommand<PlanningSchedule>> steps = new ArrayList<>(IMPROVEMENT_SLICES + 1);
        steps.add(new SgsConstructionCommand(seed, afterRepair));
        steps.addAll(Collections.nCopies(IMPROVEMENT_SLICES, new SgsImprovementCommand(100, 1000, gate)));
        return steps;
    }

    public static SolverFactory<PlanningSchedule> create(Duration limit, long seed) {
        return SolverFactory.create(config(limit, seed));
    }
}
