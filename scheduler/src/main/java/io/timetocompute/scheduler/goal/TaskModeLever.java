package io.timetocompute.scheduler.goal;

import java.time.Instant;
import java.util.List;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskMode;
import io.timetocompute.scheduler.portfolio.TaskStatus;
import io.timetocompute.scheduler.replanning.InvalidChangeException;
import io.timetocompute.scheduler.scenario.Lever;

/** Runs one task in a given mode (overtime, an extra crew) for what that mode costs. */
public final class TaskModeLever extends Lever {

    public static final String TYPE = "io.timetocompute.lever.task-mode.v1";

    private final String taskId;
    private final String mode;

    public TaskModeLever(String id, Instant occurredAt, String taskId, String mode) {
        super(id, occurredAt);
        this.taskId = taskId;
        this.mode = mode;
    }

    @Override
    protected Portfolio applyTo(Portfolio portfolio) {
        List<Task> tasks = portfolio.tasks().stream().map(task -> {
            if (!task.id().equals(taskId)) {
                return task;
            }
            if (task.progressOrNotStarted().status() != TaskStatus.NOT_STARTED) {
                throw new InvalidChangeException("task " + taskId + " has started; its mode is what the field does");
            }
            int index = task.modeIndex(mode);
            if (index < 0) {
                throw new InvalidChangeException("task " + taskId + " has no mode " + mode);
            }
            return new Task(task.id(), task.siteId(), task.name(), task.phase(), List.of(task.modes().get(index)),
                    task.predecessors(), task.materials(), task.requiresPower(), task.bringsOnline(),
                    task.progress());
        }).toList();
        if (tasks.stream().noneMatch(task -> task.id().equals(taskId))) {
            throw new InvalidChangeException("unknown task " + taskId);
        }
        return portfolio.withTasks(tasks);
    }

    @Override
    public long cost(Portfolio before) {
        return before.tasks().stream().filter(task -> task.id().equals(taskId)).findFirst()
                .map(task -> task.modes().get(Math.max(0, task.modeIndex(mode)))).map(TaskMode::cost).orElse(0L);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String kind() {
        return "task mode chosen";
    }

    @Override
    public String subject() {
        return taskId;
    }

    @Override
    public String description() {
        return "task " + taskId + " in mode " + mode;
    }
}
