package io.timetocompute.scheduler.portfolio;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One way to execute a task.
 *
 * @param durationDays work days (0: a milestone)
 * @param crew headcount needed from each labor pool on every work day of the task
 * @param cost money this mode costs (overtime premiums, an extra crew's mobilization...)
 * @param budgetUse consumption of non-renewable budgets (e.g. a site's overtime allowance), by budget id
 */
public record TaskMode(String name, int durationDays, Map<String, Integer> crew, long cost,
        Map<String, Integer> budgetUse) {

    public TaskMode {
        // Sorted by id, so that the same mode always serializes the same way.
        crew = crew == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(crew));
        budgetUse = budgetUse == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(budgetUse));
    }
}
