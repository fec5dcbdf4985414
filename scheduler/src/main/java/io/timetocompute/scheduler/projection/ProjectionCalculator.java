package io.timetocompute.scheduler.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.timetocompute.scheduler.portfolio.ComputeBlock;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskStatus;
import io.timetocompute.scheduler.problem.SchedulingProblem;
import io.timetocompute.scheduler.problem.WorkCalendar;
import io.timetocompute.scheduler.projection.ScheduleProjection.BlockProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.LoadSegment;
import io.timetocompute.scheduler.projection.ScheduleProjection.PathStep;
import io.timetocompute.scheduler.projection.ScheduleProjection.PoolLoad;
import io.timetocompute.scheduler.projection.ScheduleProjection.ShipmentProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.TaskSchedule;

/**
 * Derives the projection from a schedule. For each task it finds what set its start (a predecessor, a shipment,
 * power, the site opening, or a crew that was busy until then), and from those links the driving path of every
 * block and the total float of every task: how many calendar days it can slip without moving any block's date.
 */
public final class ProjectionCalculator {

    private static final int MAX_PATH_STEPS = 500;

    private final SchedulingProblem problem;
    private final int[] start;
    private final int[] mode;
    private final int[] end;
    private final int taskCount;
    /** what drives each task's start: a Driver kind, and the task or shipment behind it */
    private final Driver[] driver;
    private final int[][] usage;
    /** per pool: the tasks using it sorted by end, and those ends */
    private final int[][] tasksOnPool;
    private final int[][] endsOnPool;

    private enum Kind { TASK, POOL_WAIT, SHIPMENT, POWER, SITE_OPENING, DATA_DATE }

    private record Driver(Kind kind, int task, int index) {
    }

    private ProjectionCalculator(SchedulingProblem problem, int[] start, int[] mode) {
        this.problem = problem;
        this.start = start;
        this.mode = mode;
        this.taskCount = problem.taskCount();
        this.end = new int[taskCount];
        for (int t = 0; t < taskCount; t++) {
            end[t] = problem.end(t, mode[t], start[t]);
        }
        this.usage = poolUsage();
        this.tasksOnPool = new int[problem.poolCount()][];
        this.endsOnPool = new int[problem.poolCount()][];
        indexTasksByPool();
        this.driver = new Driver[taskCount];
        for (int t = 0; t < taskCount; t++) {
            driver[t] = findDriver(t);
        }
    }

    public static ScheduleProjection project(SchedulingProblem problem, int[] start, int[] mode, String score,
            boolean feasible) {
        return new ProjectionCalculator(problem, start, mode).build(score, feasible);
    }

    private ScheduleProjection build(String score, boolean feasible) {
        int[] totalFloat = totalFloat();
        List<BlockProjection> blocks = blocks();
        boolean[] critical = new boolean[taskCount];
        for (int b = 0; b < problem.blockCount(); b++) {
            for (int t = problem.blockTask(b); t >= 0; t = nextOnPath(t)) {
                if (totalFloat[t] == 0) {
                    critical[t] = true;
                }
                if (driver[t].kind() != Kind.TASK && driver[t].kind() != Kind.POOL_WAIT) {
                    break;
                }
            }
        }
        int finish = 0;
        for (int t = 0; t < taskCount; t++) {
            finish = Math.max(finish, end[t]);
        }
        return new ScheduleProjection(problem.portfolio().id(), problem.dataDate(), score, feasible,
                moneyObjective(), problem.date(finish), blocks, tasks(totalFloat, critical),
                shipments(totalFloat), pools());
    }

    private int[][] poolUsage() {
        int[][] load = new int[problem.poolCount()][problem.horizon()];
        for (int t = 0; t < taskCount; t++) {
            int duration = problem.duration(t, mode[t]);
            int[] pools = problem.demandPools(t, mode[t]);
            int[] heads = problem.demandHeadcounts(t, mode[t]);
            WorkCalendar calendar = problem.calendar(t);
            int first = calendar.workDaysBefore(start[t]);
            for (int k = first; k < first + duration; k++) {
                int day = calendar.workDayAt(k);
                if (day >= problem.horizon()) {
                    break;
                }
                for (int i = 0; i < pools.length; i++) {
                    load[pools[i]][day] += heads[i];
                }
            }
        }
        return load;
    }

    private Driver findDriver(int t) {
        if (problem.pinned(t)) {
            return new Driver(Kind.DATA_DATE, -1, -1);
        }
        WorkCalendar calendar = problem.calendar(t);
        int best = calendar.onOrAfter(0);
        Driver chosen = new Driver(Kind.DATA_DATE, -1, -1);
        int siteOpening = calendar.onOrAfter(problem.siteRelease(t));
        if (siteOpening > best) {
            best = siteOpening;
            chosen = new Driver(Kind.SITE_OPENING, -1, -1);
        }
        int[] materials = problem.materials(t);
        for (int k = 0; k < materials.length; k++) {
            int ready = calendar.onOrAfter(problem.materialReadyDays(t)[k]);
            if (ready > best) {
                best = ready;
                chosen = new Driver(Kind.SHIPMENT, -1, materials[k]);
            }
        }
        if (problem.powerDay(t) != SchedulingProblem.NONE) {
            int power = calendar.earliestStartToFinishOnOrAfter(problem.powerDay(t), problem.duration(t, mode[t]));
            if (power > best) {
                best = power;
                chosen = new Driver(Kind.POWER, -1, -1);
            }
        }
        int[] predecessors = problem.predecessors(t);
        for (int k = 0; k < predecessors.length; k++) {
            int p = predecessors[k];
            int bound = problem.earliestStartAfterPredecessor(t, mode[t], k, start[p], end[p]);
            // Ties go to the predecessor: a chain of work is the more useful explanation.
            if (bound >= best) {
                best = bound;
                chosen = new Driver(Kind.TASK, p, k);
            }
        }
        if (start[t] > best) {
            int blocker = crewBlocker(t);
            if (blocker >= 0) {
                return new Driver(Kind.POOL_WAIT, blocker, crewPoolShared(t, blocker));
            }
        }
        return chosen;
    }

    /** @return the task whose crew freed up latest before {@code t} started, on a pool {@code t} needs */
    private int crewBlocker(int t) {
        int blocker = -1;
        int latestEnd = Integer.MIN_VALUE;
        for (int pool : problem.demandPools(t, mode[t])) {
            int[] ends = endsOnPool[pool];
            int index = Arrays.binarySearch(ends, start[t]);
            // the last task ending on or before the start
            int position = index >= 0 ? lastIndexOf(ends, index) : -index - 2;
            while (position >= 0 && tasksOnPool[pool][position] == t) {
                position--;
            }
            if (position >= 0 && ends[position] > latestEnd) {
                latestEnd = ends[position];
                blocker = tasksOnPool[pool][position];
            }
        }
        return blocker;
    }

    private static int lastIndexOf(int[] sorted, int index) {
        while (index + 1 < sorted.length && sorted[index + 1] == sorted[index]) {
            index++;
        }
        return index;
    }

    private void indexTasksByPool() {
        List<List<Integer>> byPool = new ArrayList<>();
        for (int p = 0; p < problem.poolCount(); p++) {
            byPool.add(new ArrayList<>());
        }
        for (int t = 0; t < taskCount; t++) {
            if (problem.duration(t, mode[t]) > 0) {
                for (int pool : problem.demandPools(t, mode[t])) {
                    byPool.get(pool).add(t);
                }
            }
        }
        for (int p = 0; p < problem.poolCount(); p++) {
            List<Integer> tasks = byPool.get(p);
            tasks.sort((a, b) -> Integer.compare(end[a], end[b]));
            tasksOnPool[p] = tasks.stream().mapToInt(Integer::intValue).toArray();
            endsOnPool[p] = tasks.stream().mapToInt(task -> end[task]).toArray();
        }
    }

    private int crewPoolShared(int t, int other) {
        for (int pool : problem.demandPools(t, mode[t])) {
            for (int otherPool : problem.demandPools(other, mode[other])) {
                if (pool == otherPool) {
                    return pool;
                }
            }
        }
        return -1;
    }

    private int nextOnPath(int t) {
        Kind kind = driver[t].kind();
        return kind == Kind.TASK || kind == Kind.POOL_WAIT ? driver[t].task() : -1;
    }

    /**
     * Total float in calendar days over precedence and crew links: a task may slip as long as every task it drives
     * keeps its date, and a block's online task may not slip at all.
     */
    private int[] totalFloat() {
        int portfolioEnd = 0;
        for (int t = 0; t < taskCount; t++) {
            portfolioEnd = Math.max(portfolioEnd, end[t]);
        }
        int[] totalFloat = new int[taskCount];
        for (int t = 0; t < taskCount; t++) {
            totalFloat[t] = portfolioEnd - end[t];
        }
        for (int b = 0; b < problem.blockCount(); b++) {
            totalFloat[problem.blockTask(b)] = 0;
        }
        Integer[] latestFirst = new Integer[taskCount];
        for (int t = 0; t < taskCount; t++) {
            latestFirst[t] = t;
        }
        Arrays.sort(latestFirst, (a, b) -> start[a] != start[b] ? Integer.compare(start[b], start[a])
                : Integer.compare(end[b], end[a]));
        // Two sweeps settle ties between zero-length links that the ordering by start cannot see.
        for (int sweep = 0; sweep < 2; sweep++) {
            for (int s : latestFirst) {
                if (problem.pinned(s)) {
                    continue;
                }
                int[] predecessors = problem.predecessors(s);
                for (int k = 0; k < predecessors.length; k++) {
                    int p = predecessors[k];
                    int gap = start[s] - problem.earliestStartAfterPredecessor(s, mode[s], k, start[p], end[p]);
                    totalFloat[p] = Math.min(totalFloat[p], Math.max(0, gap) + totalFloat[s]);
                }
                if (driver[s].kind() == Kind.POOL_WAIT) {
                    int blocker = driver[s].task();
                    totalFloat[blocker] = Math.min(totalFloat[blocker],
                            Math.max(0, start[s] - end[blocker]) + totalFloat[s]);
                }
            }
        }
        for (int t = 0; t < taskCount; t++) {
            if (problem.pinned(t)) {
                totalFloat[t] = Math.max(0, totalFloat[t]);
            }
        }
        return totalFloat;
    }

    private List<BlockProjection> blocks() {
        Portfolio portfolio = problem.portfolio();
        Map<String, ComputeBlock> blockById = new java.util.HashMap<>();
        Map<String, Site> siteById = new java.util.HashMap<>();
        for (Site site : portfolio.sites()) {
            siteById.put(site.id(), site);
            site.computeBlocks().forEach(block -> blockById.put(block.id(), block));
        }
        List<BlockProjection> result = new ArrayList<>(problem.blockCount());
        for (int b = 0; b < problem.blockCount(); b++) {
            ComputeBlock block = blockById.get(problem.blockId(b));
            Site site = siteById.get(problem.siteId(problem.blockSite(b)));
            int task = problem.blockTask(b);
            LocalDate online = problem.date(end[task]);
            int daysLate = block.contractDate() == null ? 0
                    : (int) Math.max(0, online.toEpochDay() - block.contractDate().toEpochDay());
            result.add(new BlockProjection(site.id(), site.name(), block.id(), block.name(), block.itMw(), online,
                    block.contractDate(), daysLate, block.valuePerDay(), problem.taskId(task), drivingPath(task)));
        }
        return result;
    }

    private List<PathStep> drivingPath(int task) {
        List<PathStep> path = new ArrayList<>();
        Portfolio portfolio = problem.portfolio();
        int t = task;
        for (int steps = 0; t >= 0 && steps < MAX_PATH_STEPS; steps++) {
            Task spec = portfolio.tasks().get(t);
            path.add(new PathStep("TASK", spec.id(), problem.date(start[t]), finishDate(t), spec.name()));
            Driver d = driver[t];
            switch (d.kind()) {
                case TASK -> t = d.task();
                case POOL_WAIT -> {
                    String pool = problem.poolId(d.index());
                    Task busyWith = portfolio.tasks().get(d.task());
                    // Names, not ids: planners read this.
                    String crew = portfolio.pools().stream().filter(p -> p.id().equals(pool)).findFirst()
                            .map(p -> p.name() == null ? pool : p.name()).orElse(pool);
                    path.add(new PathStep("POOL_WAIT", pool, problem.date(end[d.task()]), problem.date(start[t]),
                            "waits for the " + crew + " crew, busy with " + (busyWith.name() == null
                                    ? busyWith.id() : busyWith.name())));
                    t = d.task();
                }
                case SHIPMENT -> {
                    Shipment shipment = portfolio.shipments().get(d.index());
                    path.add(new PathStep("SHIPMENT", shipment.id(), shipment.arrivalDate(), null,
                            shipment.material() + " from " + shipment.supplier() + " arriving "
                                    + shipment.arrivalDate() + " plus " + shipment.receivingDaysOrDefault()
                                    + " receiving day(s)"));
                    t = -1;
                }
                case POWER -> {
                    Site site = portfolio.sites().get(problem.taskSite(t));
                    path.add(new PathStep("POWER", site.id(), site.powerAvailableDate(), null,
                            "utility power available " + site.powerAvailableDate()));
                    t = -1;
                }
                case SITE_OPENING -> {
                    Site site = portfolio.sites().get(problem.taskSite(t));
                    path.add(new PathStep("SITE_OPENING", site.id(), site.startNotBefore(), null,
                            "site opens " + site.startNotBefore()));
                    t = -1;
                }
                case DATA_DATE -> {
                    path.add(new PathStep("DATA_DATE", null, problem.dataDate(), null,
                            problem.pinned(t) ? "work already under way" : "can start now"));
                    t = -1;
                }
            }
        }
        return path;
    }

    private LocalDate finishDate(int t) {
        int duration = problem.duration(t, mode[t]);
        return duration == 0 ? problem.date(start[t]) : problem.date(problem.calendar(t).lastWorkDay(start[t], duration));
    }

    private List<TaskSchedule> tasks(int[] totalFloat, boolean[] critical) {
        List<TaskSchedule> result = new ArrayList<>(taskCount);
        List<Task> specs = problem.portfolio().tasks();
        for (int t = 0; t < taskCount; t++) {
            Task spec = specs.get(t);
            TaskStatus status = spec.progressOrNotStarted().status();
            LocalDate startDate = status != TaskStatus.NOT_STARTED && spec.progress().actualStart() != null
                    ? spec.progress().actualStart() : problem.date(start[t]);
            LocalDate finish = status == TaskStatus.DONE && spec.progress().actualFinish() != null
                    ? spec.progress().actualFinish() : finishDate(t);
            result.add(new TaskSchedule(spec.id(), spec.siteId(), spec.name(), spec.phase(),
                    spec.modes().get(mode[t]).name(), status.name(), startDate, finish,
                    problem.duration(t, mode[t]), totalFloat[t], critical[t]));
        }
        return result;
    }

    private List<ShipmentProjection> shipments(int[] totalFloat) {
        List<Shipment> shipments = problem.portfolio().shipments();
        int[] needBy = new int[shipments.size()];
        Arrays.fill(needBy, Integer.MAX_VALUE);
        List<List<String>> neededFor = new ArrayList<>();
        shipments.forEach(shipment -> neededFor.add(new ArrayList<>()));
        for (int t = 0; t < taskCount; t++) {
            int[] materials = problem.materials(t);
            WorkCalendar calendar = problem.calendar(t);
            for (int material : materials) {
                Shipment shipment = shipments.get(material);
                neededFor.get(material).add(problem.taskId(t));
                if (problem.pinned(t)) {
                    continue;
                }
                int latestStart = start[t] + totalFloat[t];
                int latestArrival = calendar.workDayAt(
                        calendar.workDaysBefore(calendar.onOrAfter(latestStart)) - shipment.receivingDaysOrDefault());
                needBy[material] = Math.min(needBy[material], latestArrival);
            }
        }
        List<ShipmentProjection> result = new ArrayList<>(shipments.size());
        for (int s = 0; s < shipments.size(); s++) {
            Shipment shipment = shipments.get(s);
            LocalDate needByDate = needBy[s] == Integer.MAX_VALUE ? null : problem.date(needBy[s]);
            Integer slack = needByDate == null || shipment.arrivalDate() == null ? null
                    : (int) (needByDate.toEpochDay() - shipment.arrivalDate().toEpochDay());
            result.add(new ShipmentProjection(shipment.id(), shipment.supplier(), shipment.material(),
                    shipment.siteId(), shipment.arrivalDate(), shipment.deliveredDate() != null, needByDate, slack,
                    neededFor.get(s)));
        }
        return result;
    }

    private List<PoolLoad> pools() {
        Map<String, LaborPool> poolById = problem.portfolio().pools().stream()
                .collect(Collectors.toMap(LaborPool::id, Function.identity()));
        List<PoolLoad> result = new ArrayList<>(problem.poolCount());
        for (int p = 0; p < problem.poolCount(); p++) {
            int lastUsed = -1;
            for (int day = usage[p].length - 1; day >= 0; day--) {
                if (usage[p][day] > 0) {
                    lastUsed = day;
                    break;
                }
            }
            List<LoadSegment> segments = new ArrayList<>();
            int segmentStart = 0;
            for (int day = 1; day <= lastUsed + 1; day++) {
                if (day == lastUsed + 1 || usage[p][day] != usage[p][segmentStart]
                        || problem.capacity(p, day) != problem.capacity(p, segmentStart)) {
                    segments.add(new LoadSegment(problem.date(segmentStart), problem.date(day - 1),
                            usage[p][segmentStart], problem.capacity(p, segmentStart)));
                    segmentStart = day;
                }
            }
            LaborPool pool = poolById.get(problem.poolId(p));
            result.add(new PoolLoad(pool.id(), pool.trade(), segments));
        }
        return result;
    }

    private long moneyObjective() {
        long money = 0;
        for (int b = 0; b < problem.blockCount(); b++) {
            money += problem.blockMoney(b, end[problem.blockTask(b)]);
        }
        for (int t = 0; t < taskCount; t++) {
            money += problem.modeCost(t, mode[t])
                    + problem.disruptionCostPerDay() * problem.freezeWindowDaysMoved(t, start[t]);
        }
        return money;
    }

}
