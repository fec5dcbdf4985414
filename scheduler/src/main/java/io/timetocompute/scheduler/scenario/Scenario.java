package io.timetocompute.scheduler.scenario;

import java.util.ArrayList;
import java.util.List;

import io.timetocompute.scheduler.portfolio.InvalidPortfolioException;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.problem.ProblemCompiler;
import io.timetocompute.scheduler.problem.SchedulingProblem;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.replanning.InvalidChangeException;
import io.timetocompute.scheduler.replanning.LivePlan;
import io.timetocompute.scheduler.replanning.PortfolioChange;
import io.timetocompute.scheduler.replanning.RefusedChange;

/**
 * A named fork of a portfolio and its schedule, plus hypothetical changes: events of any inbound type (as the
 * {@link PortfolioChange}s the live plan takes) and {@link Lever}s. A scenario is a value: forking reads the live
 * plan's portfolio and latest schedule, and nothing a scenario does reaches the live plan.
 *
 * @param forkedAtVersion the live plan's publication version it was forked from (0: not forked from a live plan)
 */
public record Scenario(String name, Portfolio portfolio, ScheduleProjection schedule, long forkedAtVersion,
        List<PortfolioChange> changes) {

    public Scenario {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a scenario needs a name");
        }
        changes = List.copyOf(changes);
    }

    /**
     * Forks the live plan at its latest publication.
     *
     * @throws IllegalStateException if the live plan has published nothing yet
     */
    public static Scenario fork(String name, LivePlan live, List<PortfolioChange> changes) {
        LivePlan.Publication publication = live.latestPublication()
                .orElseThrow(() -> new IllegalStateException("the live plan has no schedule yet"));
        return new Scenario(name, live.portfolio(), publication.projection(), publication.version(), changes);
    }

    /** Forks a portfolio and a schedule of it that are not a live plan (a file, a baseline). */
    public static Scenario of(String name, Portfolio portfolio, ScheduleProjection schedule,
            List<PortfolioChange> changes) {
        return new Scenario(name, portfolio, schedule, 0, changes);
    }

    /**
     * The portfolio with the changes applied in order: one that cannot apply is refused with its reason and the
     * others still apply, as on the live plan. Mode levers apply last, to the modes the portfolio defines, so that
     * a later one can undo an earlier one.
     */
    public Applied apply() {
        Portfolio current = portfolio;
        List<PortfolioChange> accepted = new ArrayList<>();
        List<RefusedChange> refused = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        List<ModeLever> modeLevers = new ArrayList<>();
        for (PortfolioChange change : changes) {
            if (change instanceof ModeLever mode) {
                modeLevers.add(mode);
                continue;
            }
            try {
                Portfolio next = change.replayOnto(current);
                if (change instanceof Lever lever) {
                    actions.add(Action.of(lever, current));
                }
                current = next;
                accepted.add(change);
            } catch (InvalidChangeException e) {
                refused.add(new RefusedChange(change, e.getMessage()));
            }
        }
        List<ModeLever> acceptedModes = new ArrayList<>();
        for (ModeLever lever : modeLevers) {
            try {
                ModeLever.applyAll(current, List.of(lever));
                acceptedModes.add(lever);
                accepted.add(lever);
                actions.add(Action.of(lever, current));
            } catch (InvalidChangeException e) {
                refused.add(new RefusedChange(lever, e.getMessage()));
            }
        }
        Portfolio result = acceptedModes.isEmpty() ? current : ModeLever.applyAll(current, acceptedModes);
        try {
            // Compiling a large portfolio takes a while: once for all the changes, as the live plan does.
            return new Applied(result, List.copyOf(accepted), List.copyOf(refused), List.copyOf(actions),
                    ProblemCompiler.compile(result));
        } catch (InvalidPortfolioException e) {
            return oneByOne();
        }
    }

    /**
     * The rare set of changes, each valid on its own, that leaves the portfolio inconsistent: compiling after
     * every change finds which ones to refuse.
     */
    private Applied oneByOne() {
        Portfolio current = portfolio;
        SchedulingProblem compiled = ProblemCompiler.compile(portfolio);
        List<PortfolioChange> accepted = new ArrayList<>();
        List<RefusedChange> refused = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        List<ModeLever> modeLevers = new ArrayList<>();
        List<PortfolioChange> ordered = new ArrayList<>(changes.stream()
                .filter(change -> !(change instanceof ModeLever)).toList());
        changes.stream().filter(ModeLever.class::isInstance).forEach(ordered::add);
        Portfolio withoutModes = portfolio;
        for (PortfolioChange change : ordered) {
            try {
                Portfolio next;
                if (change instanceof ModeLever mode) {
                    List<ModeLever> candidate = new ArrayList<>(modeLevers);
                    candidate.add(mode);
                    next = ModeLever.applyAll(withoutModes, candidate);
                } else {
                    next = change.replayOnto(current);
                }
                SchedulingProblem problem = ProblemCompiler.compile(next);
                if (change instanceof Lever lever) {
                    actions.add(Action.of(lever, current));
                }
                if (change instanceof ModeLever mode) {
                    modeLevers.add(mode);
                } else {
                    withoutModes = next;
                }
                current = next;
                compiled = problem;
                accepted.add(change);
            } catch (InvalidChangeException | InvalidPortfolioException e) {
                refused.add(new RefusedChange(change, e.getMessage()));
            }
        }
        return new Applied(current, List.copyOf(accepted), List.copyOf(refused), List.copyOf(actions), compiled);
    }

    /**
     * @param actions the levers taken, with their costs
     * @param problem {@code portfolio} compiled
     */
    public record Applied(Portfolio portfolio, List<PortfolioChange> accepted, List<RefusedChange> refused,
            List<Action> actions, SchedulingProblem problem) {

        public long leverCost() {
            return actions.stream().mapToLong(Action::cost).sum();
        }
    }

    /** A lever taken, and what it costs. */
    public record Action(String id, String type, String kind, String subject, String description, long cost) {

        static Action of(Lever lever, Portfolio before) {
            return new Action(lever.eventId(), lever.type(), lever.kind(), lever.subject(), lever.description(),
                    lever.cost(before));
        }
    }
}
