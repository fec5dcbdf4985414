package io.timetocompute.scheduler.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.CumulativeConstraint;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;

import io.timetocompute.scheduler.benchmark.BenchmarkInstance.Project;
import io.timetocompute.scheduler.benchmark.BenchmarkSolution.Entry;

/**
 * Google OR-Tools CP-SAT as a peer engine: a plain interval model built from the instance's raw project data (not
 * from the portfolio), so that it solves the benchmark's own problem and its results are comparable with published
 * ones.
 * <p>
 * Model: one start and one end per job, one optional fixed-size interval per mode sharing the job's start, exactly
 * one mode per job; finish-to-start precedences; one cumulative per renewable resource pool (each project's own
 * local columns, and one pool per global column shared by all projects, global columns taken by position);
 * non-renewable budgets per project; project releases. PSPLIB minimises the makespan. MISTA is lexicographic, so it
 * is solved in two phases within the same limit: TPD for {@value #TPD_PHASE_SHARE_PERCENT} % of the time, then TMS
 * with TPD held at its best value.
 * <p>
 * A serial-SGS schedule computed here is given as a solution hint, and, when it is feasible, bounds the project
 * finishes: only schedules at least as good as it are of interest.
 */
public final class CpSatBenchmarkEngine implements BenchmarkEngine {

    static final int TPD_PHASE_SHARE_PERCENT = 67;
    private static final int WORKERS = 2;

    private static boolean nativesLoaded;

    @Override
    public String name() {
        return "cpsat";
    }

    @Override
    public BenchmarkSolution solve(BenchmarkInstance instance, Duration limit, long seed) {
        // Extracting the native library is a one-off cost of the JVM, not of solving, so it runs before the clock.
        loadNatives();
        long deadline = System.nanoTime() + limit.toNanos();

        FlatJobs jobs = new FlatJobs(instance);
        BenchmarkSolution hint = SerialSgs.schedule(jobs);
        boolean hintFeasible = hint != null && BenchmarkChecker.violations(instance, hint).isEmpty();
        SchedulingModel model = new SchedulingModel(jobs, hintFeasible ? finishBounds(jobs, hint) : null);
        // Given even when over budget, as CP-SAT takes it only as guidance. Without a hint the large MISTA instances
        // end far worse (A-10 at 10 s: TPD 3375 instead of 2194; B-5: 3616 instead of 2617).
        if (hint != null) {
            model.hint(hint);
        }

        if (instance.kind() != BenchmarkInstance.Kind.MISTA) {
            model.model.minimize(model.projectFinish[0]);
            return solveUntil(model, deadline, seed);
        }
        long tpdPhaseEnd = System.nanoTime() + (deadline - System.nanoTime()) * TPD_PHASE_SHARE_PERCENT / 100;
        LinearExpr sumOfFinishes = LinearExpr.sum(model.projectFinish);
        model.model.minimize(sumOfFinishes);
        BenchmarkSolution bestTpd = solveUntil(model, tpdPhaseEnd, seed);
        if (bestTpd == null) {
            return null;
        }

        // TPD is the sum of project finishes minus a constant, so holding the sum holds TPD.
        long bestSumOfFinishes = 0;
        for (Project project : instance.projects()) {
            bestSumOfFinishes += finishOf(project, bestTpd);
        }
        model.model.addLessOrEqual(sumOfFinishes, bestSumOfFinishes);
        IntVar latestFinish = model.model.newIntVar(0, jobs.safeHorizon, "latestFinish");
        model.model.addMaxEquality(latestFinish, model.projectFinish);
        model.model.clearObjective();
        // TMS = latest finish - earliest release, and the earliest release is a constant.
        model.model.minimize(latestFinish);
        model.hint(bestTpd);
        model.model.addHint(latestFinish, instance.projects().stream().mapToInt(p -> finishOf(p, bestTpd)).max()
                .orElse(0));
        BenchmarkSolution bestTms = solveUntil(model, deadline, seed);
        return bestTms != null ? bestTms : bestTpd;
    }

    private static synchronized void loadNatives() {
        if (!nativesLoaded) {
            Loader.loadNativeLibraries();
            nativesLoaded = true;
        }
    }

    /** @return the best solution found before the deadline, or null if none */
    private static BenchmarkSolution solveUntil(SchedulingModel model, long deadlineNanos, long seed) {
        CpSolver solver = new CpSolver();
        double seconds = Math.max(0.0, (deadlineNanos - System.nanoTime()) / 1e9);
        solver.getParameters()
                .setNumWorkers(WORKERS)
                .setMaxTimeInSeconds(seconds)
                .setRandomSeed((int) seed)
                .setLogSearchProgress(false);
        CpSolverStatus status = solver.solve(model.model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return null;
        }
        return model.read(solver);
    }

    /**
     * Upper bounds on each project's finish in any schedule at least as good as the feasible hint. For one project
     * that is the hint's finish. For several, the objectives are sums and maxima of finishes, and a better schedule
     * has a sum of finishes no larger than the hint's (TPD first); every other project finishes no earlier than its
     * release plus its critical path, which leaves project p at most the rest.
     */
    private static int[] finishBounds(FlatJobs jobs, BenchmarkSolution hint) {
        List<Project> projects = jobs.instance.projects();
        long hintSum = 0;
        long sumOfEarliestFinishes = 0;
        int[] earliestFinish = new int[projects.size()];
        for (int p = 0; p < projects.size(); p++) {
            hintSum += finishOf(projects.get(p), hint);
            earliestFinish[p] = jobs.earliestProjectFinish(p);
            sumOfEarliestFinishes += earliestFinish[p];
        }
        int[] bounds = new int[projects.size()];
        for (int p = 0; p < projects.size(); p++) {
            long bound = hintSum - (sumOfEarliestFinishes - earliestFinish[p]);
            bounds[p] = (int) Math.min(bound, jobs.safeHorizon);
        }
        return bounds;
    }

    private static int finishOf(Project project, BenchmarkSolution solution) {
        for (Entry entry : solution.schedule()) {
            if (entry.project() == project.number() && entry.job() == project.sinkJob()) {
                return entry.start() + project.data().job(entry.job()).mode(entry.mode()).duration();
            }
        }
        throw new IllegalArgumentException("the solution has no sink for project " + project.number());
    }

    // -------------------------------------------------------------------------------------------------- data

    /**
     * The jobs of all projects numbered 0.. in project order, with successors and renewable resource pools as
     * indices. A pool is what one cumulative constraint guards: a local column of one project, or a global column
     * shared by all. Package-private, like {@link SerialSgs}, so that tests can check the hint on its own.
     */
    static final class FlatJobs {

        final BenchmarkInstance instance;
        final int count;
        final int[] projectIndex;
        final int[] release;
        final PsplibProject.Job[] job;
        final int[][] successors;
        final int[][] predecessors;
        /** [project index][renewable column - 1] */
        final int[][] poolOf;
        final int[] poolCapacity;
        /** Latest release plus every job in its longest mode, one after another: no active schedule ends later. */
        final int safeHorizon;

        FlatJobs(BenchmarkInstance instance) {
            this.instance = instance;
            List<Project> projects = instance.projects();
            int[] firstIndex = new int[projects.size()];
            int total = 0;
            for (int p = 0; p < projects.size(); p++) {
                firstIndex[p] = total;
                total += projects.get(p).jobCount();
            }
            count = total;
            projectIndex = new int[count];
            release = new int[count];
            job = new PsplibProject.Job[count];
            successors = new int[count][];
            List<List<Integer>> predecessorLists = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                predecessorLists.add(new ArrayList<>());
            }
            int maxRelease = 0;
            long serialLength = 0;
            for (int p = 0; p < projects.size(); p++) {
                Project project = projects.get(p);
                maxRelease = Math.max(maxRelease, project.release());
                for (int number = 1; number <= project.jobCount(); number++) {
                    int i = firstIndex[p] + number - 1;
                    projectIndex[i] = p;
                    release[i] = project.release();
                    job[i] = project.data().job(number);
                    successors[i] = job[i].successors().stream().mapToInt(s -> firstIndex[project.number() - 1] + s - 1)
                            .toArray();
                    for (int successor : successors[i]) {
                        predecessorLists.get(successor).add(i);
                    }
                    serialLength += job[i].modes().stream().mapToInt(PsplibProject.Mode::duration).max().orElse(0);
                }
            }
            predecessors = new int[count][];
            for (int i = 0; i < count; i++) {
                predecessors[i] = predecessorLists.get(i).stream().mapToInt(Integer::intValue).toArray();
            }
            safeHorizon = (int) Math.min(Integer.MAX_VALUE / 2, maxRelease + serialLength);

            int columns = projects.isEmpty() ? 0 : projects.get(0).data().renewableCount();
            poolOf = new int[projects.size()][columns];
            List<Integer> capacities = new ArrayList<>();
            for (int column = 1; column <= columns; column++) {
                if (instance.isGlobal(column)) {
                    int pool = capacities.size();
                    capacities.add(instance.globalCapacities().get(column - 1));
                    for (int p = 0; p < projects.size(); p++) {
                        poolOf[p][column - 1] = pool;
                    }
                } else {
                    for (int p = 0; p < projects.size(); p++) {
                        poolOf[p][column - 1] = capacities.size();
                        capacities.add(projects.get(p).data().renewableCapacities().get(column - 1));
                    }
                }
            }
            poolCapacity = capacities.stream().mapToInt(Integer::intValue).toArray();
        }

        int poolCount() {
            return poolCapacity.length;
        }

        Project project(int i) {
            return instance.projects().get(projectIndex[i]);
        }

        boolean fitsCapacities(int i, PsplibProject.Mode mode) {
            List<Integer> demands = mode.renewableDemands();
            for (int column = 1; column <= demands.size(); column++) {
                if (demands.get(column - 1) > poolCapacity[poolOf[projectIndex[i]][column - 1]]) {
                    return false;
                }
            }
            return true;
        }

        /** Release plus the longest path with every job in its shortest mode: a lower bound on the finish. */
        int earliestProjectFinish(int p) {
            int[] earliestFinish = new int[count];
            int finish = instance.projects().get(p).release();
            for (int i : topologicalOrder()) {
                if (projectIndex[i] != p) {
                    continue;
                }
                int start = release[i];
                for (int predecessor : predecessors[i]) {
                    start = Math.max(start, earliestFinish[predecessor]);
                }
                earliestFinish[i] = start + job[i].modes().stream().mapToInt(PsplibProject.Mode::duration).min()
                        .orElse(0);
                finish = Math.max(finish, earliestFinish[i]);
            }
            return finish;
        }

        int[] topologicalOrder() {
            int[] unplacedPredecessors = new int[count];
            List<Integer> ready = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                unplacedPredecessors[i] = predecessors[i].length;
                if (unplacedPredecessors[i] == 0) {
                    ready.add(i);
                }
            }
            int[] order = new int[count];
            int placed = 0;
            while (!ready.isEmpty()) {
                int i = ready.remove(ready.size() - 1);
                order[placed++] = i;
                for (int successor : successors[i]) {
                    if (--unplacedPredecessors[successor] == 0) {
                        ready.add(successor);
                    }
                }
            }
            if (placed != count) {
                throw new IllegalArgumentException("the precedences of " + instance.name() + " have a cycle");
            }
            return order;
        }
    }

    // ------------------------------------------------------------------------------------------------- model

    /** The CP-SAT model and its variables, by flat job index. */
    private static final class SchedulingModel {

        final CpModel model = new CpModel();
        final FlatJobs jobs;
        final IntVar[] start;
        final IntVar[] end;
        /** [job][mode - 1] */
        final Literal[][] modeChosen;
        /** The end of each project's sink, by project index. */
        final IntVar[] projectFinish;

        /** @param finishBounds per project, an upper bound on its finish; null for none beyond the safe horizon */
        SchedulingModel(FlatJobs jobs, int[] finishBounds) {
            this.jobs = jobs;
            int horizon = jobs.safeHorizon;
            start = new IntVar[jobs.count];
            end = new IntVar[jobs.count];
            modeChosen = new Literal[jobs.count][];
            IntervalVar[][] intervals = new IntervalVar[jobs.count][];
            for (int i = 0; i < jobs.count; i++) {
                start[i] = model.newIntVar(jobs.release[i], horizon, "start" + i);
                end[i] = model.newIntVar(jobs.release[i], horizon, "end" + i);
                List<PsplibProject.Mode> modes = jobs.job[i].modes();
                modeChosen[i] = new Literal[modes.size()];
                intervals[i] = new IntervalVar[modes.size()];
                LinearExprBuilder duration = LinearExpr.newBuilder();
                for (int m = 0; m < modes.size(); m++) {
                    modeChosen[i][m] = model.newBoolVar("job" + i + "mode" + (m + 1));
                    intervals[i][m] = model.newOptionalFixedSizeIntervalVar(start[i], modes.get(m).duration(),
                            modeChosen[i][m], "job" + i + "mode" + (m + 1));
                    duration.addTerm(modeChosen[i][m], modes.get(m).duration());
                }
                model.addExactlyOne(modeChosen[i]);
                model.addEquality(end[i], LinearExpr.newBuilder().add(start[i]).add(duration));
            }
            for (int i = 0; i < jobs.count; i++) {
                for (int successor : jobs.successors[i]) {
                    model.addLessOrEqual(end[i], start[successor]);
                }
            }
            addRenewables(intervals);
            addBudgets();

            List<Project> projects = jobs.instance.projects();
            projectFinish = new IntVar[projects.size()];
            int firstIndex = 0;
            for (int p = 0; p < projects.size(); p++) {
                int sink = firstIndex + projects.get(p).sinkJob() - 1;
                projectFinish[p] = end[sink];
                if (finishBounds != null) {
                    model.addLessOrEqual(end[sink], finishBounds[p]);
                }
                firstIndex += projects.get(p).jobCount();
            }
        }

        private void addRenewables(IntervalVar[][] intervals) {
            CumulativeConstraint[] pools = new CumulativeConstraint[jobs.poolCount()];
            for (int i = 0; i < jobs.count; i++) {
                List<PsplibProject.Mode> modes = jobs.job[i].modes();
                for (int m = 0; m < modes.size(); m++) {
                    List<Integer> demands = modes.get(m).renewableDemands();
                    for (int column = 1; column <= demands.size(); column++) {
                        int demand = demands.get(column - 1);
                        if (demand == 0 || modes.get(m).duration() == 0) {
                            continue;
                        }
                        int pool = jobs.poolOf[jobs.projectIndex[i]][column - 1];
                        if (pools[pool] == null) {
                            pools[pool] = model.addCumulative(jobs.poolCapacity[pool]);
                        }
                        pools[pool].addDemand(intervals[i][m], demand);
                    }
                }
            }
        }

        private void addBudgets() {
            for (Project project : jobs.instance.projects()) {
                PsplibProject data = project.data();
                for (int k = 1; k <= data.nonRenewableCount(); k++) {
                    LinearExprBuilder used = LinearExpr.newBuilder();
                    for (int i = 0; i < jobs.count; i++) {
                        if (jobs.projectIndex[i] != project.number() - 1) {
                            continue;
                        }
                        List<PsplibProject.Mode> modes = jobs.job[i].modes();
                        for (int m = 0; m < modes.size(); m++) {
                            used.addTerm(modeChosen[i][m], modes.get(m).nonRenewableDemands().get(k - 1));
                        }
                    }
                    model.addLessOrEqual(used, data.nonRenewableCapacities().get(k - 1));
                }
            }
        }

        /** Replaces any previous hint: a complete hint (starts, ends, modes) is what CP-SAT uses best. */
        void hint(BenchmarkSolution solution) {
            model.clearHints();
            int i = 0;
            for (Entry entry : solution.schedule()) {
                // Solutions list every job in project and job order, the order of the flat indices.
                int duration = jobs.job[i].mode(entry.mode()).duration();
                model.addHint(start[i], entry.start());
                model.addHint(end[i], entry.start() + duration);
                for (int m = 0; m < modeChosen[i].length; m++) {
                    model.addHint(modeChosen[i][m], m + 1 == entry.mode());
                }
                i++;
            }
        }

        BenchmarkSolution read(CpSolver solver) {
            List<Entry> entries = new ArrayList<>(jobs.count);
            for (int i = 0; i < jobs.count; i++) {
                int mode = 0;
                for (int m = 0; m < modeChosen[i].length; m++) {
                    if (solver.booleanValue(modeChosen[i][m])) {
                        mode = m + 1;
                    }
                }
                entries.add(new Entry(jobs.project(i).number(), jobs.job[i].number(), mode,
                        (int) solver.value(start[i])));
            }
            return new BenchmarkSolution(entries);
        }
    }

    // ----------------------------------------------------------------------------------------------- the hint

    /**
     * A quick serial SGS, only to hint CP-SAT: modes chosen greedily within the budgets, then jobs taken by least
     * latest start (against each project's own critical path from its release) and started at the earliest period
     * that predecessors, release and every pool's profile allow.
     */
    static final class SerialSgs {

        private SerialSgs() {
        }

        /** @return a schedule feasible for renewables and precedences, or null if some job fits no pool */
        static BenchmarkSolution schedule(FlatJobs jobs) {
            int[] mode = chooseModes(jobs);
            if (mode == null) {
                return null;
            }
            int[] duration = new int[jobs.count];
            for (int i = 0; i < jobs.count; i++) {
                duration[i] = jobs.job[i].mode(mode[i]).duration();
            }
            int[] latestStart = latestStarts(jobs, duration);

            int[][] usage = new int[jobs.poolCount()][jobs.safeHorizon + 1];
            int[] start = new int[jobs.count];
            int[] finish = new int[jobs.count];
            boolean[] scheduled = new boolean[jobs.count];
            for (int placed = 0; placed < jobs.count; placed++) {
                int next = -1;
                for (int i = 0; i < jobs.count; i++) {
                    if (!scheduled[i] && allScheduled(jobs.predecessors[i], scheduled)
                            && (next < 0 || latestStart[i] < latestStart[next])) {
                        next = i;
                    }
                }
                int earliest = jobs.release[next];
                for (int predecessor : jobs.predecessors[next]) {
                    earliest = Math.max(earliest, finish[predecessor]);
                }
                PsplibProject.Mode chosen = jobs.job[next].mode(mode[next]);
                int t = earliest;
                while (!fits(jobs, usage, next, chosen, t)) {
                    t++;
                }
                start[next] = t;
                finish[next] = t + duration[next];
                add(jobs, usage, next, chosen, t);
                scheduled[next] = true;
            }

            List<Entry> entries = new ArrayList<>(jobs.count);
            for (int i = 0; i < jobs.count; i++) {
                entries.add(new Entry(jobs.project(i).number(), jobs.job[i].number(), mode[i], start[i]));
            }
            return new BenchmarkSolution(entries);
        }

        /**
         * Per job first the mode with the smallest share of the budgets, a good start towards meeting them; then,
         * project by project, single mode changes that most reduce the budget overrun until there is none; then each
         * job in turn moves to its shortest mode that keeps its project within budget. The greedy start alone
         * overruns a budget on some MISTA projects (A-4, B-1), hence the repair.
         *
         * @return 1-based modes, possibly still over budget; null if some job has no mode within the renewable
         *         capacities
         */
        static int[] chooseModes(FlatJobs jobs) {
            int[] mode = new int[jobs.count];
            for (int i = 0; i < jobs.count; i++) {
                double bestShare = Double.POSITIVE_INFINITY;
                for (PsplibProject.Mode candidate : jobs.job[i].modes()) {
                    if (!jobs.fitsCapacities(i, candidate)) {
                        continue;
                    }
                    double share = budgetShare(jobs.project(i).data(), candidate);
                    if (mode[i] == 0 || share < bestShare || share == bestShare
                            && candidate.duration() < jobs.job[i].mode(mode[i]).duration()) {
                        mode[i] = candidate.number();
                        bestShare = share;
                    }
                }
                if (mode[i] == 0) {
                    return null;
                }
            }
            for (Project project : jobs.instance.projects()) {
                repairBudgets(jobs, mode, project);
            }
            for (int i = 0; i < jobs.count; i++) {
                for (PsplibProject.Mode candidate : jobs.job[i].modes()) {
                    if (!jobs.fitsCapacities(i, candidate)
                            || candidate.duration() >= jobs.job[i].mode(mode[i]).duration()) {
                        continue;
                    }
                    int previous = mode[i];
                    mode[i] = candidate.number();
                    if (budgetOverrun(jobs, mode, jobs.project(i)) > 0) {
                        mode[i] = previous;
                    }
                }
            }
            return mode;
        }

        /** Steepest descent on the overrun; stops at a local minimum, which may leave the budgets broken. */
        private static void repairBudgets(FlatJobs jobs, int[] mode, Project project) {
            long overrun = budgetOverrun(jobs, mode, project);
            while (overrun > 0) {
                int bestJob = -1;
                int bestMode = 0;
                long bestOverrun = overrun;
                for (int i = 0; i < jobs.count; i++) {
                    if (jobs.projectIndex[i] != project.number() - 1) {
                        continue;
                    }
                    int current = mode[i];
                    for (PsplibProject.Mode candidate : jobs.job[i].modes()) {
                        if (candidate.number() == current || !jobs.fitsCapacities(i, candidate)) {
                            continue;
                        }
                        mode[i] = candidate.number();
                        long candidateOverrun = budgetOverrun(jobs, mode, project);
                        if (candidateOverrun < bestOverrun) {
                            bestJob = i;
                            bestMode = candidate.number();
                            bestOverrun = candidateOverrun;
                        }
                    }
                    mode[i] = current;
                }
                if (bestJob < 0) {
                    return;
                }
                mode[bestJob] = bestMode;
                overrun = bestOverrun;
            }
        }

        private static double budgetShare(PsplibProject data, PsplibProject.Mode mode) {
            double share = 0;
            for (int k = 0; k < data.nonRenewableCount(); k++) {
                int demand = mode.nonRenewableDemands().get(k);
                int budget = data.nonRenewableCapacities().get(k);
                if (demand > 0) {
                    share += budget > 0 ? (double) demand / budget : Double.POSITIVE_INFINITY;
                }
            }
            return share;
        }

        /** @return the project's total use beyond its budgets, summed over the non-renewable resources */
        private static long budgetOverrun(FlatJobs jobs, int[] mode, Project project) {
            PsplibProject data = project.data();
            long overrun = 0;
            for (int k = 0; k < data.nonRenewableCount(); k++) {
                long used = 0;
                for (int i = 0; i < jobs.count; i++) {
                    if (jobs.projectIndex[i] == project.number() - 1) {
                        used += jobs.job[i].mode(mode[i]).nonRenewableDemands().get(k);
                    }
                }
                overrun += Math.max(0, used - data.nonRenewableCapacities().get(k));
            }
            return overrun;
        }

        /** Latest starts if every project had to finish at its release plus its own critical path. */
        private static int[] latestStarts(FlatJobs jobs, int[] duration) {
            int[] order = jobs.topologicalOrder();
            int[] tail = new int[jobs.count];
            for (int position = order.length - 1; position >= 0; position--) {
                int i = order[position];
                int longestAfter = 0;
                for (int successor : jobs.successors[i]) {
                    longestAfter = Math.max(longestAfter, tail[successor]);
                }
                tail[i] = duration[i] + longestAfter;
            }
            int[] earliestFinish = new int[jobs.count];
            int[] projectDeadline = new int[jobs.instance.projects().size()];
            for (int i : order) {
                int earliestStart = jobs.release[i];
                for (int predecessor : jobs.predecessors[i]) {
                    earliestStart = Math.max(earliestStart, earliestFinish[predecessor]);
                }
                earliestFinish[i] = earliestStart + duration[i];
                projectDeadline[jobs.projectIndex[i]] = Math.max(projectDeadline[jobs.projectIndex[i]],
                        earliestFinish[i]);
            }
            int[] latestStart = new int[jobs.count];
            for (int i = 0; i < jobs.count; i++) {
                latestStart[i] = projectDeadline[jobs.projectIndex[i]] - tail[i];
            }
            return latestStart;
        }

        private static boolean allScheduled(int[] indices, boolean[] scheduled) {
            for (int i : indices) {
                if (!scheduled[i]) {
                    return false;
                }
            }
            return true;
        }

        private static boolean fits(FlatJobs jobs, int[][] usage, int i, PsplibProject.Mode mode, int start) {
            List<Integer> demands = mode.renewableDemands();
            for (int column = 1; column <= demands.size(); column++) {
                int demand = demands.get(column - 1);
                if (demand == 0) {
                    continue;
                }
                int pool = jobs.poolOf[jobs.projectIndex[i]][column - 1];
                for (int period = start; period < start + mode.duration(); period++) {
                    if (usage[pool][period] + demand > jobs.poolCapacity[pool]) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static void add(FlatJobs jobs, int[][] usage, int i, PsplibProject.Mode mode, int start) {
            List<Integer> demands = mode.renewableDemands();
            for (int column = 1; column <= demands.size(); column++) {
                int pool = jobs.poolOf[jobs.projectIndex[i]][column - 1];
                for (int period = start; period < start + mode.duration(); period++) {
                    usage[pool][period] += demands.get(column - 1);
                }
            }
        }
    }
}
