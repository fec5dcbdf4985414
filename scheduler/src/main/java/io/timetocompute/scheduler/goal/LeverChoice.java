package io.timetocompute.scheduler.goal;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.valuerange.CountableValueRange;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeFactory;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/** The planning decision of goal seeking: how far to pull one candidate lever (0: not at all). */
@PlanningEntity
public class LeverChoice {

    private int index;
    private Candidate candidate;

    @PlanningVariable(valueRangeProviderRefs = "levelRange")
    private Integer level;

    public LeverChoice() {
    }

    public LeverChoice(int index, Candidate candidate, int level) {
        this.index = index;
        this.candidate = candidate;
        this.level = level;
    }

    @ValueRangeProvider(id = "levelRange")
    public CountableValueRange<Integer> getLevelRange() {
        return ValueRangeFactory.createIntValueRange(0, candidate.maxLevel() + 1);
    }

    public int getIndex() { return index; }
    public Candidate getCandidate() { return candidate; }
    public Integer getLevel() { return level; }
    public void setLevel(Integer level) { this.level = level; }

    @Override
    public String toString() {
        return candidate + "@" + level;
    }
}
