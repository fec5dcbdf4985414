package io.timetocompute.scheduler.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import io.timetocompute.scheduler.demo.BuildTemplate.Acceleration;
import io.timetocompute.scheduler.demo.BuildTemplate.CrewNeed;
import io.timetocompute.scheduler.demo.BuildTemplate.Link;
import io.timetocompute.scheduler.demo.BuildTemplate.Scope;
import io.timetocompute.scheduler.demo.BuildTemplate.Step;
import io.timetocompute.scheduler.portfolio.Budget;
import io.timetocompute.scheduler.portfolio.CalendarSpec;
import io.timetocompute.scheduler.portfolio.CapacityAdjustment;
import io.timetocompute.scheduler.portfolio.ComputeBlock;
import io.timetocompute.scheduler.portfolio.Dependency;
import io.timetocompute.scheduler.portfolio.DependencyType;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskMode;
import io.timetocompute.scheduler.portfolio.TaskProgress;
import io.timetocompute.scheduler.portfolio.TaskStatus;

/**
 * Generates realistic demo portfolios of AI data-center builds, from a few hundred to a hundred thousand tasks.
 * <p>
 * Sites cycle through four archetypes (stranded wind in West Texas, hydro in Quebec, a repurposed Ohio factory with
 * an existing substation, a Nordic hydro site) and each gets 1-4 data halls of 20-100 MW built from
 * {@link BuildTemplate}. Local crews, regional traveling crews, long-lead shipments, calendars with real holidays,
 * hiring ramps, winter outages, a strike and some work already done complete the picture.
 * <p>
 * The output depends only on the arguments: the same target, seed and data date give the same portfolio. Every
 * reference resolves, precedence is acyclic, and every task mode can be staffed by pools that serve its site at
 * their base headcount, so every task can eventually be scheduled.
 */
public final class DemoPortfolioGenerator {

    public static final LocalDate DEFAULT_DATA_DATE = LocalDate.of(2026, 12, 1);

    static final int MIN_PODS = 2;
    static final int MAX_PODS = 16;
    static final int MAX_HALLS = 4;
    private static final double MIN_HALL_MW = 20;
    private static final double MAX_HALL_MW = 100;
    /** a traveling crew can cover about this many sites of a region before travel eats its week */
    private static final int SITES_PER_TRAVEL_GROUP = 6;
    /** standard mode first: the format makes the first mode the default */
    static final String STANDARD = "standard";
    static final String OVERTIME = "overtime";
    static final String EXTRA_CREW = "extra-crew";
    /** overtime adds about two paid hours per worker and day */
    private static final int OVERTIME_HOURS_PER_WORKER_DAY = 2;
    /** per diem, travel and lodging of an extra worker brought in for the task */
    private static final int EXTRA_CREW_COST_PER_WORKER_DAY = 450;
    /** calendar days checked for crews of work in progress: covers the longest task plus holidays */
    private static final int PROGRESS_WINDOW_DAYS = 400;

    private final int targetTasks;
    private final LocalDate dataDate;
    private final SplittableRandom random;

    private final List<SitePlan> sites = new ArrayList<>();
    private final Map<String, CalendarSpec> calendars = new LinkedHashMap<>();
    private final Map<String, WorkDayIndex> workDaysByCalendar = new HashMap<>();
    private final List<LaborPool> pools = new ArrayList<>();
    private final Map<String, LaborPool> poolsById = new HashMap<>();
    private final List<TaskDraft> tasks = new ArrayList<>();
    private final List<ShipmentDraft> shipments = new ArrayList<>();
    private final Map<String, ShipmentDraft> shipmentsById = new HashMap<>();
    /** headcount already taken by work in progress, per pool and calendar day after the data date */
    private final Map<String, int[]> inProgressUse = new HashMap<>();

    private DemoPortfolioGenerator(int targetTasks, long seed, LocalDate dataDate) {
        this.targetTasks = targetTasks;
        this.dataDate = dataDate;
        this.random = new SplittableRandom(seed);
    }

    /** @return a portfolio of about {@code targetTasks} tasks (within 10% from a few hundred tasks up) */
    public static Portfolio generate(int targetTasks, long seed) {
        return generate(targetTasks, seed, DEFAULT_DATA_DATE);
    }

    /**
     * @param targetTasks the wanted number of tasks; the smallest portfolio has one site with one small hall
     * @param dataDate the first day still to plan: progress before it is reported, shipments are promised after it
     * @return a portfolio of about {@code targetTasks} tasks (within 10% from a few hundred tasks up)
     */
    public static Portfolio generate(int targetTasks, long seed, LocalDate dataDate) {
        if (targetTasks < 1) {
            throw new IllegalArgumentException("targetTasks must be positive (is " + targetTasks + ")");
        }
        Objects.requireNonNull(dataDate, "dataDate");
        return LeverTerms.fill(new DemoPortfolioGenerator(targetTasks, seed, dataDate).build(), seed);
    }

    private Portfolio build() {
        planSites();
        planCalendars();
        planSiteDates();
        planLocalPools();
        planTravelingPools();
        for (SitePlan site : sites) {
            emitSite(site);
        }
        forwardPass();
        return new Portfolio(
                "demo-" + targetTasks + "-tasks",
                describePortfolio(),
                dataDate,
                List.copyOf(calendars.values()),
                DemoCalendars.US,
                Portfolio.DEFAULT_FREEZE_WINDOW_DAYS,
                Portfolio.DEFAULT_DISRUPTION_COST_PER_DAY,
                buildSites(),
                pools,
                buildShipments(),
                buildBudgets(),
                buildTasks(),
                List.of());
    }

    // ------------------------------------------------------------------------------------------------ sizing

    /**
     * Splits the target over sites in proportion to each archetype's usual number of halls, then sizes halls in
     * pods to hit each site's share; whatever a site misses by is carried over to the next, so the total lands
     * within a few tasks of the target.
     */
    private void planSites() {
        int siteCount = siteCountFor(targetTasks);
        double remainingWeight = 0;
        for (int i = 0; i < siteCount; i++) {
            remainingWeight += SiteArchetype.forSiteNumber(i).preferredHalls();
        }
        Map<SiteArchetype, Integer> occurrences = new EnumMap<>(SiteArchetype.class);
        int remainingTasks = targetTasks;
        for (int i = 0; i < siteCount; i++) {
            SiteArchetype archetype = SiteArchetype.forSiteNumber(i);
            double weight = archetype.preferredHalls();
            int share = (int) Math.round(remainingTasks * weight / remainingWeight);
            remainingWeight -= weight;
            int occurrence = occurrences.merge(archetype, 1, Integer::sum);
            SitePlan site = new SitePlan(i, archetype, archetype.idPrefix + occurrence,
                    siteName(archetype, occurrence));
            sizeHalls(site, share - BuildTemplate.siteTaskCount(archetype));
            sites.add(site);
            remainingTasks -= site.taskCount();
        }
    }

    /**
     * Enough sites for the target at the archetypes' usual size, but at least one per 100 tasks up to four, so that
     * even small demos show several archetypes and crews traveling between sites.
     */
    static int siteCountFor(int targetTasks) {
        double tasksPerCycle = 0;
        for (int i = 0; i < 8; i++) {
            SiteArchetype archetype = SiteArchetype.forSiteNumber(i);
            tasksPerCycle += BuildTemplate.siteTaskCount(archetype)
                    + archetype.preferredHalls() * BuildTemplate.hallTaskCount((MIN_PODS + MAX_PODS) / 2 + 1);
        }
        int bySize = (int) Math.round(targetTasks / (tasksPerCycle / 8));
        int forVariety = Math.min(4, Math.max(1, targetTasks / 100));
        return Math.max(bySize, forVariety);
    }

    private void sizeHalls(SitePlan site, int hallTaskBudget) {
        int smallestHall = BuildTemplate.hallTaskCount(MIN_PODS);
        int largestHall = BuildTemplate.hallTaskCount(MAX_PODS);
        int fewest = clamp((int) Math.ceil(hallTaskBudget / (double) largestHall), 1, MAX_HALLS);
        int most = Math.max(fewest, clamp(hallTaskBudget / smallestHall, 1, MAX_HALLS));
        int preferred = random.nextInt(site.archetype.preferredHallsMin, site.archetype.preferredHallsMax + 1);
        int halls = clamp(preferred, fewest, most);
        int podTasks = BuildTemplate.hallTaskCount(1) - BuildTemplate.hallTaskCount(0);
        int remaining = hallTaskBudget;
        for (int h = 0; h < halls; h++) {
            double share = remaining / (double) (halls - h);
            if (h < halls - 1) {
                share *= 0.8 + 0.4 * random.nextDouble(); // unequal halls, the last one evens out
            }
            int pods = clamp((int) Math.round((share - BuildTemplate.hallTaskCount(0)) / podTasks), MIN_PODS, MAX_PODS);
            double mw = clamp(Math.round(pods * (5.4 + 1.2 * random.nextDouble())), MIN_HALL_MW, MAX_HALL_MW);
            site.halls.add(new HallPlan(h + 1, site.id + "-H" + (h + 1), pods, mw));
            remaining -= BuildTemplate.hallTaskCount(pods);
        }
    }

    private static String siteName(SiteArchetype archetype, int occurrence) {
        String place = archetype.places.get((occurrence - 1) % archetype.places.size());
        int round = (occurrence - 1) / archetype.places.size();
        String name = String.format(archetype.namePattern, place);
        return round == 0 ? name : name + " " + (round + 1);
    }

    private String describePortfolio() {
        int halls = 0;
        double mw = 0;
        for (SitePlan site : sites) {
            halls += site.halls.size();
            mw += site.mw();
        }
        return String.format("Demo portfolio: %d sites, %d data halls, %.0f MW of IT load", sites.size(), halls, mw);
    }

    // ----------------------------------------------------------------------------------------- calendars, dates

    private void planCalendars() {
        // Six years of holidays cover every demo build from the data date on.
        int firstYear = dataDate.getYear();
        int lastYear = firstYear + 5;
        calendars.put(DemoCalendars.US, DemoCalendars.unitedStates(firstYear, lastYear));
        for (SitePlan site : sites) {
            String id = site.archetype.calendar;
            if (id != null && !calendars.containsKey(id)) {
                calendars.put(id, switch (id) {
                    case DemoCalendars.QUEBEC -> DemoCalendars.quebec(firstYear, lastYear);
                    case DemoCalendars.NORWAY -> DemoCalendars.norway(firstYear, lastYear);
                    case DemoCalendars.SWEDEN -> DemoCalendars.sweden(firstYear, lastYear);
                    default -> throw new IllegalStateException("no demo calendar " + id);
                });
            }
        }
        for (CalendarSpec calendar : calendars.values()) {
            workDaysByCalendar.put(calendar.id(), new WorkDayIndex(calendar, dataDate));
        }
    }

    /**
     * The first West Texas and the first Ohio site broke ground months ago and report progress; others start at the
     * data date or, when land, permits or mobilization are pending, at a later startNotBefore.
     */
    private void planSiteDates() {
        for (SitePlan site : sites) {
            SiteArchetype archetype = site.archetype;
            site.workDays = workDaysByCalendar.get(archetype.calendar == null ? DemoCalendars.US : archetype.calendar);
            site.reportsProgress = site.index == 0 || site.index == 2;
            LocalDate earliestWork;
            if (site.reportsProgress) {
                int daysAgo = archetype == SiteArchetype.OHIO_FACTORY
                        ? random.nextInt(70, 121) : random.nextInt(100, 161);
                earliestWork = dataDate.minusDays(daysAgo);
            } else if (random.nextDouble() < 0.4) {
                site.startNotBefore = dataDate.plusDays(random.nextInt(21, 181));
                earliestWork = site.startNotBefore;
            } else {
                earliestWork = dataDate;
            }
            site.firstWorkDay = site.workDays.onOrAfter(earliestWork);
            int monthsToPower = random.nextInt(archetype.powerMonthsMin, archetype.powerMonthsMax + 1);
            LocalDate power = dataDate.plusMonths(monthsToPower).plusDays(random.nextInt(0, 28));
            site.powerAvailableDate = max(power, earliestWork.plusMonths(6));
        }
    }

    // --------------------------------------------------------------------------------------------------- pools

    private void planLocalPools() {
        for (SitePlan site : sites) {
            for (PoolKind kind : PoolKind.values()) {
                if (kind.traveling) {
                    continue;
                }
                double nominal = Math.max(kind.minimum, kind.perMw * site.mw());
                int base = (int) Math.round(nominal * (0.9 + 0.25 * random.nextDouble()));
                LaborPool pool = new LaborPool(site.id + "-" + kind.code, site.name + " " + kind.description,
                        kind.trade, List.of(site.id), null, base, localAdjustments(site, kind, base));
                addPool(pool);
                site.pools.put(kind, pool);
            }
        }
    }

    /** Listed in the order they apply: a later absolute outage overrides an earlier ramp on the same days. */
    private List<CapacityAdjustment> localAdjustments(SitePlan site, PoolKind kind, int base) {
        List<CapacityAdjustment> adjustments = new ArrayList<>();
        boolean buildingTrade = kind == PoolKind.CIVIL || kind == PoolKind.IRONWORK || kind == PoolKind.ELECTRICAL
                || kind == PoolKind.MECHANICAL;
        LocalDate start = site.workDays.date(site.firstWorkDay);
        if (buildingTrade) {
            switch (site.archetype) {
                case OHIO_FACTORY -> {
                    // The plant's former workforce is rehired, but needs safety and trade retraining first.
                    adjustments.add(CapacityAdjustment.delta(start, start.plusDays(89), -base / 2,
                            "rehired plant workforce in retraining (first cohort)"));
                    adjustments.add(CapacityAdjustment.delta(start.plusDays(90), start.plusDays(149), -base / 5,
                            "rehired plant workforce in retraining (second cohort)"));
                }
                case QUEBEC_HYDRO -> adjustments.add(CapacityAdjustment.delta(start, start.plusDays(89), -base / 2,
                        "hiring ramp: union hall referrals arriving"));
                default -> {
                    // Remote sites fill their camps slowly.
                    adjustments.add(CapacityAdjustment.absolute(start, start.plusDays(59), base * 35 / 100,
                            "hiring ramp: first crews on site"));
                    adjustments.add(CapacityAdjustment.absolute(start.plusDays(60), start.plusDays(119),
                            base * 70 / 100, "hiring ramp: camp expansion"));
                }
            }
        }
        if (site.archetype.harshWinter && (kind == PoolKind.CIVIL || kind == PoolKind.IRONWORK)) {
            for (int year = dataDate.getYear(); year <= dataDate.getYear() + 4; year++) {
                LocalDate frostEnd = LocalDate.of(year, 2, 28);
                if (frostEnd.isBefore(dataDate)) {
                    continue;
                }
                adjustments.add(CapacityAdjustment.delta(LocalDate.of(year, 1, 6), frostEnd, -base * 40 / 100,
                        "deep frost: outdoor work slowed"));
                LocalDate storm = LocalDate.of(year, 1, 10).plusDays(random.nextInt(0, 32));
                adjustments.add(CapacityAdjustment.absolute(storm, storm.plusDays(random.nextInt(5, 10)), 0,
                        "winter storm outage"));
            }
        }
        if (kind == PoolKind.ELECTRICAL && site.index % 8 == 1) {
            LocalDate strike = dataDate.plusDays(random.nextInt(90, 271));
            adjustments.add(CapacityAdjustment.absolute(strike, strike.plusDays(random.nextInt(9, 17)), 0,
                    "electricians' strike (construction agreement renewal)"));
        }
        return adjustments;
    }

    /**
     * Traveling crews serve the sites of one region in groups; a region with a single site borrows the other
     * region's first group rather than having a "traveling" pool that never travels.
     */
    private void planTravelingPools() {
        Map<String, List<SitePlan>> byRegion = new LinkedHashMap<>();
        for (SitePlan site : sites) {
            byRegion.computeIfAbsent(site.archetype.travelRegion(), region -> new ArrayList<>()).add(site);
        }
        List<List<SitePlan>> groups = new ArrayList<>();
        List<SitePlan> loneSites = new ArrayList<>();
        for (List<SitePlan> regionSites : byRegion.values()) {
            if (regionSites.size() == 1) {
                loneSites.add(regionSites.get(0));
                continue;
            }
            List<List<SitePlan>> regionGroups = new ArrayList<>();
            for (int from = 0; from < regionSites.size(); from += SITES_PER_TRAVEL_GROUP) {
                int to = Math.min(regionSites.size(), from + SITES_PER_TRAVEL_GROUP);
                regionGroups.add(new ArrayList<>(regionSites.subList(from, to)));
            }
            List<SitePlan> last = regionGroups.get(regionGroups.size() - 1);
            if (last.size() == 1 && regionGroups.size() > 1) {
                regionGroups.remove(regionGroups.size() - 1);
                regionGroups.get(regionGroups.size() - 1).addAll(last);
            }
            groups.addAll(regionGroups);
        }
        if (groups.isEmpty()) {
            groups.add(new ArrayList<>(loneSites));
        } else {
            groups.get(0).addAll(loneSites);
        }
        groups.sort((a, b) -> Integer.compare(a.get(0).index, b.get(0).index));
        for (int g = 0; g < groups.size(); g++) {
            List<SitePlan> group = groups.get(g);
            group.sort((a, b) -> Integer.compare(a.index, b.index));
            int n = group.size();
            addTravelingPool(group, PoolKind.TRAVEL_HV, g + 1, Math.min(40, 12 + 4 * n));
            addTravelingPool(group, PoolKind.TRAVEL_CX, g + 1, Math.min(45, 10 + 5 * n));
            addTravelingPool(group, PoolKind.TRAVEL_ELEC, g + 1, Math.min(160, 40 + 20 * n));
        }
    }

    private void addTravelingPool(List<SitePlan> group, PoolKind kind, int groupNumber, int nominal) {
        int base = (int) Math.round(nominal * (0.9 + 0.2 * random.nextDouble()));
        List<CapacityAdjustment> adjustments = new ArrayList<>();
        switch (kind) {
            case TRAVEL_ELEC -> adjustments.add(CapacityAdjustment.absolute(dataDate, dataDate.plusDays(44), base / 2,
                    "crews finishing another program, mobilizing in waves"));
            case TRAVEL_CX -> adjustments.add(CapacityAdjustment.delta(dataDate.plusDays(180), dataDate.plusDays(364),
                    base * 30 / 100, "subcontracted agents for the integrated-test peak"));
            default -> {
                for (int year = dataDate.getYear(); year <= dataDate.getYear() + 4; year++) {
                    adjustments.add(CapacityAdjustment.delta(LocalDate.of(year, 12, 20), LocalDate.of(year + 1, 1, 3),
                            -base / 3, "holiday crew rotation"));
                }
            }
        }
        List<String> siteIds = group.stream().map(site -> site.id).toList();
        String served = siteIds.size() <= 6 ? String.join(", ", siteIds)
                : String.join(", ", siteIds.subList(0, 6)) + " and " + (siteIds.size() - 6) + " more";
        LaborPool pool = new LaborPool("TRAVEL-" + kind.code + "-" + groupNumber,
                capitalize(kind.description) + " (" + served + ")", kind.trade, siteIds, null, base, adjustments);
        addPool(pool);
        for (SitePlan site : group) {
            site.pools.put(kind, pool);
        }
    }

    private void addPool(LaborPool pool) {
        pools.add(pool);
        poolsById.put(pool.id(), pool);
    }

    // --------------------------------------------------------------------------------------------------- tasks

    private void emitSite(SitePlan site) {
        Map<String, Integer> siteTasks = new HashMap<>();
        for (Step step : BuildTemplate.STEPS) {
            if (step.scope() != Scope.SITE || !step.appliesTo(site.archetype)) {
                continue;
            }
            TaskDraft task = newTask(site, null, -1, step);
            for (Link link : step.after()) {
                Integer predecessor = siteTasks.get(link.code());
                if (predecessor != null) { // null: work this site's substation variant does not have
                    task.addPredecessor(tasks.get(predecessor), link.type(), link.lagDays());
                }
            }
            siteTasks.put(step.code(), addTask(task));
        }
        HallTasks previous = null;
        for (HallPlan hall : site.halls) {
            previous = emitHall(site, hall, siteTasks, previous);
        }
    }

    private HallTasks emitHall(SitePlan site, HallPlan hall, Map<String, Integer> siteTasks, HallTasks previousHall) {
        HallTasks hallTasks = new HallTasks();
        for (Step step : BuildTemplate.STEPS) {
            if (step.scope() == Scope.HALL) {
                TaskDraft task = newTask(site, hall, -1, step);
                for (Link link : step.after()) {
                    for (int predecessor : predecessorsOf(link, siteTasks, hallTasks, -1)) {
                        task.addPredecessor(tasks.get(predecessor), link.type(), link.lagDays());
                    }
                }
                if (step.code().equals("PREP") && previousHall != null) {
                    // Halls are staggered: the next pad starts once the previous hall's steel is well under way.
                    task.addPredecessor(tasks.get(previousHall.hall.get("STEEL")), DependencyType.SS,
                            random.nextInt(15, 41));
                }
                int index = addTask(task);
                hallTasks.hall.put(step.code(), index);
                if (step.bringsOnline()) {
                    hall.onlineTask = index;
                }
            } else if (step.scope() == Scope.POD) {
                int[] perPod = new int[hall.pods];
                for (int pod = 0; pod < hall.pods; pod++) {
                    TaskDraft task = newTask(site, hall, pod, step);
                    for (Link link : step.after()) {
                        for (int predecessor : predecessorsOf(link, siteTasks, hallTasks, pod)) {
                            task.addPredecessor(tasks.get(predecessor), link.type(), link.lagDays());
                        }
                    }
                    perPod[pod] = addTask(task);
                }
                hallTasks.pod.put(step.code(), perPod);
            }
        }
        return hallTasks;
    }

    private static int[] predecessorsOf(Link link, Map<String, Integer> siteTasks, HallTasks hallTasks, int pod) {
        Step target = BuildTemplate.BY_CODE.get(link.code());
        switch (target.scope()) {
            case SITE -> {
                Integer task = siteTasks.get(link.code());
                return task == null ? new int[0] : new int[] {task};
            }
            case HALL -> {
                return new int[] {hallTasks.hall.get(link.code())};
            }
            default -> {
                int[] perPod = hallTasks.pod.get(link.code());
                return pod >= 0 ? new int[] {perPod[pod]} : perPod;
            }
        }
    }

    private TaskDraft newTask(SitePlan site, HallPlan hall, int pod, Step step) {
        String id;
        String name;
        if (hall == null) {
            id = site.id + "-" + step.code();
            name = step.name();
        } else if (pod < 0) {
            id = hall.id + "-" + step.code();
            name = "Hall " + hall.number + ": " + step.name();
        } else {
            id = String.format("%s-P%02d-%s", hall.id, pod + 1, step.code());
            name = "Hall " + hall.number + " pod " + (pod + 1) + ": " + step.name();
        }
        TaskDraft task = new TaskDraft(id, name, site, hall, step);
        task.modes = modes(step, durationOf(step, site, hall), site, hall);
        if (step.equipment() != null) {
            task.materials = materialsFor(step.equipment(), site, hall, pod);
        }
        return task;
    }

    private int addTask(TaskDraft task) {
        task.index = tasks.size();
        tasks.add(task);
        return task.index;
    }

    /** Bigger halls and campuses take longer to build, within the realistic range of each step. */
    private int durationOf(Step step, SitePlan site, HallPlan hall) {
        if (step.milestone()) {
            return 0;
        }
        double days = random.nextInt(step.minDays(), step.maxDays() + 1);
        if (step.scope() == Scope.HALL) {
            days *= 0.85 + 0.3 * hall.mw / MAX_HALL_MW;
        } else if (step.scope() == Scope.SITE) {
            days *= 0.85 + 0.15 * Math.min(site.mw(), 400) / 100;
        }
        return clamp((int) Math.round(days), 1, 120);
    }

    private List<TaskMode> modes(Step step, int days, SitePlan site, HallPlan hall) {
        Map<String, Integer> crew = new LinkedHashMap<>();
        for (CrewNeed need : step.crew()) {
            crew.put(site.pools.get(need.pool()).id(), headcount(need, step, site, hall));
        }
        List<TaskMode> modes = new ArrayList<>(3);
        modes.add(new TaskMode(STANDARD, days, crew, 0, null));
        // Accelerating a task of a few days saves nothing worth a premium.
        if (step.acceleration() == Acceleration.NONE || days < 5) {
            return modes;
        }
        int workers = crew.values().stream().mapToInt(Integer::intValue).sum();
        int overtimeDays = (int) Math.round(days * (0.75 + 0.05 * random.nextDouble()));
        if (overtimeDays < days) {
            long cost = roundToThousands((double) workers * overtimeDays * site.archetype.overtimePremiumPerWorkerDay);
            int hours = workers * overtimeDays * OVERTIME_HOURS_PER_WORKER_DAY;
            site.overtimeHoursOffered += hours;
            modes.add(new TaskMode(OVERTIME, overtimeDays, crew, cost, Map.of(site.overtimeBudgetId(), hours)));
        }
        if (step.acceleration() == Acceleration.OVERTIME_OR_EXTRA_CREW) {
            TaskMode extraCrew = extraCrewMode(step, days, crew, workers, site);
            if (extraCrew != null) {
                modes.add(extraCrew);
            }
        }
        return modes;
    }

    /**
     * Electricians are the scarcest trade, so an extra electrical crew comes from the region's traveling
     * electricians; other trades add half again to their local crew.
     */
    private TaskMode extraCrewMode(Step step, int days, Map<String, Integer> crew, int workers, SitePlan site) {
        Map<String, Integer> bigger = new LinkedHashMap<>(crew);
        PoolKind leadTrade = step.crew().get(0).pool();
        if (leadTrade == PoolKind.ELECTRICAL) {
            LaborPool travelers = site.pools.get(PoolKind.TRAVEL_ELEC);
            int electricians = crew.get(site.pools.get(PoolKind.ELECTRICAL).id());
            bigger.put(travelers.id(), Math.min(travelers.baseHeadcount(), (electricians + 1) / 2));
        } else {
            for (CrewNeed need : step.crew()) {
                LaborPool pool = site.pools.get(need.pool());
                if (!need.pool().traveling) {
                    bigger.put(pool.id(), Math.min(pool.baseHeadcount(), (int) Math.round(crew.get(pool.id()) * 1.5)));
                }
            }
        }
        int extraWorkers = bigger.values().stream().mapToInt(Integer::intValue).sum() - workers;
        int shorterDays = (int) Math.round(days * (0.62 + 0.10 * random.nextDouble()));
        if (extraWorkers <= 0 || shorterDays >= days) {
            return null;
        }
        long mobilization = 40_000 + random.nextInt(0, 80_001);
        long cost = roundToThousands(
                mobilization + (double) extraWorkers * shorterDays * EXTRA_CREW_COST_PER_WORKER_DAY);
        return new TaskMode(EXTRA_CREW, shorterDays, bigger, cost, null);
    }

    /** Never more than the pool's base headcount: a crew the pool can never field would make the task infeasible. */
    private static int headcount(CrewNeed need, Step step, SitePlan site, HallPlan hall) {
        double factor = switch (step.crewScale()) {
            case FIXED -> 1;
            case HALL -> clamp(hall.mw / 50, 0.6, 2.0);
            case SITE -> clamp(site.mw() / 100, 0.5, 2.5);
        };
        int wanted = Math.max(1, (int) Math.round(need.headcount() * factor));
        return Math.min(wanted, site.pools.get(need.pool()).baseHeadcount());
    }

    // ---------------------------------------------------------------------------------------------- shipments

    private List<String> materialsFor(Equipment equipment, SitePlan site, HallPlan hall, int pod) {
        if (equipment == Equipment.MAIN_TRANSFORMER) {
            // Two main transformers (N+1) per campus, a third for the largest; each ships on its own.
            int units = site.mw() > 200 ? 3 : 2;
            List<String> ids = new ArrayList<>(units);
            for (int unit = 1; unit <= units; unit++) {
                ids.add(shipment(site, null, equipment, unit, 1).id);
            }
            return ids;
        }
        int tranche = equipment.tranched && hall.pods >= 4 && pod >= (hall.pods + 1) / 2 ? 2 : 1;
        return List.of(shipment(site, hall, equipment, tranche, quantity(equipment, hall, tranche)).id);
    }

    private ShipmentDraft shipment(SitePlan site, HallPlan hall, Equipment equipment, int number, int quantity) {
        String id = "SHP-" + (hall == null ? site.id : hall.id) + "-" + equipment.code + "-" + number;
        ShipmentDraft existing = shipmentsById.get(id);
        if (existing != null) {
            return existing;
        }
        // A hall's tranches come from the supplier of its first tranche.
        ShipmentDraft firstTranche = number > 1 && hall != null
                ? shipmentsById.get("SHP-" + hall.id + "-" + equipment.code + "-1") : null;
        String supplier = firstTranche != null ? firstTranche.supplier
                : equipment.suppliers.get(random.nextInt(equipment.suppliers.size()));
        ShipmentDraft draft = new ShipmentDraft(id, supplier, site, equipment, quantity);
        shipments.add(draft);
        shipmentsById.put(id, draft);
        return draft;
    }

    private static int quantity(Equipment equipment, HallPlan hall, int tranche) {
        int podsInTranche = !equipment.tranched || hall.pods < 4 ? hall.pods
                : tranche == 1 ? (hall.pods + 1) / 2 : hall.pods / 2;
        // Rack-scale GPU systems draw about 130 kW each.
        int racksPerPod = (int) Math.round(hall.mw / hall.pods * 1000 / 130);
        return switch (equipment) {
            case MV_SWITCHGEAR -> 2; // A and B lineups
            case UNIT_TRANSFORMERS -> 2 * hall.pods;
            case GENERATORS -> 3 * podsInTranche;
            case UPS, CDUS -> 4 * hall.pods;
            case BUSWAY -> 8 * hall.pods;
            case CHILLERS -> (int) Math.ceil(hall.mw * 1.15 / 1.5);
            case RACKS -> racksPerPod * hall.pods;
            case GPU_SERVERS -> racksPerPod * podsInTranche;
            case MAIN_TRANSFORMER -> 1;
        };
    }

    private List<Shipment> buildShipments() {
        List<Shipment> built = new ArrayList<>(shipments.size());
        boolean deliveredOne = false;
        for (ShipmentDraft draft : shipments) {
            Equipment equipment = draft.equipment;
            LocalDate promised;
            LocalDate delivered = null;
            if (!deliveredOne && draft.site.reportsProgress && equipment == Equipment.MAIN_TRANSFORMER) {
                // Ordered three years ago, it already waits in the laydown yard.
                delivered = dataDate.minusDays(random.nextInt(10, 41));
                promised = delivered;
                deliveredOne = true;
            } else {
                LocalDate needed = draft.neededFrom == null ? dataDate.plusYears(1) : draft.neededFrom;
                promised = random.nextDouble() < equipment.lateChance
                        ? needed.plusDays(random.nextInt(15, 121))
                        : needed.minusDays(random.nextInt(7, 61));
                promised = max(promised, dataDate.plusDays(equipment.minDaysOut));
                promised = min(promised, dataDate.plusDays(equipment.maxDaysOut));
            }
            built.add(new Shipment(draft.id, draft.supplier, equipment.material, draft.site.id, draft.quantity,
                    promised, delivered, equipment.receivingDays));
        }
        return built;
    }

    // ------------------------------------------------------------------------------------ forward pass, progress

    /**
     * Early dates ignoring crews and deliveries. They place the progress of sites already under way, the promised
     * dates of shipments around when the work needs them, and the client contract dates around when halls could
     * come online.
     */
    private void forwardPass() {
        for (TaskDraft task : tasks) {
            SitePlan site = task.site;
            int duration = task.modes.get(0).durationDays();
            int start = site.firstWorkDay;
            for (int k = 0; k < task.predecessors.size(); k++) {
                TaskDraft predecessor = tasks.get(task.predecessorIndex.get(k));
                Dependency dependency = task.predecessors.get(k);
                int anchor = dependency.type() == DependencyType.SS ? predecessor.start : predecessor.end;
                start = Math.max(start, anchor + dependency.lagDays());
            }
            if (task.step.requiresPower()) {
                int power = site.workDays.onOrAfter(site.powerAvailableDate);
                start = Math.max(start, duration == 0 ? power : power - duration + 1);
            }
            int dataWorkDay = site.workDays.onOrAfter(dataDate);
            if (start < dataWorkDay) {
                start = site.reportsProgress ? recordProgress(task, start, duration, dataWorkDay) : dataWorkDay;
            }
            task.start = start;
            task.end = start + duration;
            LocalDate startDate = site.workDays.date(start);
            for (String material : task.materials) {
                ShipmentDraft shipment = shipmentsById.get(material);
                shipment.neededFrom = shipment.neededFrom == null ? startDate : min(shipment.neededFrom, startDate);
            }
        }
    }

    /**
     * Work that could have started before the data date did, a few days late, if everything before it is done,
     * it needs no delivery and its crew still fits beside the other work in progress. Otherwise it waits for the
     * data date, so a started task's predecessors are always done.
     *
     * @return the (actual or planned) start work day
     */
    private int recordProgress(TaskDraft task, int earliest, int duration, int dataWorkDay) {
        boolean eligible = duration > 0 && task.materials.isEmpty() && !task.step.requiresPower();
        for (int k = 0; eligible && k < task.predecessorIndex.size(); k++) {
            TaskProgress progress = tasks.get(task.predecessorIndex.get(k)).progress;
            eligible = progress != null && progress.status() == TaskStatus.DONE;
        }
        int start = earliest + random.nextInt(0, 4);
        if (!eligible || start >= dataWorkDay) {
            return dataWorkDay;
        }
        WorkDayIndex workDays = task.site.workDays;
        int end = start + duration;
        TaskMode mode = task.modes.get(0);
        if (end <= dataWorkDay) {
            task.progress = TaskProgress.done(mode.name(), workDays.date(start), workDays.date(end - 1));
            return start;
        }
        if (!crewStillAvailable(mode, workDays, dataWorkDay, end)) {
            return dataWorkDay;
        }
        bookCrew(mode, workDays, dataWorkDay, end);
        task.progress = TaskProgress.inProgress(mode.name(), workDays.date(start), end - dataWorkDay);
        return start;
    }

    private boolean crewStillAvailable(TaskMode mode, WorkDayIndex workDays, int fromWorkDay, int toWorkDay) {
        for (Map.Entry<String, Integer> need : mode.crew().entrySet()) {
            LaborPool pool = poolsById.get(need.getKey());
            int[] used = inProgressUse.computeIfAbsent(pool.id(), id -> new int[PROGRESS_WINDOW_DAYS]);
            for (int workDay = fromWorkDay; workDay < toWorkDay; workDay++) {
                LocalDate date = workDays.date(workDay);
                int day = (int) ChronoUnit.DAYS.between(dataDate, date);
                if (day >= PROGRESS_WINDOW_DAYS || used[day] + need.getValue() > headcountOn(pool, date)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void bookCrew(TaskMode mode, WorkDayIndex workDays, int fromWorkDay, int toWorkDay) {
        for (Map.Entry<String, Integer> need : mode.crew().entrySet()) {
            int[] used = inProgressUse.get(need.getKey());
            for (int workDay = fromWorkDay; workDay < toWorkDay; workDay++) {
                used[(int) ChronoUnit.DAYS.between(dataDate, workDays.date(workDay))] += need.getValue();
            }
        }
    }

    /** The pool's headcount on a day: base, then each adjustment covering the day in order, never below zero. */
    static int headcountOn(LaborPool pool, LocalDate date) {
        int headcount = pool.baseHeadcount();
        for (CapacityAdjustment adjustment : pool.adjustments()) {
            boolean covers = (adjustment.from() == null || !date.isBefore(adjustment.from()))
                    && (adjustment.to() == null || !date.isAfter(adjustment.to()));
            if (covers) {
                headcount = adjustment.headcount() != null ? adjustment.headcount()
                        : Math.max(0, headcount + adjustment.delta());
            }
        }
        return headcount;
    }

    // ------------------------------------------------------------------------------------------------ assembly

    /**
     * Block values are about $25-40k per MW-day. Most blocks have a client contract a little after the date the hall
     * could come online without crew conflicts, so the contract is tight but reachable; some have none yet.
     */
    private List<Site> buildSites() {
        List<Site> built = new ArrayList<>(sites.size());
        for (SitePlan site : sites) {
            // One negotiation per campus: its halls share the slack, so later halls keep later contract dates.
            int siteSlackDays = random.nextInt(20, 181);
            List<ComputeBlock> blocks = new ArrayList<>(site.halls.size());
            for (HallPlan hall : site.halls) {
                long valuePerDay = roundToThousands(hall.mw * (25_000 + random.nextInt(0, 15_001)));
                LocalDate contract = null;
                long penalty = 0;
                if (random.nextDouble() < 0.8) {
                    TaskDraft online = tasks.get(hall.onlineTask);
                    contract = site.workDays.date(online.start).plusDays(siteSlackDays + random.nextInt(0, 46));
                    penalty = roundToThousands(valuePerDay * (0.15 + 0.2 * random.nextDouble()));
                }
                blocks.add(new ComputeBlock(hall.id, site.name + " Hall " + hall.number + " (" + (int) hall.mw + " MW)",
                        hall.mw, valuePerDay, contract, penalty));
            }
            built.add(new Site(site.id, site.name, site.archetype.region, site.archetype.calendar,
                    site.powerAvailableDate, site.startNotBefore, blocks));
        }
        return built;
    }

    /** The site's overtime allowance covers about a third of the overtime its tasks could use. */
    private List<Budget> buildBudgets() {
        List<Budget> budgets = new ArrayList<>();
        for (SitePlan site : sites) {
            if (site.overtimeHoursOffered > 0) {
                long capacity = Math.round(site.overtimeHoursOffered * 0.35 / 100) * 100;
                budgets.add(new Budget(site.overtimeBudgetId(), site.id, site.name + " overtime hours allowance",
                        capacity));
            }
        }
        return budgets;
    }

    private List<Task> buildTasks() {
        List<Task> built = new ArrayList<>(tasks.size());
        for (TaskDraft task : tasks) {
            built.add(new Task(task.id, task.site.id, task.name, task.step.phase(), task.modes, task.predecessors,
                    task.materials, task.step.requiresPower(), task.step.bringsOnline() ? task.hall.id : null,
                    task.progress));
        }
        return built;
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    private static long roundToThousands(double amount) {
        return Math.round(amount / 1000) * 1000;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    // ------------------------------------------------------------------------------------------ working state

    private static final class SitePlan {
        final int index;
        final SiteArchetype archetype;
        final String id;
        final String name;
        final List<HallPlan> halls = new ArrayList<>(MAX_HALLS);
        final Map<PoolKind, LaborPool> pools = new EnumMap<>(PoolKind.class);
        WorkDayIndex workDays;
        boolean reportsProgress;
        LocalDate startNotBefore;
        LocalDate powerAvailableDate;
        int firstWorkDay;
        long overtimeHoursOffered;

        SitePlan(int index, SiteArchetype archetype, String id, String name) {
            this.index = index;
            this.archetype = archetype;
            this.id = id;
            this.name = name;
        }

        double mw() {
            return halls.stream().mapToDouble(hall -> hall.mw).sum();
        }

        int taskCount() {
            return BuildTemplate.siteTaskCount(archetype)
                    + halls.stream().mapToInt(hall -> BuildTemplate.hallTaskCount(hall.pods)).sum();
        }

        String overtimeBudgetId() {
            return id + "-OT-HOURS";
        }
    }

    private static final class HallPlan {
        final int number;
        final String id;
        final int pods;
        final double mw;
        int onlineTask = -1;

        HallPlan(int number, String id, int pods, double mw) {
            this.number = number;
            this.id = id;
            this.pods = pods;
            this.mw = mw;
        }
    }

    /** The task indices of one hall, by step code: one per hall step, one per pod for pod steps. */
    private static final class HallTasks {
        final Map<String, Integer> hall = new HashMap<>();
        final Map<String, int[]> pod = new HashMap<>();
    }

    private static final class TaskDraft {
        final String id;
        final String name;
        final SitePlan site;
        final HallPlan hall;
        final Step step;
        List<TaskMode> modes;
        final List<Dependency> predecessors = new ArrayList<>(4);
        final List<Integer> predecessorIndex = new ArrayList<>(4);
        List<String> materials = List.of();
        TaskProgress progress;
        /** early start and end (exclusive) in work days of the site calendar */
        int start;
        int end;
        /** set once the task is added, so that successors can find it by position */
        int index = -1;

        TaskDraft(String id, String name, SitePlan site, HallPlan hall, Step step) {
            this.id = id;
            this.name = name;
            this.site = site;
            this.hall = hall;
            this.step = step;
        }

        void addPredecessor(TaskDraft predecessor, DependencyType type, int lagDays) {
            predecessors.add(new Dependency(predecessor.id, type, lagDays));
            predecessorIndex.add(predecessor.index);
        }
    }

    private static final class ShipmentDraft {
        final String id;
        final String supplier;
        final SitePlan site;
        final Equipment equipment;
        final int quantity;
        /** the earliest early start of the work installing it */
        LocalDate neededFrom;

        ShipmentDraft(String id, String supplier, SitePlan site, Equipment equipment, int quantity) {
            this.id = id;
            this.supplier = supplier;
            this.site = site;
            this.equipment = equipment;
            this.quantity = quantity;
        }
    }
}
