package io.timetocompute.scheduler.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskMode;
import io.timetocompute.scheduler.portfolio.TaskStatus;
import io.timetocompute.scheduler.replanning.InvalidChangeException;

/**
 * Allows or forbids a named mode ({@code overtime}, {@code extra-crew}...) on one site or on every site. Modes the
 * portfolio defines are allowed unless a lever forbids them; a later lever wins, so an allow undoes an earlier
 * forbid. A mode is never taken from work that has started in it, nor from a task that has no other mode.
 */
public final class ModeLever extends Lever {

    public static final String TYPE = "io.timetocompute.lever.mode.v1";

    private final String mode;
    private final boolean allowed;
    private final String siteId;

    /** @param siteId the site it applies to; null: every site */
    public ModeLever(String id, Instant occurredAt, String mode, boolean allowed, String siteId) {
        super(id, occurredAt);
        this.mode = mode;
        this.allowed = allowed;
        this.siteId = siteId;
    }

    /** On its own: forbidding removes the mode; allowing keeps what the portfolio defines. */
    @Override
    protected Portfolio applyTo(Portfolio portfolio) {
        return applyAll(portfolio, List.of(this));
    }

    /**
     * Applies mode levers to the modes {@code portfolio} defines, the last lever about a task's site and mode
     * deciding.
     */
    static Portfolio applyAll(Portfolio portfolio, List<ModeLever> levers) {
        for (ModeLever lever : levers) {
            lever.validate(portfolio);
        }
        List<Task> tasks = new ArrayList<>(portfolio.tasks().size());
        for (Task task : portfolio.tasks()) {
            List<TaskMode> kept = new ArrayList<>();
            String startedIn = task.progressOrNotStarted().status() == TaskStatus.NOT_STARTED ? null
                    : task.progressOrNotStarted().mode();
            for (TaskMode mode : task.modes()) {
                if (mode.name().equals(startedIn) || allowed(levers, task.siteId(), mode.name())) {
                    kept.add(mode);
                }
            }
            tasks.add(kept.size() == task.modes().size() || kept.isEmpty() ? task
                    : new Task(task.id(), task.siteId(), task.name(), task.phase(), kept, task.predecessors(),
                            task.materials(), task.requiresPower(), task.bringsOnline(), task.progress()));
        }
        return portfolio.withTasks(tasks);
    }

    private static boolean allowed(List<ModeLever> levers, String siteId, String mode) {
        boolean allowed = true;
        for (ModeLever lever : levers) {
            if (lever.mode.equals(mode) && (lever.siteId == null || lever.siteId.equals(siteId))) {
                allowed = lever.allowed;
            }
        }
        return allowed;
    }

    private void validate(Portfolio portfolio) {
        if (mode == null || mode.isBlank()) {
            throw new InvalidChangeException("mode lever " + eventId() + ": the mode is missing");
        }
        if (siteId != null && portfolio.sites().stream().noneMatch(site -> site.id().equals(siteId))) {
            throw new InvalidChangeException("unknown site " + siteId);
        }
        boolean defined = portfolio.tasks().stream()
                .filter(task -> siteId == null || task.siteId().equals(siteId))
                .anyMatch(task -> task.modeIndex(mode) >= 0);
        if (!defined) {
            throw new InvalidChangeException("no task " + (siteId == null ? "" : "of site " + siteId + " ")
                    + "has a mode " + mode);
        }
    }

    /** Mode costs are counted where a mode is chosen (the schedule's mode cost), not for allowing it. */
    @Override
    public long cost(Portfolio before) {
        return 0;
    }

    public String mode() {
        return mode;
    }

    public boolean allowed() {
        return allowed;
    }

    public String siteId() {
        return siteId;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String kind() {
        return allowed ? "mode allowed" : "mode forbidden";
    }

    @Override
    public String subject() {
        return siteId == null ? mode : siteId + "/" + mode;
    }

    @Override
    public String description() {
        return "mode " + mode + (allowed ? " allowed" : " forbidden") + (siteId == null ? " on every site"
                : " on site " + siteId);
    }
}
