package io.timetocompute.scheduler.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.timetocompute.scheduler.portfolio.CalendarSpec;
import io.timetocompute.scheduler.portfolio.CapacityAdjustment;
import io.timetocompute.scheduler.portfolio.ComputeBlock;
import io.timetocompute.scheduler.portfolio.Dependency;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskMode;
import io.timetocompute.scheduler.portfolio.TaskProgress;
import io.timetocompute.scheduler.portfolio.TaskStatus;

class DemoPortfolioGeneratorTest {

    private static final long SEED = 20261201L;
    /** generating is fast, but the larger portfolios are checked by several tests */
    private static final Map<Integer, Portfolio> GENERATED = new ConcurrentHashMap<>();

    private static Portfolio demo(int targetTasks) {
        return GENERATED.computeIfAbsent(targetTasks, target -> DemoPortfolioGenerator.generate(target, SEED));
    }

    // ------------------------------------------------------------------------------------------ determinism

    @Test
    void sameSeedGivesIdenticalJson() {
        String first = PortfolioJson.toJson(DemoPortfolioGenerator.generate(1_000, 42));
        String second = PortfolioJson.toJson(DemoPortfolioGenerator.generate(1_000, 42));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void defaultDataDateIsTheFirstOfDecember2026() {
        Portfolio withDefault = DemoPortfolioGenerator.generate(500, 3);
        Portfolio explicit = DemoPortfolioGenerator.generate(500, 3, LocalDate.of(2026, 12, 1));

        assertThat(withDefault.dataDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(PortfolioJson.toJson(withDefault)).isEqualTo(PortfolioJson.toJson(explicit));
    }

    @Test
    void differentSeedsGiveDifferentPortfolios() {
        assertThat(PortfolioJson.toJson(DemoPortfolioGenerator.generate(1_000, 1)))
                .isNotEqualTo(PortfolioJson.toJson(DemoPortfolioGenerator.generate(1_000, 2)));
    }

    @Test
    void otherDataDatesMoveTheWholePlan() {
        LocalDate dataDate = LocalDate.of(2028, 3, 15);
        Portfolio portfolio = DemoPortfolioGenerator.generate(1_000, SEED, dataDate);

        assertThat(portfolio.dataDate()).isEqualTo(dataDate);
        assertThat(referenceProblems(portfolio)).isEmpty();
        assertThat(portfolio.sites()).allSatisfy(site -> assertThat(site.powerAvailableDate()).isAfter(dataDate));
    }

    // ------------------------------------------------------------------------------------------------- size

    @ParameterizedTest
    @ValueSource(ints = {300, 1_000, 10_000})
    void taskCountIsWithinTenPercentOfTheTarget(int target) {
        assertThat(demo(target).tasks()).hasSizeBetween((int) (target * 0.9), (int) (target * 1.1));
    }

    @Test
    void aHundredThousandTasksAreGeneratedToSizeOnManySites() {
        Portfolio portfolio = DemoPortfolioGenerator.generate(100_000, SEED);

        assertThat(portfolio.tasks()).hasSizeBetween(90_000, 110_000);
        assertThat(portfolio.sites()).hasSizeGreaterThan(150);
        assertThat(portfolio.pools().stream().filter(LaborPool::traveling).count()).isGreaterThan(50);
    }

    @Test
    void theSmallestTargetGivesOneCompleteHall() {
        Portfolio portfolio = DemoPortfolioGenerator.generate(1, SEED);

        assertThat(portfolio.sites()).singleElement()
                .satisfies(site -> assertThat(site.computeBlocks()).hasSize(1));
        assertThat(referenceProblems(portfolio)).isEmpty();
        assertThat(staffingProblems(portfolio)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> DemoPortfolioGenerator.generate(0, SEED));
    }

    @Test
    void smallDemosStillShowSeveralSitesSharingTravelingCrews() {
        Portfolio portfolio = demo(300);

        assertThat(portfolio.sites()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(portfolio.pools()).anySatisfy(pool -> assertThat(pool.traveling()).isTrue());
    }

    // ------------------------------------------------------------------------------------------- integrity

    @ParameterizedTest
    @ValueSource(ints = {300, 1_000, 10_000})
    void everyReferenceResolves(int target) {
        assertThat(referenceProblems(demo(target))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 1_000, 10_000})
    void precedenceHasNoCycle(int target) {
        assertThat(tasksOnCycles(demo(target))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 1_000, 10_000})
    void everyModeIsStaffableAtBaseHeadcountByPoolsServingTheSite(int target) {
        assertThat(staffingProblems(demo(target))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 1_000, 10_000})
    void everyBlockIsBroughtOnlineByExactlyOneTask(int target) {
        Portfolio portfolio = demo(target);
        Map<String, Long> onlineTasksPerBlock = portfolio.tasks().stream()
                .filter(task -> task.bringsOnline() != null)
                .collect(Collectors.groupingBy(Task::bringsOnline, Collectors.counting()));

        List<String> blockIds = portfolio.sites().stream().flatMap(site -> site.computeBlocks().stream())
                .map(ComputeBlock::id).toList();
        assertThat(onlineTasksPerBlock.keySet()).containsExactlyInAnyOrderElementsOf(blockIds);
        assertThat(onlineTasksPerBlock.values()).containsOnly(1L);
        assertThat(portfolio.tasks()).filteredOn(task -> task.bringsOnline() != null)
                .allSatisfy(task -> assertThat(task.modes().get(0).durationDays()).isZero());
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 1_000})
    void jsonRoundTripGivesAnEqualPortfolio(int target) {
        Portfolio original = demo(target);
        String json = PortfolioJson.toJson(original);

        Portfolio read = PortfolioJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "demo");

        assertThat(read).isEqualTo(original);
    }

    @Test
    void reportedProgressIsConsistentWithTheDataDateAndThePredecessors() {
        Portfolio portfolio = demo(1_000);
        Map<String, Task> tasks = byId(portfolio.tasks(), Task::id);
        List<Task> started = portfolio.tasks().stream().filter(task -> task.progressOrNotStarted().pinned()).toList();

        assertThat(started).extracting(task -> task.progress().status())
                .contains(TaskStatus.DONE, TaskStatus.IN_PROGRESS);
        assertThat(started.stream().map(Task::siteId).distinct().count()).isBetween(1L, 2L);
        for (Task task : started) {
            TaskProgress progress = task.progress();
            assertThat(task.modeIndex(progress.mode())).as(task.id()).isGreaterThanOrEqualTo(0);
            assertThat(progress.actualStart()).as(task.id()).isBefore(portfolio.dataDate());
            assertThat(task.materials()).as(task.id()).isEmpty();
            if (progress.status() == TaskStatus.DONE) {
                assertThat(progress.actualFinish()).as(task.id())
                        .isBefore(portfolio.dataDate()).isAfterOrEqualTo(progress.actualStart());
            } else {
                assertThat(progress.remainingDays()).as(task.id()).isPositive();
                assertThat(progress.actualFinish()).as(task.id()).isNull();
            }
            for (Dependency dependency : task.predecessors()) {
                TaskProgress predecessor = tasks.get(dependency.taskId()).progressOrNotStarted();
                assertThat(predecessor.status()).as(task.id() + " after " + dependency.taskId())
                        .isEqualTo(TaskStatus.DONE);
            }
        }
    }

    // ----------------------------------------------------------------------------------------------- realism

    @Test
    void sitesAndHallsHaveRealisticSizesValuesAndDates() {
        Portfolio portfolio = demo(10_000);
        LocalDate dataDate = portfolio.dataDate();

        assertThat(portfolio.sites()).extracting(Site::id)
                .allMatch(id -> id.matches("(WTX|QC|OH|NO|SE)[0-9]+"))
                .anyMatch(id -> id.startsWith("WTX")).anyMatch(id -> id.startsWith("QC"))
                .anyMatch(id -> id.startsWith("OH")).anyMatch(id -> id.startsWith("NO"))
                .anyMatch(id -> id.startsWith("SE"));
        assertThat(portfolio.sites()).anySatisfy(site -> assertThat(site.startNotBefore()).isNotNull());
        for (Site site : portfolio.sites()) {
            assertThat(site.computeBlocks()).as(site.id()).hasSizeBetween(1, 4);
            long monthsToPower = ChronoUnit.MONTHS.between(dataDate, site.powerAvailableDate());
            assertThat(monthsToPower).as(site.id() + " power").isBetween(6L, 30L);
            for (ComputeBlock block : site.computeBlocks()) {
                assertThat(block.itMw()).as(block.id()).isBetween(20.0, 100.0);
                assertThat(block.valuePerDay() / block.itMw()).as(block.id() + " value per MW-day")
                        .isBetween(24_000.0, 41_000.0);
                if (block.contractDate() != null) {
                    assertThat(block.penaltyPerDayLate()).as(block.id()).isPositive();
                }
            }
        }
        Map<String, String> calendarBySite = portfolio.sites().stream()
                .collect(Collectors.toMap(Site::id, site -> String.valueOf(site.calendar())));
        assertThat(calendarBySite).containsEntry("QC1", "quebec").containsEntry("NO1", "norway")
                .containsEntry("SE1", "sweden").containsEntry("WTX1", "null");
    }

    @Test
    void tasksFollowTheBuildPhasesWithRealisticDurationsAndAccelerationModes() {
        Portfolio portfolio = demo(1_000);

        assertThat(portfolio.tasks()).extracting(Task::id)
                .contains("WTX1-CLEAR-GRADE", "WTX1-SUB-ENERGIZE", "WTX1-H1-ENERGIZE", "WTX1-H1-P01-GPU",
                        "WTX1-H1-ONLINE")
                .doesNotContain("OH1-SUB-XFMR"); // the factory's substation is re-used
        assertThat(portfolio.tasks()).filteredOn(Task::requiresPower).extracting(Task::id)
                .anyMatch(id -> id.endsWith("-H1-ENERGIZE"));
        assertThat(portfolio.tasks()).anySatisfy(task -> assertThat(task.predecessors())
                .anySatisfy(dependency -> assertThat(dependency.lagDays()).isPositive()));
        for (Task task : portfolio.tasks()) {
            TaskMode standard = task.modes().get(0);
            assertThat(standard.name()).isEqualTo("standard");
            if (task.bringsOnline() == null) {
                assertThat(standard.durationDays()).as(task.id()).isBetween(1, 120);
            }
            for (TaskMode faster : task.modes().subList(1, task.modes().size())) {
                assertThat(faster.name()).isIn("overtime", "extra-crew");
                assertThat(faster.durationDays()).as(task.id()).isLessThan(standard.durationDays());
                assertThat(faster.cost()).as(task.id()).isPositive();
            }
        }
        assertThat(portfolio.tasks()).flatExtracting(Task::modes).extracting(TaskMode::name)
                .contains("overtime", "extra-crew");
    }

    @Test
    void shipmentsHaveRealisticLeadTimesAndFeedTheirInstallers() {
        Portfolio portfolio = demo(10_000);
        LocalDate dataDate = portfolio.dataDate();
        Set<String> used = portfolio.tasks().stream().flatMap(task -> task.materials().stream())
                .collect(Collectors.toSet());

        assertThat(portfolio.shipments()).extracting(Shipment::id).allMatch(used::contains);
        assertThat(portfolio.shipments()).anySatisfy(shipment -> assertThat(shipment.deliveredDate()).isNotNull());
        for (Shipment shipment : portfolio.shipments()) {
            assertThat(shipment.receivingDays()).as(shipment.id()).isBetween(1, 5);
            assertThat(shipment.id()).startsWith("SHP-" + shipment.siteId() + "-");
            assertThat(shipment.supplier()).isNotBlank();
            if (shipment.id().contains("-XFMR-") && shipment.deliveredDate() == null) {
                assertThat(ChronoUnit.MONTHS.between(dataDate, shipment.promisedDate())).as(shipment.id())
                        .isBetween(3L, 30L);
            }
        }
    }

    @Test
    void poolsHaveRealisticHeadcountsAndDatedChanges() {
        Portfolio portfolio = demo(10_000);
        Map<String, List<LaborPool>> localPools = portfolio.pools().stream().filter(pool -> !pool.traveling())
                .collect(Collectors.groupingBy(pool -> pool.siteIds().get(0)));

        for (Site site : portfolio.sites()) {
            double mw = site.computeBlocks().stream().mapToDouble(ComputeBlock::itMw).sum();
            int workforce = localPools.get(site.id()).stream().mapToInt(LaborPool::baseHeadcount).sum();
            // 1,000-3,000 people at peak for a 100 MW campus
            assertThat(workforce / mw * 100).as(site.id() + " workforce per 100 MW").isBetween(1_000.0, 3_000.0);
            Map<String, Integer> byTrade = localPools.get(site.id()).stream()
                    .collect(Collectors.toMap(LaborPool::trade, LaborPool::baseHeadcount));
            assertThat(byTrade).containsOnlyKeys("civil", "ironwork", "electrical", "mechanical", "commissioning",
                    "network");
        }
        List<String> reasons = portfolio.pools().stream().flatMap(pool -> pool.adjustments().stream())
                .map(CapacityAdjustment::reason).toList();
        assertThat(reasons).anyMatch(reason -> reason.contains("hiring ramp"))
                .anyMatch(reason -> reason.contains("retraining"))
                .anyMatch(reason -> reason.contains("winter"))
                .anyMatch(reason -> reason.contains("strike"));
        assertThat(portfolio.pools()).flatExtracting(LaborPool::adjustments)
                .anyMatch(adjustment -> ((CapacityAdjustment) adjustment).headcount() != null)
                .anyMatch(adjustment -> ((CapacityAdjustment) adjustment).delta() != null);
    }

    @Test
    void calendarsCarryTheRegionalHolidays() {
        Map<String, CalendarSpec> calendars = byId(demo(1_000).calendars(), CalendarSpec::id);

        assertThat(demo(1_000).defaultCalendar()).isEqualTo("us");
        assertThat(calendars.get("us").holidays()).contains(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 7, 5),
                LocalDate.of(2027, 11, 25), LocalDate.of(2031, 1, 1))
                .allMatch(day -> day.getYear() >= 2026 && day.getYear() <= 2031);
        assertThat(calendars.get("quebec").holidays()).contains(LocalDate.of(2027, 6, 24), LocalDate.of(2027, 7, 26));
        assertThat(calendars.get("norway").holidays()).contains(LocalDate.of(2027, 5, 17), LocalDate.of(2027, 3, 26));
        assertThat(DemoCalendars.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(DemoCalendars.easterSunday(2030)).isEqualTo(LocalDate.of(2030, 4, 21));
    }

    @Test
    void portfolioSettingsUseTheDefaults() {
        Portfolio portfolio = demo(300);

        assertThat(portfolio.freezeWindowDays()).isEqualTo(14);
        assertThat(portfolio.disruptionCostPerDay()).isEqualTo(Portfolio.DEFAULT_DISRUPTION_COST_PER_DAY);
        assertThat(portfolio.budgets()).isNotEmpty();
    }

    // ------------------------------------------------------------------------------------- shared checks

    /** @return every id that does not resolve, as "kind id: what is missing"; empty when all resolve */
    static List<String> referenceProblems(Portfolio portfolio) {
        List<String> problems = new ArrayList<>();
        Map<String, CalendarSpec> calendars = byId(portfolio.calendars(), CalendarSpec::id);
        Map<String, Site> sites = byId(portfolio.sites(), Site::id);
        Map<String, LaborPool> pools = byId(portfolio.pools(), LaborPool::id);
        Map<String, Shipment> shipments = byId(portfolio.shipments(), Shipment::id);
        Set<String> budgets = byId(portfolio.budgets(), budget -> budget.id()).keySet();
        Map<String, Task> tasks = byId(portfolio.tasks(), Task::id);
        Map<String, String> siteOfBlock = new HashMap<>();
        for (Site site : portfolio.sites()) {
            site.computeBlocks().forEach(block -> siteOfBlock.put(block.id(), site.id()));
        }
        int blockCount = portfolio.sites().stream().mapToInt(site -> site.computeBlocks().size()).sum();
        if (siteOfBlock.size() != blockCount) {
            problems.add("compute block ids are not unique");
        }
        checkUnique("calendar", portfolio.calendars().size(), calendars, problems);
        checkUnique("site", portfolio.sites().size(), sites, problems);
        checkUnique("pool", portfolio.pools().size(), pools, problems);
        checkUnique("shipment", portfolio.shipments().size(), shipments, problems);
        checkUnique("task", portfolio.tasks().size(), tasks, problems);

        if (portfolio.defaultCalendar() != null && !calendars.containsKey(portfolio.defaultCalendar())) {
            problems.add("portfolio: default calendar " + portfolio.defaultCalendar());
        }
        for (Site site : portfolio.sites()) {
            if (site.calendar() != null && !calendars.containsKey(site.calendar())) {
                problems.add("site " + site.id() + ": calendar " + site.calendar());
            }
        }
        for (LaborPool pool : portfolio.pools()) {
            if (pool.calendar() != null && !calendars.containsKey(pool.calendar())) {
                problems.add("pool " + pool.id() + ": calendar " + pool.calendar());
            }
            pool.siteIds().stream().filter(id -> !sites.containsKey(id))
                    .forEach(id -> problems.add("pool " + pool.id() + ": site " + id));
        }
        for (Shipment shipment : portfolio.shipments()) {
            if (!sites.containsKey(shipment.siteId())) {
                problems.add("shipment " + shipment.id() + ": site " + shipment.siteId());
            }
        }
        portfolio.budgets().stream().filter(budget -> budget.siteId() != null && !sites.containsKey(budget.siteId()))
                .forEach(budget -> problems.add("budget " + budget.id() + ": site " + budget.siteId()));
        for (Task task : portfolio.tasks()) {
            String label = "task " + task.id() + ": ";
            if (!sites.containsKey(task.siteId())) {
                problems.add(label + "site " + task.siteId());
            }
            for (Dependency dependency : task.predecessors()) {
                Task predecessor = tasks.get(dependency.taskId());
                if (predecessor == null) {
                    problems.add(label + "predecessor " + dependency.taskId());
                }
            }
            for (String material : task.materials()) {
                Shipment shipment = shipments.get(material);
                if (shipment == null || !shipment.siteId().equals(task.siteId())) {
                    problems.add(label + "material " + material);
                }
            }
            for (TaskMode mode : task.modes()) {
                mode.crew().keySet().stream().filter(id -> !pools.containsKey(id))
                        .forEach(id -> problems.add(label + "pool " + id));
                mode.budgetUse().keySet().stream().filter(id -> !budgets.contains(id))
                        .forEach(id -> problems.add(label + "budget " + id));
            }
            if (task.bringsOnline() != null && !task.siteId().equals(siteOfBlock.get(task.bringsOnline()))) {
                problems.add(label + "block " + task.bringsOnline());
            }
            String progressMode = task.progress() == null ? null : task.progress().mode();
            if (progressMode != null && task.modeIndex(progressMode) < 0) {
                problems.add(label + "progress mode " + progressMode);
            }
        }
        portfolio.previousSchedule().stream().filter(planned -> !tasks.containsKey(planned.taskId()))
                .forEach(planned -> problems.add("previousSchedule: task " + planned.taskId()));
        return problems;
    }

    /** @return the ids of tasks on or behind a precedence cycle (Kahn's algorithm leaves them unpeeled) */
    static List<String> tasksOnCycles(Portfolio portfolio) {
        Map<String, Integer> unfinishedPredecessors = new HashMap<>();
        Map<String, List<String>> successors = new HashMap<>();
        for (Task task : portfolio.tasks()) {
            unfinishedPredecessors.put(task.id(), task.predecessors().size());
            for (Dependency dependency : task.predecessors()) {
                successors.computeIfAbsent(dependency.taskId(), id -> new ArrayList<>()).add(task.id());
            }
        }
        ArrayDeque<String> ready = new ArrayDeque<>();
        unfinishedPredecessors.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        Set<String> peeled = new HashSet<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            peeled.add(id);
            for (String successor : successors.getOrDefault(id, List.of())) {
                if (unfinishedPredecessors.merge(successor, -1, Integer::sum) == 0) {
                    ready.add(successor);
                }
            }
        }
        return portfolio.tasks().stream().map(Task::id).filter(id -> !peeled.contains(id)).toList();
    }

    /** @return modes whose crew names a pool that does not serve the task's site or is larger than its base */
    static List<String> staffingProblems(Portfolio portfolio) {
        Map<String, LaborPool> pools = byId(portfolio.pools(), LaborPool::id);
        List<String> problems = new ArrayList<>();
        for (Task task : portfolio.tasks()) {
            for (TaskMode mode : task.modes()) {
                mode.crew().forEach((poolId, headcount) -> {
                    LaborPool pool = pools.get(poolId);
                    if (!pool.siteIds().contains(task.siteId())) {
                        problems.add(task.id() + "/" + mode.name() + ": " + poolId + " does not serve "
                                + task.siteId());
                    } else if (headcount < 1 || headcount > pool.baseHeadcount()) {
                        problems.add(task.id() + "/" + mode.name() + ": " + headcount + " of " + poolId + " (base "
                                + pool.baseHeadcount() + ")");
                    }
                });
            }
        }
        return problems;
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> idOf) {
        Map<String, T> byId = new HashMap<>();
        items.forEach(item -> byId.putIfAbsent(idOf.apply(item), item));
        return byId;
    }

    private static void checkUnique(String kind, int listed, Map<String, ?> byId, List<String> problems) {
        if (byId.size() != listed) {
            problems.add(kind + " ids are not unique");
        }
    }
}
