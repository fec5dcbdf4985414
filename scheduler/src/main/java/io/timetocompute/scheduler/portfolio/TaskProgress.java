package io.timetocompute.scheduler.portfolio;

import java.time.LocalDate;

/**
 * What has happened to a task up to the data date. Started and finished work is pinned: the solver cannot move it.
 *
 * @param mode name of the mode being executed (null: the first)
 * @param remainingDays work days left from the data date, for work in progress
 */
public record TaskProgress(TaskStatus status, String mode, LocalDate actualStart, Integer remainingDays,
        LocalDate actualFinish) {

    public static final TaskProgress NOT_STARTED = new TaskProgress(TaskStatus.NOT_STARTED, null, null, null, null);

    public TaskProgress {
        status = status == null ? TaskStatus.NOT_STARTED : status;
    }

    public static TaskProgress inProgress(String mode, LocalDate actualStart, int remainingDays) {
        return new TaskProgress(TaskStatus.IN_PROGRESS, mode, actualStart, remainingDays, null);
    }

    public static TaskProgress done(String mode, LocalDate actualStart, LocalDate actualFinish) {
        return new TaskProgress(TaskStatus.DONE, mode, actualStart, 0, actualFinish);
    }

    public boolean pinned() {
        return status != TaskStatus.NOT_STARTED;
    }
}
