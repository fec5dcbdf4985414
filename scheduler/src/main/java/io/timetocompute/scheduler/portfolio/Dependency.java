package io.timetocompute.scheduler.portfolio;

/**
 * The task may start (FS, SS) or finish (FF, SF) only after its predecessor finished (FS, FF) or started (SS, SF),
 * plus a lag in work days of the task's calendar; a negative lag is a lead.
 */
public record Dependency(String taskId, DependencyType type, int lagDays) {

    public Dependency {
        type = type == null ? DependencyType.FS : type;
    }

    public static Dependency finishToStart(String taskId) {
        return new Dependency(taskId, DependencyType.FS, 0);
    }
}
