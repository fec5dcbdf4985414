package io.timetocompute.scheduler.solver;

import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import io.timetocompute.scheduler.engine.ActivityListSearch;

/**
 * First step of every solve: a feasible schedule at once. From scratch it decodes priority-rule activity lists;
 * after a problem change it repairs the last schedule, keeping its order and modes, so dates move only where the
 * change forces them to.
 */
final class SgsConstructionCommand implements PhaseCommand<PlanningSchedule> {

    private final long seed;
    private final Runnable afterRepair;

    SgsConstructionCommand(long seed, Runnable afterRepair) {
        this.seed = seed;
        this.afterRepair = afterRepair;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<PlanningSchedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        PlanningSchedule schedule = scoreDirector.getWorkingSolution();
        ActivityListSearch search = new ActivityListSearch(schedule.getProblem(), seed);
        if (schedule.fullyAssigned()) {
            search.warmStart(schedule.starts(), schedule.modes());
        } else {
            search.construct();
        }
        schedule.search(search);
        ScheduleWriter.write(scoreDirector, search.bestStarts(), search.bestModes());
        schedule.repaired();
        afterRepair.run();
    }
}
