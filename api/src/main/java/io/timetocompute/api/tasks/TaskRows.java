package io.timetocompute.api.tasks;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.TaskSchedule;

/** Builds task rows from a projection and the portfolio it was made from. */
public final class TaskRows {

    private static final String TASK_STEP = "TASK";

    private final Map<String, Task> tasksById;
    private final Map<String, Set<String>> drivingTasksBySite = new HashMap<>();

    public TaskRows(Portfolio portfolio, ScheduleProjection projection) {
        this.tasksById = portfolio.tasks().stream().collect(Collectors.toMap(Task::id, Function.identity()));
        for (ScheduleProjection.BlockProjection block : projection.blocks()) {
            Set<String> driving = drivingTasksBySite.computeIfAbsent(block.siteId(), site -> new HashSet<>());
            if (block.drivingPath() != null) {
                block.drivingPath().stream().filter(step -> TASK_STEP.equals(step.kind()))
                        .forEach(step -> driving.add(step.id()));
            }
        }
    }

    public List<TaskRow> rows(List<TaskSchedule> schedules, Predicate<TaskSchedule> which) {
        return schedules.stream().filter(which).map(this::row).toList();
    }

    public TaskRow row(TaskSchedule task) {
        boolean driving = drivingTasksBySite.getOrDefault(task.siteId(), Set.of()).contains(task.id());
        return new TaskRow(task.id(), task.siteId(), task.name(), task.phase(), task.mode(), task.status(),
                task.start(), task.finish(), task.durationDays(), task.totalFloatDays(), task.critical(), driving,
                poolIds(task));
    }

    /** @return the pools of the mode the task is scheduled in (none while an import is being published) */
    private List<String> poolIds(TaskSchedule schedule) {
        Task task = tasksById.get(schedule.id());
        if (task == null) {
            return List.of();
        }
        return task.modes().stream().filter(mode -> mode.name().equals(schedule.mode())).findFirst()
                .map(mode -> List.copyOf(mode.crew().keySet())).orElse(List.of());
    }
}
