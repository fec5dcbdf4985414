package io.timetocompute.scheduler.solver;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

import io.timetocompute.scheduler.problem.SchedulingProblem;
import io.timetocompute.scheduler.problem.WorkCalendar;

/**
 * When a task starts and in which mode: the planning entity. Days are counted from the data date.
 */
@PlanningEntity
public class TaskAssignment {

    @PlanningId
    private String id;
    private int index;
    private SchedulingProblem problem;
    @PlanningPin
    private boolean pinned;

    @PlanningVariable(valueRangeProviderRefs = PlanningSchedule.START_RANGE)
    private Integer start;
    @PlanningVariable(valueRangeProviderRefs = "modeRange")
    private Integer mode;

    public TaskAssignment() {
    }

    public TaskAssignment(SchedulingProblem problem, int index) {
        this.problem = problem;
        this.index = index;
        this.id = problem.taskId(index);
        this.pinned = problem.pinned(index);
        if (pinned) {
            this.start = problem.pinnedStart(index);
            this.mode = problem.pinnedMode(index);
        }
    }

    @ValueRangeProvider(id = "modeRange")
    public List<Integer> getModeRange() {
        List<Integer> modes = new ArrayList<>(problem.modeCount(index));
        for (int m = 0; m < problem.modeCount(index); m++) {
            modes.add(m);
        }
        return modes;
    }

    public String getId() { return id; }
    public int getIndex() { return index; }
    public SchedulingProblem getProblem() { return problem; }
    public boolean isPinned() { return pinned; }
    public Integer getStart() { return start; }
    public void setStart(Integer start) { this.start = start; }
    public Integer getMode() { return mode; }
    public void setMode(Integer mode) { this.mode = mode; }

    public boolean isAssigned() {
        return start != null && mode != null;
    }

    /** @return the day after the last work day (the start for a milestone) */
    public int end() {
        return problem.end(index, mode, start);
    }

    public int duration() {
        return problem.duration(index, mode);
    }

    public long modeCost() {
        return problem.modeCost(index, mode);
    }

    public String siteId() {
        return problem.siteId(problem.taskSite(index));
    }

    public String modeName() {
        return problem.portfolio().tasks().get(index).modes().get(mode).name();
    }

    /** @return work days this task starts before its site opens (0 when it does not) */
    public int daysBeforeSiteOpens() {
        int release = problem.siteRelease(index);
        return start < release ? release - start : 0;
    }

    /** @return days this task starts before its last shipment is received (0 when it does not) */
    public int daysBeforeMaterialReady() {
        int ready = latestMaterialReadyDay();
        return start < ready ? ready - start : 0;
    }

    /** @return the shipment received last among those this task needs, or null if it needs none */
    public String lastMaterialShipmentId() {
        int[] materials = problem.materials(index);
        int[] ready = problem.materialReadyDays(index);
        int last = -1;
        for (int k = 0; k < materials.length; k++) {
            if (last < 0 || ready[k] > ready[last]) {
                last = k;
            }
        }
        return last < 0 ? null : problem.shipmentId(materials[last]);
    }

    public int latestMaterialReadyDay() {
        int latest = Integer.MIN_VALUE;
        for (int ready : problem.materialReadyDays(index)) {
            latest = Math.max(latest, ready);
        }
        return latest;
    }

    /**
     * Points this task at a recompiled problem after a change (a shipment's new date, a pool's new headcount, work
     * that started): the task's own facts come from the problem, so constraints see the change once the score
     * director is told about this property change.
     */
    public void rebind(SchedulingProblem newProblem) {
        this.problem = newProblem;
        this.pinned = newProblem.pinned(index);
    }

    /** @return days by which energization finishes before power is available (0 when it does not) */
    public int daysBeforePower() {
        int powerDay = problem.powerDay(index);
        if (powerDay == SchedulingProblem.NONE) {
            return 0;
        }
        int duration = duration();
        int lastDay = duration == 0 ? start : problem.calendar(index).lastWorkDay(start, duration);
        return lastDay < powerDay ? powerDay - lastDay : 0;
    }

    /** @return days moved away from the published start when that start is inside the freeze window */
    public int freezeWindowDaysMoved() {
        return problem.freezeWindowDaysMoved(index, start);
    }

    /** @return how far pinned work is from where it actually is (0 when unchanged) */
    public int pinnedWorkDisplacement() {
        if (!pinned) {
            return 0;
        }
        int displacement = Math.abs(start - problem.pinnedStart(index));
        return mode != problem.pinnedMode(index) ? displacement + 1 : displacement;
    }

    /** @return what this task asks of each pool its mode needs */
    public List<PoolDemand> poolDemands() {
        int duration = duration();
        int[] pools = problem.demandPools(index, mode);
        if (duration == 0 || pools.length == 0) {
            return List.of();
        }
        int[] heads = problem.demandHeadcounts(index, mode);
        WorkCalendar calendar = problem.calendar(index);
        int firstWorkDay = calendar.workDaysBefore(start);
        List<PoolDemand> demands = new ArrayList<>(pools.length);
        for (int i = 0; i < pools.length; i++) {
            demands.add(new PoolDemand(new PoolDemand.Pool(problem, pools[i]), calendar, firstWorkDay, duration,
                    heads[i]));
        }
        return demands;
    }

    /** @return the budgets this task's mode consumes */
    public List<BudgetUse> budgetUses() {
        int[] budgets = problem.budgetsUsed(index, mode);
        if (budgets.length == 0) {
            return List.of();
        }
        int[] amounts = problem.budgetAmounts(index, mode);
        List<BudgetUse> uses = new ArrayList<>(budgets.length);
        for (int i = 0; i < budgets.length; i++) {
            uses.add(new BudgetUse(budgets[i], problem.budgetId(budgets[i]), problem.budgetCapacity(budgets[i]),
                    amounts[i]));
        }
        return uses;
    }

    @Override
    public String toString() {
        return id + "@" + start + "/" + mode;
    }
}
