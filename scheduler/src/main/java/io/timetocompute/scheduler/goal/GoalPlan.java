package io.timetocompute.scheduler.goal;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** A goal-seeking solution: a level for every candidate lever, scored against the objective. */
@PlanningSolution
public class GoalPlan {

    @ProblemFactProperty
    private GoalContext context;

    @PlanningEntityCollectionProperty
    private List<LeverChoice> choices;

    @PlanningScore
    private HardMediumSoftLongScore score;

    public GoalPlan() {
    }

    public GoalPlan(GoalContext context, List<LeverChoice> choices) {
        this.context = context;
        this.choices = choices;
    }

    public GoalContext getContext() { return context; }
    public List<LeverChoice> getChoices() { return choices; }
    public HardMediumSoftLongScore getScore() { return score; }
    public void setScore(HardMediumSoftLongScore score) { this.score = score; }

    public int[] levels() {
        int[] levels = new int[choices.size()];
        for (LeverChoice choice : choices) {
            levels[choice.getIndex()] = choice.getLevel() == null ? 0 : choice.getLevel();
        }
        return levels;
    }
}
