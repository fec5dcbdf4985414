package io.timetocompute.scheduler.portfolio;

public enum TaskStatus {
    NOT_STARTED,
    IN_PROGRESS,
    DONE
}
