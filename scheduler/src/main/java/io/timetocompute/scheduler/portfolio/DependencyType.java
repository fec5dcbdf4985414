package io.timetocompute.scheduler.portfolio;

public enum DependencyType {
    /** finish-to-start */
    FS,
    /** start-to-start */
    SS
}
