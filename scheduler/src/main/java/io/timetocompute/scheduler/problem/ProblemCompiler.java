package io.timetocompute.scheduler.problem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.timetocompute.scheduler.portfolio.Budget;
import io.timetocompute.scheduler.portfolio.CalendarSpec;
import io.timetocompute.scheduler.portfolio.CapacityAdjustment;
import io.timetocompute.scheduler.portfolio.ComputeBlock;
import io.timetocompute.scheduler.portfolio.Dependency;
import io.timetocompute.scheduler.portfolio.InvalidPortfolioException;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.PlannedStart;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioValidator;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskMode;
import io.timetocompute.scheduler.portfolio.TaskProgress;
import io.timetocompute.scheduler.portfolio.TaskStatus;

/** Compiles a validated {@link Portfolio} into a {@link SchedulingProblem}. */
public final class ProblemCompiler {

    /** Forty years of days: far beyond any real build, small enough for day-indexed arrays. */
    static final int MAX_HORIZON_DAYS = 40 * 366;
    private static final int HORIZON_STEP_DAYS = 365;
    private static final CalendarSpec MONDAY_TO_FRIDAY = new CalendarSpec("default", null, null);

    final Portfolio portfolio;
    LocalDate dataDate;
    int horizon;
    int freezeWindowDays;
    long disruptionCostPerDay;
    String[] taskIds;
    Map<String, Integer> taskIndex;
    int[] taskSite;
    WorkCalendar[] taskCalendar;
    int[][] duration;
    long[][] modeCost;
    int[][][] demandPool;
    int[][][] demandHeadcount;
    int[][][] budgetUsed;
    int[][][] budgetAmount;
    int[][] predecessors;
    int[][] predecessorType;
    int[][] predecessorLag;
    int[][] successors;
    int[] siteRelease;
    int[][] materials;
    int[][] materialReadyDay;
    int[] powerDay;
    boolean[] pinned;
    int[] pinnedStart;
    int[] pinnedMode;
    int[] pinnedDuration;
    int[] previousStart;
    int[] previousMode;
    String[] poolIds;
    int[][] capacity;
    String[] budgetIds;
    long[] budgetCapacity;
    String[] blockIds;
    int[] blockSite;
    int[] blockTask;
    long[] blockValuePerDay;
    int[] blockContractDay;
    long[] blockPenaltyPerDay;
    double[] blockMw;
    String[] siteIds;
    String[] shipmentIds;
    int[] shipmentArrivalDay;

    private ProblemCompiler(Portfolio portfolio) {
        this.portfolio = portfolio;
    }

    /** @throws InvalidPortfolioException listing every problem of the portfolio */
    public static SchedulingProblem compile(Portfolio portfolio) {
        PortfolioValidator.validate(portfolio);
        return new ProblemCompiler(portfolio).build();
    }

    private SchedulingProblem build() {
        dataDate = portfolio.dataDate();
        if (dataDate == null) {
            throw new InvalidPortfolioException("portfolio " + portfolio.id() + ": dataDate is required");
        }
        freezeWindowDays = portfolio.freezeWindowDaysOrDefault();
        disruptionCostPerDay = portfolio.disruptionCostPerDayOrDefault();
        horizon = estimateHorizon();

        Map<String, WorkCalendar> calendars = new HashMap<>();
        for (CalendarSpec spec : portfolio.calendars()) {
            calendars.put(spec.id(), WorkCalendar.compile(spec, dataDate, horizon));
        }
        WorkCalendar defaultCalendar = portfolio.defaultCalendar() == null
                ? WorkCalendar.compile(MONDAY_TO_FRIDAY, dataDate, horizon)
                : require(calendars, portfolio.defaultCalendar(), "default calendar");

        List<Site> sites = portfolio.sites();
        siteIds = new String[sites.size()];
        Map<String, Integer> siteIndex = new HashMap<>();
        Map<String, WorkCalendar> siteCalendar = new HashMap<>();
        for (int s = 0; s < sites.size(); s++) {
            Site site = sites.get(s);
            siteIds[s] = site.id();
            siteIndex.put(site.id(), s);
            siteCalendar.put(site.id(), site.calendar() == null ? defaultCalendar
                    : require(calendars, site.calendar(), "calendar of site " + site.id()));
        }

        compilePools(calendars);
        Map<String, Integer> poolIndex = indexOf(poolIds);
        compileBudgets();
        Map<String, Integer> budgetIndex = indexOf(budgetIds);
        compileShipments();
        Map<String, Integer> shipmentIndex = indexOf(shipmentIds);
        Map<String, Shipment> shipmentById = new HashMap<>();
        portfolio.shipments().forEach(shipment -> shipmentById.put(shipment.id(), shipment));

        List<Task> tasks = portfolio.tasks();
        int n = tasks.size();
        taskIds = new String[n];
        taskIndex = new HashMap<>(n * 2);
        for (int t = 0; t < n; t++) {
            taskIds[t] = tasks.get(t).id();
            taskIndex.put(taskIds[t], t);
        }
        taskSite = new int[n];
        taskCalendar = new WorkCalendar[n];
        duration = new int[n][];
        modeCost = new long[n][];
        demandPool = new int[n][][];
        demandHeadcount = new int[n][][];
        budgetUsed = new int[n][][];
        budgetAmount = new int[n][][];
        predecessors = new int[n][];
        predecessorType = new int[n][];
        predecessorLag = new int[n][];
        siteRelease = new int[n];
        materials = new int[n][];
        materialReadyDay = new int[n][];
        powerDay = new int[n];
        pinned = new boolean[n];
        pinnedStart = new int[n];
        pinnedMode = new int[n];
        pinnedDuration = new int[n];
        int[] successorCount = new int[n];
        Map<String, Integer> onlineTaskOfBlock = new HashMap<>();

        for (int t = 0; t < n; t++) {
            Task task = tasks.get(t);
            Integer site = siteIndex.get(task.siteId());
            if (site == null) {
                throw new InvalidPortfolioException("task " + task.id() + ": site " + task.siteId() + " does not exist");
            }
            taskSite[t] = site;
            WorkCalendar calendar = siteCalendar.get(task.siteId());
            taskCalendar[t] = calendar;
            compileModes(t, task, poolIndex, budgetIndex);
            compilePredecessors(t, task, successorCount);
            compileMaterials(t, task, calendar, shipmentIndex, shipmentById);
            Site siteSpec = sites.get(site);
            siteRelease[t] = siteSpec.startNotBefore() == null ? 0 : Math.max(0, day(siteSpec.startNotBefore()));
            powerDay[t] = task.requiresPower() && siteSpec.powerAvailableDate() != null
                    ? day(siteSpec.powerAvailableDate()) : SchedulingProblem.NONE;
            compileProgress(t, task, calendar);
            if (task.bringsOnline() != null) {
                onlineTaskOfBlock.put(task.bringsOnline(), t);
            }
        }
        compileSuccessors(successorCount);
        compilePreviousSchedule(tasks);
        compileBlocks(sites, onlineTaskOfBlock);
        return new SchedulingProblem(this);
    }

    private int estimateHorizon() {
        long latestDate = 0;
        for (Site site : portfolio.sites()) {
            latestDate = Math.max(latestDate, dayOrZero(site.powerAvailableDate()));
            latestDate = Math.max(latestDate, dayOrZero(site.startNotBefore()));
        }
        for (Shipment shipment : portfolio.shipments()) {
            latestDate = Math.max(latestDate, dayOrZero(shipment.arrivalDate()) + 2L * shipment.receivingDaysOrDefault());
        }
        long serialWorkDays = 0;
        for (Task task : portfolio.tasks()) {
            int longest = 0;
            for (TaskMode mode : task.modes()) {
                longest = Math.max(longest, mode.durationDays());
            }
            serialWorkDays += longest;
            for (Dependency dependency : task.predecessors()) {
                serialWorkDays += Math.max(0, dependency.lagDays());
            }
            if (serialWorkDays > MAX_HORIZON_DAYS) {
                break;
            }
        }
        // Weekends and holidays stretch work days into at most about twice as many calendar days.
        long estimate = latestDate + 2 * serialWorkDays + 370;
        // Whole years, so that a shipment or power date moving by weeks leaves the horizon as it is: a live plan
        // re-evaluates every task when the horizon changes, and only the tasks concerned when it does not.
        long wholeYears = (estimate + HORIZON_STEP_DAYS - 1) / HORIZON_STEP_DAYS * HORIZON_STEP_DAYS;
        return (int) Math.min(MAX_HORIZON_DAYS, wholeYears);
    }

    private long dayOrZero(LocalDate date) {
        return date == null ? 0 : Math.max(0, day(date));
    }

    private int day(LocalDate date) {
        return (int) (date.toEpochDay() - dataDate.toEpochDay());
    }

    private void compilePools(Map<String, WorkCalendar> calendars) {
        List<LaborPool> pools = portfolio.pools();
        poolIds = new String[pools.size()];
        capacity = new int[pools.size()][];
        for (int p = 0; p < pools.size(); p++) {
            LaborPool pool = pools.get(p);
            poolIds[p] = pool.id();
            int[] profile = new int[horizon];
            java.util.Arrays.fill(profile, pool.baseHeadcount());
            for (CapacityAdjustment adjustment : pool.adjustments()) {
                int from = adjustment.from() == null ? 0 : Math.max(0, day(adjustment.from()));
                int to = adjustment.to() == null ? horizon - 1 : Math.min(horizon - 1, day(adjustment.to()));
                for (int d = from; d <= to; d++) {
                    profile[d] = adjustment.headcount() != null ? adjustment.headcount()
                            : Math.max(0, profile[d] + (adjustment.delta() == null ? 0 : adjustment.delta()));
                }
            }
            if (pool.calendar() != null) {
                WorkCalendar poolCalendar = require(calendars, pool.calendar(), "calendar of pool " + pool.id());
                for (int d = 0; d < horizon; d++) {
                    if (!poolCalendar.isWorkDay(d)) {
                        profile[d] = 0;
                    }
                }
            }
            capacity[p] = profile;
        }
    }

    private void compileBudgets() {
        List<Budget> budgets = portfolio.budgets();
        budgetIds = new String[budgets.size()];
        budgetCapacity = new long[budgets.size()];
        for (int b = 0; b < budgets.size(); b++) {
            budgetIds[b] = budgets.get(b).id();
            budgetCapacity[b] = budgets.get(b).capacity();
        }
    }

    private void compileShipments() {
        List<Shipment> shipments = portfolio.shipments();
        shipmentIds = new String[shipments.size()];
        shipmentArrivalDay = new int[shipments.size()];
        for (int s = 0; s < shipments.size(); s++) {
            shipmentIds[s] = shipments.get(s).id();
            LocalDate arrival = shipments.get(s).arrivalDate();
            shipmentArrivalDay[s] = arrival == null ? 0 : day(arrival);
        }
    }

    private void compileModes(int t, Task task, Map<String, Integer> poolIndex, Map<String, Integer> budgetIndex) {
        int modes = task.modes().size();
        if (modes == 0) {
            throw new InvalidPortfolioException("task " + task.id() + ": needs at least one mode");
        }
        duration[t] = new int[modes];
        modeCost[t] = new long[modes];
        demandPool[t] = new int[modes][];
        demandHeadcount[t] = new int[modes][];
        budgetUsed[t] = new int[modes][];
        budgetAmount[t] = new int[modes][];
        for (int m = 0; m < modes; m++) {
            TaskMode mode = task.modes().get(m);
            duration[t][m] = mode.durationDays();
            modeCost[t][m] = mode.cost();
            List<Map.Entry<String, Integer>> crew = new ArrayList<>(mode.crew().entrySet());
            crew.removeIf(entry -> entry.getValue() == null || entry.getValue() <= 0);
            crew.sort(Map.Entry.comparingByKey());
            demandPool[t][m] = new int[crew.size()];
            demandHeadcount[t][m] = new int[crew.size()];
            for (int k = 0; k < crew.size(); k++) {
                demandPool[t][m][k] = require(poolIndex, crew.get(k).getKey(), "pool of task " + task.id());
                demandHeadcount[t][m][k] = crew.get(k).getValue();
            }
            List<Map.Entry<String, Integer>> uses = new ArrayList<>(mode.budgetUse().entrySet());
            uses.removeIf(entry -> entry.getValue() == null || entry.getValue() <= 0);
            uses.sort(Map.Entry.comparingByKey());
            budgetUsed[t][m] = new int[uses.size()];
            budgetAmount[t][m] = new int[uses.size()];
            for (int k = 0; k < uses.size(); k++) {
                budgetUsed[t][m][k] = require(budgetIndex, uses.get(k).getKey(), "budget of task " + task.id());
                budgetAmount[t][m][k] = uses.get(k).getValue();
            }
        }
    }

    private void compilePredecessors(int t, Task task, int[] successorCount) {
        List<Dependency> dependencies = task.predecessors();
        predecessors[t] = new int[dependencies.size()];
        predecessorType[t] = new int[dependencies.size()];
        predecessorLag[t] = new int[dependencies.size()];
        for (int k = 0; k < dependencies.size(); k++) {
            Dependency dependency = dependencies.get(k);
            Integer predecessor = taskIndex.get(dependency.taskId());
            if (predecessor == null) {
                throw new InvalidPortfolioException(
                        "task " + task.id() + ": predecessor " + dependency.taskId() + " does not exist");
            }
            predecessors[t][k] = predecessor;
            predecessorType[t][k] = switch (dependency.type()) {
                case FS -> SchedulingProblem.FINISH_TO_START;
                case SS -> SchedulingProblem.START_TO_START;
                case FF -> SchedulingProblem.FINISH_TO_FINISH;
                case SF -> SchedulingProblem.START_TO_FINISH;
            };
            predecessorLag[t][k] = dependency.lagDays();
            successorCount[predecessor]++;
        }
    }

    private void compileSuccessors(int[] successorCount) {
        successors = new int[taskIds.length][];
        for (int t = 0; t < taskIds.length; t++) {
            successors[t] = new int[successorCount[t]];
        }
        int[] filled = new int[taskIds.length];
        for (int t = 0; t < taskIds.length; t++) {
            for (int predecessor : predecessors[t]) {
                successors[predecessor][filled[predecessor]++] = t;
            }
        }
    }

    private void compileMaterials(int t, Task task, WorkCalendar calendar, Map<String, Integer> shipmentIndex,
            Map<String, Shipment> shipmentById) {
        materials[t] = new int[task.materials().size()];
        materialReadyDay[t] = new int[task.materials().size()];
        for (int k = 0; k < task.materials().size(); k++) {
            String shipmentId = task.materials().get(k);
            materials[t][k] = require(shipmentIndex, shipmentId, "material of task " + task.id());
            materialReadyDay[t][k] = readyDay(shipmentById.get(shipmentId), calendar);
        }
    }

    /** The first day work may start with the shipment received: arrival plus receiving work days. */
    private int readyDay(Shipment shipment, WorkCalendar calendar) {
        LocalDate arrival = shipment.arrivalDate();
        if (arrival == null) {
            return 0;
        }
        int arrivalDay = day(arrival);
        if (arrivalDay < 0 && shipment.deliveredDate() != null) {
            // Delivered before the data date: receiving has had time to happen.
            int receivedDay = arrivalDay + shipment.receivingDaysOrDefault();
            if (receivedDay <= 0) {
                return 0;
            }
        }
        // An overdue promise that has not arrived is expected no earlier than the data date.
        return calendar.addWorkDays(Math.max(0, arrivalDay), shipment.receivingDaysOrDefault());
    }

    private void compileProgress(int t, Task task, WorkCalendar calendar) {
        TaskProgress progress = task.progressOrNotStarted();
        if (!progress.pinned()) {
            pinnedMode[t] = SchedulingProblem.NONE;
            pinnedStart[t] = SchedulingProblem.NONE;
            return;
        }
        pinned[t] = true;
        int mode = progress.mode() == null ? 0 : task.modeIndex(progress.mode());
        if (mode < 0) {
            throw new InvalidPortfolioException(
                    "task " + task.id() + ": progress mode " + progress.mode() + " does not exist");
        }
        pinnedMode[t] = mode;
        // Work before the data date is history: in-progress work occupies its crew from the data date for the
        // remaining work days; finished work occupies nothing.
        pinnedStart[t] = progress.status() == TaskStatus.DONE ? 0 : calendar.onOrAfter(0);
        pinnedDuration[t] = progress.status() == TaskStatus.DONE ? 0
                : Math.max(0, progress.remainingDays() == null ? task.modes().get(mode).durationDays()
                        : progress.remainingDays());
    }

    private void compilePreviousSchedule(List<Task> tasks) {
        int n = tasks.size();
        previousStart = new int[n];
        previousMode = new int[n];
        java.util.Arrays.fill(previousStart, SchedulingProblem.NONE);
        java.util.Arrays.fill(previousMode, SchedulingProblem.NONE);
        for (PlannedStart planned : portfolio.previousSchedule()) {
            Integer t = taskIndex.get(planned.taskId());
            if (t == null || planned.start() == null) {
                continue;
            }
            previousStart[t] = day(planned.start());
            previousMode[t] = planned.mode() == null ? 0 : Math.max(0, tasks.get(t).modeIndex(planned.mode()));
        }
    }

    private void compileBlocks(List<Site> sites, Map<String, Integer> onlineTaskOfBlock) {
        List<String> ids = new ArrayList<>();
        List<int[]> siteAndTask = new ArrayList<>();
        List<ComputeBlock> blocks = new ArrayList<>();
        for (int s = 0; s < sites.size(); s++) {
            for (ComputeBlock block : sites.get(s).computeBlocks()) {
                Integer task = onlineTaskOfBlock.get(block.id());
                if (task == null) {
                    throw new InvalidPortfolioException("compute block " + block.id() + ": no task brings it online");
                }
                ids.add(block.id());
                siteAndTask.add(new int[] {s, task});
                blocks.add(block);
            }
        }
        int count = ids.size();
        blockIds = ids.toArray(String[]::new);
        blockSite = new int[count];
        blockTask = new int[count];
        blockValuePerDay = new long[count];
        blockContractDay = new int[count];
        blockPenaltyPerDay = new long[count];
        blockMw = new double[count];
        for (int b = 0; b < count; b++) {
            ComputeBlock block = blocks.get(b);
            blockSite[b] = siteAndTask.get(b)[0];
            blockTask[b] = siteAndTask.get(b)[1];
            blockValuePerDay[b] = block.valuePerDay();
            blockContractDay[b] = block.contractDate() == null ? SchedulingProblem.NO_CONTRACT : day(block.contractDate());
            blockPenaltyPerDay[b] = block.penaltyPerDayLate();
            blockMw[b] = block.itMw();
        }
    }

    private static Map<String, Integer> indexOf(String[] ids) {
        Map<String, Integer> index = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i);
        }
        return index;
    }

    private static <T> T require(Map<String, T> map, String key, String what) {
        T value = map.get(key);
        if (value == null) {
            throw new InvalidPortfolioException(what + ": " + key + " does not exist");
        }
        return value;
    }
}
