package io.timetocompute.scheduler.goal;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;

import io.timetocompute.scheduler.goal.GoalObjective.Kind;

/**
 * The objective as constraints. Every constraint reads the same {@link Evaluation}: the levers' levels gathered,
 * and the portfolio scheduled with them by the engine. Hard: what the objective requires (the block's date, the
 * budget, a feasible schedule, levers that can be pulled). Medium: what it optimizes (the levers' cost for a block
 * date; MW offline or the site's cost of delay otherwise). Soft: the levers' cost where it is not medium.
 */
public class GoalConstraintProvider implements ConstraintProvider {

    public static final String LEVER_REFUSED = "Lever cannot be pulled";
    public static final String SCHEDULE_INFEASIBLE = "Schedule infeasible";
    public static final String BLOCK_LATE = "Block online after the wanted date";
    public static final String BUDGET = "Lever budget exceeded";
    public static final String MW_OFFLINE = "MW not online by the date";
    public static final String SITE_DELAY = "Cost of delay of the site";
    public static final String LEVER_COST = "Lever cost";
    public static final String LEVER_COST_WITHIN_BUDGET = "Lever cost within the budget";

    /** A combination that cannot be taken is worse than any that can. */
    static final long REFUSED_PENALTY = 1_000_000;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                leverRefused(factory),
                scheduleInfeasible(factory),
                blockLate(factory),
                budgetExceeded(factory),
                mwOffline(factory),
                siteDelay(factory),
                leverCost(factory),
                leverCostWithinBudget(factory)
        };
    }

    private static UniConstraintStream<Evaluation> evaluations(ConstraintFactory factory, Kind... kinds) {
        return factory.forEach(GoalContext.class)
                .filter(context -> kinds.length == 0 || java.util.Arrays.asList(kinds)
                        .contains(context.objective().kind()))
                .join(factory.forEach(LeverChoice.class).groupBy(ConstraintCollectors.toList()))
                .map((context, choices) -> context.evaluate(choices));
    }

    Constraint leverRefused(ConstraintFactory factory) {
        return evaluations(factory)
                .filter(evaluation -> !evaluation.possible())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, evaluation -> REFUSED_PENALTY)
                .asConstraint(LEVER_REFUSED);
    }

    Constraint scheduleInfeasible(ConstraintFactory factory) {
        return evaluations(factory)
                .filter(evaluation -> evaluation.scheduleViolations() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, Evaluation::scheduleViolations)
                .asConstraint(SCHEDULE_INFEASIBLE);
    }

    Constraint blockLate(ConstraintFactory factory) {
        return evaluations(factory, Kind.BLOCK_BY_DATE)
                .filter(evaluation -> evaluation.daysLate() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, Evaluation::daysLate)
                .asConstraint(BLOCK_LATE);
    }

    Constraint budgetExceeded(ConstraintFactory factory) {
        return evaluations(factory)
                .filter(evaluation -> evaluation.budgetOverrun() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, Evaluation::budgetOverrun)
                .asConstraint(BUDGET);
    }

    Constraint mwOffline(ConstraintFactory factory) {
        return evaluations(factory, Kind.MOST_MW_BY_DATE)
                .filter(evaluation -> evaluation.kwOffline() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, Evaluation::kwOffline)
                .asConstraint(MW_OFFLINE);
    }

    Constraint siteDelay(ConstraintFactory factory) {
        return evaluations(factory, Kind.SITE_DELAY)
                .filter(evaluation -> evaluation.siteDelayCost() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, Evaluation::siteDelayCost)
                .asConstraint(SITE_DELAY);
    }

    Constraint leverCost(ConstraintFactory factory) {
        return evaluations(factory, Kind.BLOCK_BY_DATE)
                .filter(evaluation -> evaluation.leverCost() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, Evaluation::leverCost)
                .asConstraint(LEVER_COST);
    }

    Constraint leverCostWithinBudget(ConstraintFactory factory) {
        return evaluations(factory, Kind.MOST_MW_BY_DATE, Kind.SITE_DELAY)
                .filter(evaluation -> evaluation.leverCost() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, Evaluation::leverCost)
                .asConstraint(LEVER_COST_WITHIN_BUDGET);
    }
}
