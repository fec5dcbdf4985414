package io.timetocompute.scheduler.solver;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.CountableValueRange;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeFactory;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import io.timetocompute.scheduler.engine.ActivityListSearch;
import io.timetocompute.scheduler.problem.SchedulingProblem;

/** The Timefold planning solution: one {@link TaskAssignment} per task, and the facts the constraints join. */
@PlanningSolution
public class PlanningSchedule {

    static final String START_RANGE = "startRange";

    private SchedulingProblem problem;
    @ProblemFactCollectionProperty
    private List<PrecedenceLink> precedenceLinks;
    @ProblemFactCollectionProperty
    private List<BlockOnline> blocks;
    @PlanningEntityCollectionProperty
    private List<TaskAssignment> tasks;
    @PlanningScore
    private HardMediumSoftLongScore score;

    /** The engine's search state, kept across the improvement steps of one solve; not part of the model. */
    private ActivityListSearch search;

    /** Every change applied since the schedule was first planned, in order; replaced, never mutated. */
    private List<AppliedChange> appliedChanges = List.of();

    /** A change was taken in and the schedule not yet repaired to it: its dates do not show the change yet. */
    private boolean repairPending;

    public PlanningSchedule() {
    }

    public PlanningSchedule(SchedulingProblem problem) {
        this.problem = problem;
        int n = problem.taskCount();
        this.tasks = new ArrayList<>(n);
        this.precedenceLinks = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            tasks.add(new TaskAssignment(problem, t));
            int[] predecessors = problem.predecessors(t);
            for (int k = 0; k < predecessors.length; k++) {
                precedenceLinks.add(new PrecedenceLink(predecessors[k], t, k, problem.taskId(predecessors[k]),
                        problem.taskId(t)));
            }
        }
        this.blocks = new ArrayList<>(problem.blockCount());
        for (int b = 0; b < problem.blockCount(); b++) {
            blocks.add(new BlockOnline(b, problem.blockId(b), problem.siteId(problem.blockSite(b)),
                    problem.blockTask(b), problem.blockValuePerDay(b), problem.blockContractDay(b),
                    problem.blockPenaltyPerDay(b)));
        }
    }

    @ValueRangeProvider(id = START_RANGE)
    public CountableValueRange<Integer> getStartRange() {
        return ValueRangeFactory.createIntValueRange(0, problem.horizon());
    }

    public SchedulingProblem getProblem() { return problem; }
    public List<PrecedenceLink> getPrecedenceLinks() { return precedenceLinks; }
    public List<BlockOnline> getBlocks() { return blocks; }
    public List<TaskAssignment> getTasks() { return tasks; }
    public HardMediumSoftLongScore getScore() { return score; }
    public void setScore(HardMediumSoftLongScore score) { this.score = score; }

    public List<AppliedChange> appliedChanges() { return appliedChanges; }

    /**
     * Switches to a recompiled problem after a change. Only for problem changes, which have told the score director
     * about every task's new problem already.
     */
    public void replaceProblem(SchedulingProblem newProblem, List<AppliedChange> changes) {
        if (newProblem.taskCount() != problem.taskCount() || newProblem.blockCount() != problem.blockCount()) {
            throw new IllegalArgumentException("a change may not add or remove tasks or blocks");
        }
        this.problem = newProblem;
        this.appliedChanges = List.copyOf(changes);
        this.repairPending = true;
    }

    /** @return true between a problem change and the construction step that repairs the schedule to it */
    public boolean repairPending() { return repairPending; }

    void repaired() { this.repairPending = false; }

    ActivityListSearch search() { return search; }
    void search(ActivityListSearch search) { this.search = search; }

    /** @return true when every task has a start and a mode */
    public boolean fullyAssigned() {
        for (TaskAssignment task : tasks) {
            if (!task.isAssigned()) {
                return false;
            }
        }
        return true;
    }

    public int[] starts() {
        int[] starts = new int[tasks.size()];
        for (TaskAssignment task : tasks) {
            starts[task.getIndex()] = task.getStart() == null ? -1 : task.getStart();
        }
        return starts;
    }

    public int[] modes() {
        int[] modes = new int[tasks.size()];
        for (TaskAssignment task : tasks) {
            modes[task.getIndex()] = task.getMode() == null ? -1 : task.getMode();
        }
        return modes;
    }
}
