package io.timetocompute.scheduler.replanning;

import java.time.Instant;
import java.time.LocalDate;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskProgress;
import io.timetocompute.scheduler.portfolio.TaskStatus;

/**
 * The field reports progress: a task started, its remaining duration changed, or it finished. Reported work is
 * pinned. A report dated after the data date moves the data date to it: nothing can be planned before a day that
 * has already been reported on.
 */
public final class TaskProgressChange extends PortfolioChange {

    private final String taskId;
    private final TaskStatus status;
    private final LocalDate date;
    private final Integer remainingDays;
    private final String mode;

    private TaskProgressChange(String eventId, Instant occurredAt, String taskId, TaskStatus status, LocalDate date,
            Integer remainingDays, String mode) {
        super(eventId, occurredAt);
        this.taskId = taskId;
        this.status = status;
        this.date = date;
        this.remainingDays = remainingDays;
        this.mode = mode;
    }

    /** @param mode the mode being executed, or null for the planned one */
    public static TaskProgressChange started(String eventId, Instant occurredAt, String taskId, LocalDate startedOn,
            String mode) {
        return new TaskProgressChange(eventId, occurredAt, taskId, TaskStatus.IN_PROGRESS, startedOn, null, mode);
    }

    public static TaskProgressChange remaining(String eventId, Instant occurredAt, String taskId, LocalDate asOf,
            int remainingDays) {
        return new TaskProgressChange(eventId, occurredAt, taskId, TaskStatus.IN_PROGRESS, asOf, remainingDays, null);
    }

    public static TaskProgressChange completed(String eventId, Instant occurredAt, String taskId,
            LocalDate finishedOn) {
        return new TaskProgressChange(eventId, occurredAt, taskId, TaskStatus.DONE, finishedOn, 0, null);
    }

    @Override
    protected Portfolio applyTo(Portfolio portfolio) {
        if (date == null) {
            throw new InvalidChangeException("task " + taskId + ": the date is missing");
        }
        if (remainingDays != null && remainingDays < 0) {
            throw new InvalidChangeException("task " + taskId + ": remaining days " + remainingDays + " is negative");
        }
        Portfolio advanced = date.isAfter(portfolio.dataDate()) ? portfolio.withDataDate(date) : portfolio;
        return Changes.task(advanced, taskId, task -> task.withProgress(progress(task)));
    }

    private TaskProgress progress(Task task) {
        TaskProgress before = task.progressOrNotStarted();
        String modeName = mode != null ? mode : before.mode() != null ? before.mode() : task.modes().get(0).name();
        if (task.modeIndex(modeName) < 0) {
            throw new InvalidChangeException("task " + taskId + " has no mode " + modeName);
        }
        LocalDate actualStart = before.actualStart() != null ? before.actualStart() : date;
        if (status == TaskStatus.DONE) {
            if (date.isBefore(actualStart)) {
                throw new InvalidChangeException("task " + taskId + " cannot finish " + date + " before it started "
                        + actualStart);
            }
            return TaskProgress.done(modeName, actualStart, date);
        }
        if (before.status() == TaskStatus.DONE) {
            throw new InvalidChangeException("task " + taskId + " is already done");
        }
        int remaining = remainingDays != null ? remainingDays
                : before.remainingDays() != null ? before.remainingDays()
                : task.modes().get(task.modeIndex(modeName)).durationDays();
        return TaskProgress.inProgress(modeName, actualStart, remaining);
    }

    @Override
    public String kind() {
        return status == TaskStatus.DONE ? "task completed"
                : remainingDays != null ? "remaining duration updated" : "task started";
    }

    @Override
    public String subject() {
        return taskId;
    }

    @Override
    public String description() {
        return switch (kind()) {
            case "task completed" -> "task " + taskId + " completed " + date;
            case "remaining duration updated" -> "task " + taskId + " has " + remainingDays + " work day(s) left as of "
                    + date;
            default -> "task " + taskId + " started " + date;
        };
    }
}
