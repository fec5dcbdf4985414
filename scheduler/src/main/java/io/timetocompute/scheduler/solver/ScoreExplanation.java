package io.timetocompute.scheduler.solver;

import java.util.Comparator;
import java.util.List;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;

import io.timetocompute.scheduler.solver.Justifications.Explained;

/**
 * Which constraints cost what in a schedule, most expensive first, each with its costliest matches in words.
 *
 * @param score the whole score, hard/medium/soft
 */
public record ScoreExplanation(String score, boolean feasible, List<ConstraintCost> constraints) {

    /**
     * @param matchCount how many matches the constraint has in all
     * @param topMatches the costliest matches, at most the requested number
     */
    public record ConstraintCost(String constraint, String score, int matchCount, List<Match> topMatches) {
    }

    public record Match(String score, String description) {
    }

    public static ScoreExplanation of(SolverFactory<PlanningSchedule> factory, PlanningSchedule schedule,
            int matchesPerConstraint) {
        ScoreAnalysis<HardMediumSoftLongScore> analysis = SolutionManager.<PlanningSchedule, HardMediumSoftLongScore>create(factory)
                .analyze(schedule);
        List<ConstraintCost> costs = analysis.constraintAnalyses().stream()
                .filter(constraint -> !constraint.score().isZero())
                .sorted(Comparator.comparing(ConstraintAnalysis<HardMediumSoftLongScore>::score))
                .map(constraint -> cost(constraint, matchesPerConstraint))
                .toList();
        return new ScoreExplanation(analysis.score().toString(), analysis.score().isFeasible(), costs);
    }

    private static ConstraintCost cost(ConstraintAnalysis<HardMediumSoftLongScore> constraint, int limit) {
        List<Match> top = constraint.matches() == null ? List.of() : constraint.matches().stream()
                .sorted(Comparator.comparing(match -> match.score()))
                .limit(limit)
                .map(match -> new Match(match.score().toString(), match.justification() instanceof Explained explained
                        ? explained.description() : String.valueOf(match.justification())))
                .toList();
        return new ConstraintCost(constraint.constraintRef().constraintName(), constraint.score().toString(),
                constraint.matchCount(), top);
    }
}
