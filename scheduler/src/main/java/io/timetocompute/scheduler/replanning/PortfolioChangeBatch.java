package io.timetocompute.scheduler.replanning;

import java.util.ArrayList;
import java.util.BitSet;
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
 * Changes applied to the live solver together, as one Timefold problem change: they are applied to the portfolio in
 * order, the problem is compiled once, and the score director hears only about the tasks whose facts differ in the
 * recompiled problem, so that a burst of events costs one recompilation rather than one per event. Each change keeps
 * its own {@link AppliedChange} record, so a moved date still names every event behind it.
 * <p>
 * {@link #prepare} validates every change against the portfolio before anything reaches the solver: an invalid
 * change is refused and left out, and the others still apply.
 */
final class PortfolioChangeBatch implements ProblemChange<PlanningSchedule> {

    private final Portfolio preparedFrom;
    private final Portfolio result;
    private final SchedulingProblem compiled;
    private final List<PortfolioChange> accepted;
    private final List<RefusedChange> refused;

    private PortfolioChangeBatch(Portfolio preparedFrom, Portfolio result, SchedulingProblem compiled,
            List<PortfolioChange> accepted, List<RefusedChange> refused) {
        this.preparedFrom = preparedFrom;
        this.result = result;
        this.compiled = compiled;
        this.accepted = accepted;
        this.refused = refused;
    }

    /** Applies the changes in order to {@code portfolio}, refusing the ones that cannot apply, and compiles once. */
    static PortfolioChangeBatch prepare(Portfolio portfolio, List<PortfolioChange> changes) {
        List<PortfolioChange> accepted = new ArrayList<>();
        List<RefusedChange> refused = new ArrayList<>();
        Portfolio current = portfolio;
        for (PortfolioChange change : changes) {
            try {
                current = change.applyTo(current);
                accepted.add(change);
            } catch (InvalidChangeException e) {
                refused.add(new RefusedChange(change, e.getMessage()));
            }
        }
        try {
            return new PortfolioChangeBatch(portfolio, current, ProblemCompiler.compile(current), accepted, refused);
        } catch (InvalidPortfolioException e) {
            return prepareOneByOne(portfolio, accepted, refused);
        }
    }

    /**
     * The rare batch whose result does not compile (a change valid on its own that leaves the portfolio
     * inconsistent): compiling after every change finds which ones to refuse.
     */
    private static PortfolioChangeBatch prepareOneByOne(Portfolio portfolio, List<PortfolioChange> candidates,
            List<RefusedChange> refusedBefore) {
        List<PortfolioChange> accepted = new ArrayList<>();
        List<RefusedChange> refused = new ArrayList<>(refusedBefore);
        Portfolio current = portfolio;
        SchedulingProblem compiled = ProblemCompiler.compile(portfolio);
        for (PortfolioChange change : candidates) {
            Portfolio next = change.applyTo(current);
            try {
                compiled = ProblemCompiler.compile(next);
                current = next;
                accepted.add(change);
            } catch (InvalidPortfolioException e) {
                refused.add(new RefusedChange(change, change.description() + ": " + e.getMessage()));
            }
        }
        return new PortfolioChangeBatch(portfolio, current, compiled, accepted, refused);
    }

    /**
     * Batches prepared one after the other (each on the result of the one before) as one problem change: the
     * problem compiled last already holds all of them. Their refusals were answered when each was submitted.
     */
    static PortfolioChangeBatch combine(List<PortfolioChangeBatch> batches) {
        PortfolioChangeBatch first = batches.get(0);
        PortfolioChangeBatch last = batches.get(batches.size() - 1);
        List<PortfolioChange> accepted = new ArrayList<>();
        batches.forEach(batch -> accepted.addAll(batch.accepted));
        return new PortfolioChangeBatch(first.preparedFrom, last.result, last.compiled, accepted, List.of());
    }

    Portfolio result() {
        return result;
    }

    /** the changes that apply, in order */
    List<PortfolioChange> accepted() {
        return List.copyOf(accepted);
    }

    boolean changesAnything() {
        return !accepted.isEmpty();
    }

    List<RefusedChange> refused() {
        return List.copyOf(refused);
    }

    @Override
    public void doChange(PlanningSchedule working, ProblemChangeDirector director) {
        Portfolio current = working.getProblem().portfolio();
        SchedulingProblem problem = current == preparedFrom ? compiled : ProblemCompiler.compile(applyAll(current));
        BitSet differing = problem.tasksDifferingFrom(working.getProblem());
        for (TaskAssignment task : working.getTasks()) {
            int t = task.getIndex();
            if (differing.get(t)) {
                director.changeProblemProperty(task, assignment -> assignment.rebind(problem));
            } else {
                // Its facts are the same in both problems, so every constraint scores it as before: telling the
                // score director would re-evaluate all 10,000 tasks of a large portfolio for a change to one.
                task.rebind(problem);
            }
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
        accepted.forEach(change -> applied.add(change.record()));
        working.replaceProblem(problem, applied);
    }

    /** The accepted changes onto a portfolio other than the one they were prepared on (they were valid there). */
    private Portfolio applyAll(Portfolio portfolio) {
        Portfolio current = portfolio;
        for (PortfolioChange change : accepted) {
            current = change.applyTo(current);
        }
        return current;
    }

    @Override
    public String toString() {
        return accepted.size() + " change(s), first " + (accepted.isEmpty() ? "none" : accepted.get(0));
    }
}
