package io.timetocompute.scheduler.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;

/** Writes an engine schedule into the working solution, telling the score director about each changed variable. */
final class ScheduleWriter {

    private ScheduleWriter() {
    }

    static void write(ScoreDirector<PlanningSchedule> scoreDirector, int[] starts, int[] modes) {
        for (TaskAssignment task : scoreDirector.getWorkingSolution().getTasks()) {
            if (task.isPinned()) {
                continue;
            }
            int t = task.getIndex();
            if (task.getMode() == null || task.getMode() != modes[t]) {
                scoreDirector.beforeVariableChanged(task, "mode");
                task.setMode(modes[t]);
                scoreDirector.afterVariableChanged(task, "mode");
            }
            if (task.getStart() == null || task.getStart() != starts[t]) {
                scoreDirector.beforeVariableChanged(task, "start");
                task.setStart(starts[t]);
                scoreDirector.afterVariableChanged(task, "start");
            }
        }
        scoreDirector.triggerVariableListeners();
    }
}
