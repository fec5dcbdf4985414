package io.timetocompute.scheduler.portfolio;

/** How a task depends on its predecessor: which end of the predecessor constrains which end of the task. */
public enum DependencyType {
    /** finish-to-start: the task starts after the predecessor finished */
    FS,
    /** start-to-start: the task starts after the predecessor started */
    SS,
    /** finish-to-finish: the task finishes after the predecessor finished */
    FF,
    /** start-to-finish: the task finishes after the predecessor started */
    SF
}
