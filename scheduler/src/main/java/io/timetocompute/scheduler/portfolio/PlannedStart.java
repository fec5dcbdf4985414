package io.timetocompute.scheduler.portfolio;

import java.time.LocalDate;

/** A task's start and mode as last published. */
public record PlannedStart(String taskId, LocalDate start, String mode) {
}
