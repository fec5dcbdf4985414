package io.timetocompute.scheduler.replanning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.solver.change.ProblemChange;
import ai.timefold.solver.core.api.solver.change.ProblemChangeDirector;

import io.timetocompute.scheduler.portfolio.InvalidPortfolioException;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.problem.ProblemCompiler;
import io.timetocompute.scheduler.problem.SchedulingProblem;
import io.timetocompute.scheduler.solver.AppliedChange;
import io.timetocompute.scheduler.solver.PlanningSchedule;
import io.timetocompute.scheduler.solver.TaskAssignment;

/**
 * A change to the portfolio that an event asks for, applied to the live solver as a Timefold problem change. Each
 * kind of change is a subclass that says how the portfolio changes; this class recompiles the problem and tells the
 * score director about every task, so that the constraints see the new shipment dates, headcounts or progress.
 * <p>
 * The {@link ReplanningService} first {@link #prepare prepares} a change against its own copy of the portfolio,
 * which validates it (an invalid change is refused before it reaches the solver) and compiles the new problem once.
 */
public abstract class PortfolioChange implements ProblemChange<PlanningSchedule> {

    private final String eventId;
    private final Instant occurredAt;
    private Portfolio preparedFrom;
    private SchedulingProblem prepared;

    protected PortfolioChange(String eventId, Instant occurredAt) {
        this.eventId = eventId;
        this.occurredAt = occurredAt == null ? Instant.now() : occurredAt;
    }

    /**
     * @return the portfolio after this change
     * @throws InvalidChangeException if it names something that does not exist or makes no sense
     */
    protected abstract Portfolio applyTo(Portfolio portfolio);

    /** @return what kind of change, e.g. "shipment ETA changed" */
    public abstract String kind();

    /** @return the id of the shipment, pool, task or site it is about */
    public abstract String subject();

    /** @return one sentence a planner reads in a timeline */
    public abstract String description();

    public String eventId() {
        return eventId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public AppliedChange record() {
        return new AppliedChange(eventId, kind(), subject(), description(), occurredAt);
    }

    /**
     * The portfolio after this change, not compiled: for replaying changes that were valid when first applied, where
     * compiling after each one would cost a restart minutes on a large portfolio.
     */
    public final Portfolio replayOnto(Portfolio portfolio) {
        return applyTo(portfolio);
    }

    /**
     * Applies the change to {@code portfolio} and compiles the result.
     *
     * @return the portfolio after the change
     * @throws InvalidChangeException if the change or the portfolio it leads to is invalid
     */
    final Portfolio prepare(Portfolio portfolio) {
        Portfolio next = applyTo(portfolio);
        try {
            prepared = ProblemCompiler.compile(next);
        } catch (InvalidPortfolioException e) {
            throw new InvalidChangeException(description() + ": " + e.getMessage());
        }
        preparedFrom = portfolio;
        return next;
    }

    @Override
    public final void doChange(PlanningSchedule working, ProblemChangeDirector director) {
        Portfolio current = working.getProblem().portfolio();
        SchedulingProblem problem = current == preparedFrom && prepared != null
                ? prepared : ProblemCompiler.compile(applyTo(current));
        for (TaskAssignment task : working.getTasks()) {
            director.changeProblemProperty(task, assignment -> assignment.rebind(problem));
            int t = task.getIndex();
            if (problem.pinned(t)) {
                // Work that started or finished is where the field says it is.
                if (task.getStart() == null || task.getStart() != problem.pinnedStart(t)) {
                    director.changeVariable(task, "start", assignment -> assignment.setStart(problem.pinnedStart(t)));
                }
                if (task.getMode() == null || task.getMode() != problem.pinnedMode(t)) {
                    director.changeVariable(task, "mode", assignment -> assignment.setMode(problem.pinnedMode(t)));
                }
            }
        }
        List<AppliedChange> applied = new ArrayList<>(working.appliedChanges());
        applied.add(record());
        working.replaceProblem(problem, applied);
    }

    @Override
    public String toString() {
        return kind() + " " + subject() + " (" + eventId + ")";
    }
}
