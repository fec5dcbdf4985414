package io.timetocompute.scheduler.portfolio;

/**
 * The task may start only after its predecessor finished (FS) or started (SS), plus a lag in work days.
 */
public record Dependency(String taskId, DependencyType type, int lagDays) {

    public Dependency {
        type = type == null ? DependencyType.FS : type;
    }

    public static Dependency finishToStart(String taskId) {
        return new Dependency(taskId, DependencyType.FS, 0);
    }
}
