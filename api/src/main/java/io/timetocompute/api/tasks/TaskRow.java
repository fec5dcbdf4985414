package io.timetocompute.api.tasks;

import java.time.LocalDate;
import java.util.List;

/**
 * A task as scheduled in the latest publication.
 *
 * @param durationDays work days; for work in progress, what remains
 * @param onDrivingPath the task is a step of the driving path of one of its site's blocks
 * @param poolIds the labor pools the scheduled mode draws crews from
 */
public record TaskRow(String id, String siteId, String name, String phase, String mode, String status,
        LocalDate start, LocalDate finish, int durationDays, int totalFloatDays, boolean critical,
        boolean onDrivingPath, List<String> poolIds) {
}
