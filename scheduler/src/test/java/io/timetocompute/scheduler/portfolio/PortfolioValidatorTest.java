package io.timetocompute.scheduler.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class PortfolioValidatorTest {

    private static final LocalDate DATA_DATE = LocalDate.of(2026, 3, 2);

    // ------------------------------------------------------------------------------------------- valid portfolio

    @Test
    void validPortfolioPasses() {
        assertThat(PortfolioValidator.findProblems(validPortfolio())).isEmpty();
        assertThatCode(() -> PortfolioValidator.validate(validPortfolio())).doesNotThrowAnyException();
    }

    @Test
    void pinnedProgressThatIsConsistentPasses() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-PREP",
                t -> t.withProgress(TaskProgress.done("standard", DATA_DATE.minusDays(20), DATA_DATE.minusDays(1))));
        portfolio = withTask(portfolio, "WTX1-H1-ENERGIZE",
                t -> t.withProgress(TaskProgress.inProgress(null, DATA_DATE, 3)));

        assertThat(PortfolioValidator.findProblems(portfolio)).isEmpty();
    }

    @Test
    void nullPortfolioIsReported() {
        assertThatThrownBy(() -> PortfolioValidator.validate(null))
                .isInstanceOf(InvalidPortfolioException.class)
                .hasMessageContaining("portfolio is missing");
    }

    // ------------------------------------------------------------------------------------- required fields, ids

    @Test
    void oversizedNamesAndIdsAreReportedWithoutEchoingThem() {
        String huge = "<img src=x onerror=alert(1)>".repeat(80_000);
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-PREP", t -> new Task(t.id(), t.siteId(), huge,
                "p".repeat(PortfolioValidator.MAX_TEXT_LENGTH + 1), t.modes(), t.predecessors(), t.materials(),
                t.requiresPower(), t.bringsOnline(), t.progress()));

        List<String> problems = PortfolioValidator.findProblems(portfolio);

        assertThat(problems).anyMatch(problem -> problem.matches("task #\\d+: name is longer than 200 characters "
                + "\\(2240000\\)")).anyMatch(problem -> problem.matches("task #\\d+: phase is longer than 200 "
                + "characters \\(201\\)"));
        assertThat(String.join("\n", problems)).doesNotContain("onerror");
        Task exactlyAtTheLimit = new Task("T".repeat(PortfolioValidator.MAX_ID_LENGTH), "WTX1",
                "n".repeat(PortfolioValidator.MAX_TEXT_LENGTH), null, List.of(), List.of(), List.of(), false, null,
                null);
        assertThat(PortfolioValidator.findProblems(addTask(validPortfolio(), exactlyAtTheLimit)))
                .noneMatch(problem -> problem.contains("longer than"));
    }

    @Test
    void missingDataDate() {
        Portfolio p = validPortfolio();
        Portfolio portfolio = new Portfolio(p.id(), p.name(), null, p.calendars(), p.defaultCalendar(),
                p.freezeWindowDays(), p.disruptionCostPerDay(), p.sites(), p.pools(), p.shipments(), p.budgets(),
                p.tasks(), p.previousSchedule());

        assertInvalid(portfolio, "portfolio: dataDate is missing");
    }

    @Test
    void blankTaskId() {
        Portfolio portfolio = addTask(validPortfolio(), task(" ", "WTX1", standardMode(5, "ELEC-WTX1", 2)));

        assertInvalid(portfolio, "task #3: id is missing");
    }

    @Test
    void duplicateTaskId() {
        Portfolio portfolio = addTask(validPortfolio(), task("WTX1-H1-PREP", "WTX1", standardMode(5, "ELEC-WTX1", 2)));

        assertInvalid(portfolio, "task WTX1-H1-PREP: id is used more than once (task #1 and #3)");
    }

    @Test
    void duplicateSiteId() {
        Portfolio p = validPortfolio();
        List<Site> sites = new ArrayList<>(p.sites());
        sites.add(new Site("WTX1", "Copy", "US", null, null, null, List.of()));

        assertInvalid(p.withSites(sites), "site WTX1: id is used more than once");
    }

    @Test
    void duplicateBlockIdAcrossSites() {
        Portfolio p = validPortfolio();
        List<Site> sites = new ArrayList<>(p.sites());
        sites.add(new Site("OHIO1", "Old factory", "US", null, null, null, List.of(block("WTX1-H1"))));

        assertInvalid(p.withSites(sites), "block WTX1-H1: id is used more than once (site WTX1 and site OHIO1)");
    }

    @Test
    void duplicatePoolId() {
        Portfolio p = validPortfolio();
        List<LaborPool> pools = new ArrayList<>(p.pools());
        pools.add(pool("ELEC-WTX1", 5, "WTX1"));

        assertInvalid(p.withPools(pools), "pool ELEC-WTX1: id is used more than once");
    }

    @Test
    void duplicateShipmentId() {
        Portfolio p = validPortfolio();
        List<Shipment> shipments = new ArrayList<>(p.shipments());
        shipments.add(shipment("XFMR-WTX1-1", "WTX1"));

        assertInvalid(p.withShipments(shipments), "shipment XFMR-WTX1-1: id is used more than once");
    }

    @Test
    void duplicateBudgetId() {
        Portfolio p = validPortfolio();
        List<Budget> budgets = new ArrayList<>(p.budgets());
        budgets.add(new Budget("OT-WTX1", "WTX1", "copy", 10));

        assertInvalid(withBudgets(p, budgets), "budget OT-WTX1: id is used more than once");
    }

    @Test
    void duplicateCalendarId() {
        Portfolio portfolio = withCalendars(validPortfolio(), "SIX-DAY",
                List.of(sixDayCalendar("SIX-DAY"), sixDayCalendar("SIX-DAY")));

        assertInvalid(portfolio, "calendar SIX-DAY: id is used more than once");
    }

    // ------------------------------------------------------------------------------------------- modes, values

    @Test
    void taskWithoutMode() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-PREP", t -> withModes(t, List.of()));

        assertInvalid(portfolio, "task WTX1-H1-PREP: has no mode");
    }

    @Test
    void duplicateModeName() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-PREP",
                t -> withModes(t, List.of(standardMode(5, "ELEC-WTX1", 2), standardMode(4, "ELEC-WTX1", 3))));

        assertInvalid(portfolio, "task WTX1-H1-PREP: mode name standard is used more than once");
    }

    @Test
    void negativeDuration() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-PREP",
                t -> withModes(t, List.of(standardMode(-1, "ELEC-WTX1", 2))));

        assertInvalid(portfolio, "task WTX1-H1-PREP: mode standard: durationDays must be >= 0 (is -1)");
    }

    @Test
    void zeroHeadcount() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-PREP",
                t -> withModes(t, List.of(standardMode(5, "ELEC-WTX1", 0))));

        assertInvalid(portfolio, "task WTX1-H1-PREP: mode standard: headcount of pool ELEC-WTX1 must be > 0 (is 0)");
    }

    @Test
    void negativeBlockValueAndPenalty() {
        Portfolio p = validPortfolio();
        Site site = p.sites().get(0);
        ComputeBlock negative = new ComputeBlock("WTX1-H1", "Hall 1", 50, -1, DATA_DATE.plusYears(1), -2);
        Portfolio portfolio = p.withSites(List.of(new Site(site.id(), site.name(), site.region(), site.calendar(),
                site.powerAvailableDate(), site.startNotBefore(), List.of(negative))));

        assertThat(PortfolioValidator.findProblems(portfolio)).contains(
                "block WTX1-H1: valuePerDay must be >= 0 (is -1)",
                "block WTX1-H1: penaltyPerDayLate must be >= 0 (is -2)");
    }

    @Test
    void negativeShipmentQuantity() {
        Portfolio portfolio = validPortfolio().withShipments(List.of(
                new Shipment("XFMR-WTX1-1", "Hitachi", "transformer", "WTX1", -3, DATA_DATE.plusDays(30), null, null)));

        assertInvalid(portfolio, "shipment XFMR-WTX1-1: quantity must be >= 0 (is -3)");
    }

    @Test
    void shipmentWithoutAnyDate() {
        Portfolio portfolio = validPortfolio().withShipments(List.of(
                new Shipment("XFMR-WTX1-1", "Hitachi", "transformer", "WTX1", 1, null, null, null)));

        assertInvalid(portfolio, "shipment XFMR-WTX1-1: has neither a promisedDate nor a deliveredDate");
    }

    // ------------------------------------------------------------------------------------------------ references

    @Test
    void unknownTaskSite() {
        Portfolio portfolio = addTask(validPortfolio(), task("NOWHERE-1", "NOWHERE", new TaskMode("standard", 1,
                Map.of(), 0, Map.of())));

        assertInvalid(portfolio, "task NOWHERE-1: site NOWHERE does not exist");
    }

    @Test
    void unknownPredecessor() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-ENERGIZE",
                t -> withPredecessors(t, List.of(Dependency.finishToStart("WTX1-H1-XXX"))));

        assertInvalid(portfolio, "task WTX1-H1-ENERGIZE: predecessor WTX1-H1-XXX does not exist");
    }

    @Test
    void taskIsItsOwnPredecessor() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-ENERGIZE",
                t -> withPredecessors(t, List.of(Dependency.finishToStart("WTX1-H1-ENERGIZE"))));

        assertInvalid(portfolio, "task WTX1-H1-ENERGIZE: predecessor WTX1-H1-ENERGIZE is the task itself");
    }

    @Test
    void unknownMaterial() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-ENERGIZE", t -> withMaterials(t, List.of("GEN-9")));

        assertInvalid(portfolio, "task WTX1-H1-ENERGIZE: material GEN-9 is not a known shipment");
    }

    @Test
    void materialDeliveredToAnotherSite() {
        Portfolio portfolio = addSecondSite(validPortfolio());
        List<Shipment> shipments = new ArrayList<>(portfolio.shipments());
        shipments.add(shipment("XFMR-OHIO1-1", "OHIO1"));
        portfolio = withTask(portfolio.withShipments(shipments), "WTX1-H1-ENERGIZE",
                t -> withMaterials(t, List.of("XFMR-OHIO1-1")));

        assertInvalid(portfolio, "task WTX1-H1-ENERGIZE: material XFMR-OHIO1-1 is delivered to site OHIO1, "
                + "not to the task's site WTX1");
    }

    @Test
    void unknownBlock() {
        Portfolio portfolio = addTask(validPortfolio(),
                withBringsOnline(task("WTX1-H9-ENERGIZE", "WTX1", standardMode(1, "ELEC-WTX1", 1)), "WTX1-H9"));

        assertInvalid(portfolio, "task WTX1-H9-ENERGIZE: brings online block WTX1-H9, which does not exist");
    }

    @Test
    void blockOfAnotherSite() {
        Portfolio portfolio = addSecondSite(validPortfolio());
        portfolio = addTask(portfolio, withBringsOnline(task("WTX1-X", "WTX1", standardMode(1, "ELEC-WTX1", 1)),
                "OHIO1-H1"));

        assertInvalid(portfolio, "task WTX1-X: brings online block OHIO1-H1 of site OHIO1, not of its own site WTX1");
    }

    @Test
    void blockBroughtOnlineTwice() {
        Portfolio portfolio = addTask(validPortfolio(),
                withBringsOnline(task("WTX1-H1-AGAIN", "WTX1", standardMode(1, "ELEC-WTX1", 1)), "WTX1-H1"));

        assertInvalid(portfolio,
                "block WTX1-H1: brought online by more than one task (task WTX1-H1-ENERGIZE and task WTX1-H1-AGAIN)");
    }

    @Test
    void blockThatNoTaskBringsOnline() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-ENERGIZE", t -> withBringsOnline(t, null));

        assertInvalid(portfolio, "block WTX1-H1 (site WTX1): no task brings it online");
    }

    @Test
    void unknownCrewPool() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-PREP",
                t -> withModes(t, List.of(standardMode(5, "PIPE-WTX1", 4))));

        assertThat(PortfolioValidator.findProblems(portfolio))
                .contains("task WTX1-H1-PREP: mode standard: crew pool PIPE-WTX1 does not exist")
                .noneMatch(problem -> problem.contains("cannot be staffed")); // one report per mistake
    }

    @Test
    void unknownBudgetInBudgetUse() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-PREP", t -> withModes(t, List.of(
                new TaskMode("standard", 5, Map.of("ELEC-WTX1", 2), 0, Map.of("OT-NOWHERE", 10)))));

        assertInvalid(portfolio, "task WTX1-H1-PREP: mode standard: budget OT-NOWHERE does not exist");
    }

    @Test
    void negativeBudgetUse() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-PREP", t -> withModes(t, List.of(
                new TaskMode("standard", 5, Map.of("ELEC-WTX1", 2), 0, Map.of("OT-WTX1", -10)))));

        assertInvalid(portfolio, "task WTX1-H1-PREP: mode standard: use of budget OT-WTX1 must be >= 0 (is -10)");
    }

    @Test
    void negativeBudgetCapacity() {
        Portfolio portfolio = withBudgets(validPortfolio(), List.of(new Budget("OT-WTX1", "WTX1", "overtime", -1)));

        assertInvalid(portfolio, "budget OT-WTX1: capacity must be >= 0 (is -1)");
    }

    @Test
    void unknownSiteCalendar() {
        Portfolio p = validPortfolio();
        Site site = p.sites().get(0);
        Portfolio portfolio = p.withSites(List.of(new Site(site.id(), site.name(), site.region(), "SEVEN-DAY",
                site.powerAvailableDate(), site.startNotBefore(), site.computeBlocks())));

        assertInvalid(portfolio, "site WTX1: calendar SEVEN-DAY does not exist");
    }

    @Test
    void unknownPoolCalendar() {
        LaborPool elec = validPortfolio().pools().get(0);
        Portfolio portfolio = validPortfolio().withPools(List.of(new LaborPool(elec.id(), elec.name(), elec.trade(),
                elec.siteIds(), "NIGHTS", elec.baseHeadcount(), elec.adjustments())));

        assertInvalid(portfolio, "pool ELEC-WTX1: calendar NIGHTS does not exist");
    }

    @Test
    void unknownDefaultCalendar() {
        Portfolio portfolio = withCalendars(validPortfolio(), "SIX-DAY", List.of());

        assertInvalid(portfolio, "portfolio: default calendar SIX-DAY does not exist");
    }

    @Test
    void knownDefaultCalendarPasses() {
        Portfolio portfolio = withCalendars(validPortfolio(), "SIX-DAY", List.of(sixDayCalendar("SIX-DAY")));

        assertThat(PortfolioValidator.findProblems(portfolio)).isEmpty();
    }

    @Test
    void unknownPoolSite() {
        Portfolio portfolio = validPortfolio().withPools(List.of(pool("ELEC-WTX1", 30, "WTX1", "ATLANTIS")));

        assertInvalid(portfolio, "pool ELEC-WTX1: site ATLANTIS does not exist");
    }

    @Test
    void unknownShipmentSite() {
        Portfolio portfolio = validPortfolio().withShipments(List.of(shipment("XFMR-WTX1-1", "WTX9")));

        assertInvalid(portfolio, "shipment XFMR-WTX1-1: site WTX9 does not exist");
    }

    @Test
    void previousScheduleNamesUnknownTask() {
        Portfolio portfolio = validPortfolio().withPreviousSchedule(List.of(
                new PlannedStart("WTX1-H1-GONE", DATA_DATE, "standard")));

        assertInvalid(portfolio, "previousSchedule: task WTX1-H1-GONE does not exist");
    }

    @Test
    void previousScheduleNamesUnknownMode() {
        Portfolio portfolio = validPortfolio().withPreviousSchedule(List.of(
                new PlannedStart("WTX1-H1-PREP", DATA_DATE, "second-shift")));

        assertInvalid(portfolio, "previousSchedule: task WTX1-H1-PREP: mode second-shift does not exist");
    }

    // ----------------------------------------------------------------------------------------- precedence cycles

    @Test
    void threeTaskCycleIsReportedInPrecedenceOrder() {
        Portfolio portfolio = validPortfolio().withTasks(List.of(
                withPredecessors(task("A", "WTX1", standardMode(1, "ELEC-WTX1", 1)),
                        List.of(Dependency.finishToStart("C"))),
                withPredecessors(task("B", "WTX1", standardMode(1, "ELEC-WTX1", 1)),
                        List.of(Dependency.finishToStart("A"))),
                withBringsOnline(withPredecessors(task("C", "WTX1", standardMode(1, "ELEC-WTX1", 1)),
                        List.of(Dependency.finishToStart("B"))), "WTX1-H1"),
                // Downstream of the cycle, not on it: must not show up in the message.
                withPredecessors(task("D", "WTX1", standardMode(1, "ELEC-WTX1", 1)),
                        List.of(Dependency.finishToStart("C")))));

        assertThat(PortfolioValidator.findProblems(portfolio)).containsExactly("precedence cycle: A -> B -> C -> A");
    }

    @Test
    void chainOf100000TasksValidatesQuicklyWithoutStackOverflow() {
        Portfolio portfolio = chain(100_000, false);

        long started = System.nanoTime();
        assertThatCode(() -> PortfolioValidator.validate(portfolio)).doesNotThrowAnyException();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        // Generous for slow CI machines; a quadratic check would take minutes here.
        assertThat(elapsed).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void cycleThroughChainOf100000TasksIsFoundAndAbbreviated() {
        Portfolio portfolio = chain(100_000, true);

        assertThat(PortfolioValidator.findProblems(portfolio)).singleElement().asString()
                .startsWith("precedence cycle of 100000 tasks: T0 -> T1 -> ")
                .contains("... (99980 more) -> T99999 -> T0");
    }

    // ------------------------------------------------------------------------------------------------- staffing

    @Test
    void taskNoPoolCanStaff() {
        Portfolio portfolio = addSecondSite(validPortfolio());
        List<LaborPool> pools = new ArrayList<>(portfolio.pools());
        pools.add(pool("ELEC-OHIO1", 100, "OHIO1"));
        portfolio = withTask(portfolio.withPools(pools), "WTX1-H1-PREP", t -> withModes(t, List.of(
                standardMode(10, "ELEC-WTX1", 40),
                new TaskMode("overtime", 8, Map.of("ELEC-OHIO1", 20), 50_000, Map.of()))));

        assertInvalid(portfolio, "task WTX1-H1-PREP cannot be staffed: mode standard needs 40 of pool ELEC-WTX1 "
                + "(max 30); mode overtime needs pool ELEC-OHIO1 which does not serve site WTX1");
    }

    @Test
    void oneStaffableModeIsEnough() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-PREP", t -> withModes(t, List.of(
                standardMode(10, "ELEC-WTX1", 40),
                new TaskMode("small-crew", 20, Map.of("ELEC-WTX1", 20), 0, Map.of()))));

        assertThat(PortfolioValidator.findProblems(portfolio)).isEmpty();
    }

    @Test
    void hiringRampCountsTowardsTheMaximumHeadcount() {
        LaborPool ramped = pool("ELEC-WTX1", 30, "WTX1").withAdjustments(List.of(
                CapacityAdjustment.delta(DATA_DATE.plusDays(30), null, 15, "local hires finish training")));
        Portfolio portfolio = withTask(validPortfolio().withPools(List.of(ramped)), "WTX1-H1-PREP",
                t -> withModes(t, List.of(standardMode(10, "ELEC-WTX1", 45))));

        assertThat(PortfolioValidator.findProblems(portfolio)).isEmpty();
    }

    @Test
    void inProgressTaskIsHeldToItsRunningMode() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-PREP", t -> withModes(t, List.of(
                standardMode(10, "ELEC-WTX1", 2),
                new TaskMode("crash", 5, Map.of("ELEC-WTX1", 99), 0, Map.of()))));
        portfolio = withTask(portfolio, "WTX1-H1-PREP",
                t -> t.withProgress(TaskProgress.inProgress("crash", DATA_DATE.minusDays(3), 2)));

        assertInvalid(portfolio, "task WTX1-H1-PREP cannot be staffed: mode crash needs 99 of pool ELEC-WTX1 (max 30)");
    }

    // ------------------------------------------------------------------------------------------------- progress

    @Test
    void inProgressStartedAfterDataDate() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-PREP",
                t -> t.withProgress(TaskProgress.inProgress(null, DATA_DATE.plusDays(1), 3)));

        assertInvalid(portfolio, "task WTX1-H1-PREP: actualStart 2026-03-03 is after the data date 2026-03-02");
    }

    @Test
    void inProgressWithNegativeRemainingDays() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-PREP",
                t -> t.withProgress(TaskProgress.inProgress(null, DATA_DATE, -1)));

        assertInvalid(portfolio, "task WTX1-H1-PREP: remainingDays must be >= 0 (is -1)");
    }

    @Test
    void inProgressWithoutStartOrRemainingDays() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-PREP",
                t -> t.withProgress(new TaskProgress(TaskStatus.IN_PROGRESS, null, null, null, null)));

        assertThat(PortfolioValidator.findProblems(portfolio)).contains(
                "task WTX1-H1-PREP: IN_PROGRESS needs an actualStart",
                "task WTX1-H1-PREP: IN_PROGRESS needs remainingDays");
    }

    @Test
    void progressInUnknownMode() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-PREP",
                t -> t.withProgress(TaskProgress.inProgress("night-shift", DATA_DATE, 3)));

        assertInvalid(portfolio, "task WTX1-H1-PREP: progress mode night-shift does not exist");
    }

    @Test
    void doneWithoutFinish() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-PREP",
                t -> t.withProgress(new TaskProgress(TaskStatus.DONE, null, DATA_DATE.minusDays(5), 0, null)));

        assertInvalid(portfolio, "task WTX1-H1-PREP: DONE needs an actualFinish");
    }

    @Test
    void doneFinishedBeforeItStarted() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-PREP",
                t -> t.withProgress(TaskProgress.done(null, DATA_DATE.minusDays(1), DATA_DATE.minusDays(5))));

        assertInvalid(portfolio, "task WTX1-H1-PREP: actualStart 2026-03-01 is after actualFinish 2026-02-25");
    }

    @Test
    void doneFinishedAfterDataDate() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-PREP",
                t -> t.withProgress(TaskProgress.done(null, DATA_DATE.minusDays(1), DATA_DATE.plusDays(1))));

        assertInvalid(portfolio, "task WTX1-H1-PREP: actualFinish 2026-03-03 is after the data date 2026-03-02");
    }

    @Test
    void notStartedWithActualDates() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-PREP",
                t -> t.withProgress(new TaskProgress(TaskStatus.NOT_STARTED, null, DATA_DATE, null, null)));

        assertInvalid(portfolio, "task WTX1-H1-PREP: NOT_STARTED but has an actual start or finish");
    }

    // ---------------------------------------------------------------------------------------------- adjustments

    @Test
    void adjustmentWithBothHeadcountAndDelta() {
        Portfolio portfolio = withElecAdjustment(new CapacityAdjustment(DATA_DATE, null, 10, 5, "strike"));

        assertInvalid(portfolio, "pool ELEC-WTX1: adjustment #1 (strike): needs exactly one of headcount and delta");
    }

    @Test
    void adjustmentWithNeitherHeadcountNorDelta() {
        Portfolio portfolio = withElecAdjustment(new CapacityAdjustment(DATA_DATE, null, null, null, "weather"));

        assertInvalid(portfolio, "pool ELEC-WTX1: adjustment #1 (weather): needs exactly one of headcount and delta");
    }

    @Test
    void adjustmentEndingBeforeItStarts() {
        Portfolio portfolio = withElecAdjustment(
                CapacityAdjustment.delta(DATA_DATE.plusDays(10), DATA_DATE, -5, "illness"));

        assertInvalid(portfolio, "pool ELEC-WTX1: adjustment #1 (illness): from 2026-03-12 is after to 2026-03-02");
    }

    @Test
    void negativeAbsoluteHeadcount() {
        Portfolio portfolio = withElecAdjustment(CapacityAdjustment.absolute(DATA_DATE, null, -1, "typo"));

        assertInvalid(portfolio, "pool ELEC-WTX1: adjustment #1 (typo): headcount must be >= 0 (is -1)");
    }

    @Test
    void missingValuesEverywhereAreReportedWithoutCrashing() {
        Site siteWithoutId = new Site(null, null, null, null, null, null, List.of(block(null), block("B1")));
        TaskMode unnamed = new TaskMode(null, 1, Map.of("P", 1), 0, Map.of());
        Task taskWithoutAnything = new Task(null, null, null, null, List.of(unnamed, unnamed),
                List.of(new Dependency(null, null, 0)), List.of(), false, "B1",
                new TaskProgress(TaskStatus.DONE, "x", null, null, null));
        Portfolio portfolio = new Portfolio(null, null, null, List.of(new CalendarSpec(null, null, null)), null, -1,
                -1L, List.of(siteWithoutId),
                List.of(new LaborPool(null, null, null, null, null, -1, List.of()),
                        new LaborPool("P", null, null, null, null, 0, List.of())),
                List.of(new Shipment(null, null, null, null, 0, null, null, -1)),
                List.of(new Budget(null, null, null, 0)), List.of(taskWithoutAnything),
                List.of(new PlannedStart(null, null, null)));

        assertThat(PortfolioValidator.findProblems(portfolio)).contains(
                "calendar #1: id is missing",
                "site #1: id is missing",
                "site #1: block #1: id is missing",
                "pool #1: id is missing",
                "pool #1: baseHeadcount must be >= 0 (is -1)",
                "shipment #1: siteId is missing",
                "budget #1: id is missing",
                "task #1: id is missing",
                "task #1: siteId is missing",
                "task #1: mode #1: name is missing",
                "task #1: predecessor #1 has no task id",
                "task #1: DONE needs an actualStart",
                "task #1: progress mode x does not exist",
                "portfolio: freezeWindowDays must be >= 0 (is -1)",
                "previousSchedule entry #1: taskId is missing");
        assertThatThrownBy(() -> PortfolioValidator.validate(portfolio))
                .hasMessageStartingWith("portfolio is invalid (");
    }

    // ------------------------------------------------------------------------------------------ message format

    @Test
    void allProblemsAreReportedOneLineEach() {
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-ENERGIZE", t -> withMaterials(
                withPredecessors(t, List.of(Dependency.finishToStart("WTX1-H1-XXX"))), List.of("GEN-9")));

        assertThatThrownBy(() -> PortfolioValidator.validate(portfolio))
                .isInstanceOf(InvalidPortfolioException.class)
                .hasMessage("""
                        portfolio demo is invalid (2 problems):
                        - task WTX1-H1-ENERGIZE: predecessor WTX1-H1-XXX does not exist
                        - task WTX1-H1-ENERGIZE: material GEN-9 is not a known shipment""");
    }

    @Test
    void longListsAreCutAfterTwentyProblems() {
        List<Dependency> missing = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            missing.add(Dependency.finishToStart("MISSING-" + i));
        }
        Portfolio portfolio = withTask(validPortfolio(), "WTX1-H1-ENERGIZE", t -> withPredecessors(t, missing));

        assertThatThrownBy(() -> PortfolioValidator.validate(portfolio))
                .isInstanceOf(InvalidPortfolioException.class)
                .satisfies(e -> assertThat(e.getMessage().lines())
                        .hasSize(1 + PortfolioValidator.MAX_LISTED_PROBLEMS + 1)
                        .contains("- task WTX1-H1-ENERGIZE: predecessor MISSING-19 does not exist")
                        .doesNotContain("- task WTX1-H1-ENERGIZE: predecessor MISSING-20 does not exist")
                        .last().isEqualTo("... and 10 more"));
    }

    // ================================================================================================= helpers

    private static void assertInvalid(Portfolio portfolio, String expectedProblem) {
        assertThatThrownBy(() -> PortfolioValidator.validate(portfolio))
                .isInstanceOf(InvalidPortfolioException.class)
                .hasMessageContaining(expectedProblem);
    }

    /** One site with one hall, one electrician pool, a transformer and an overtime budget; two tasks. */
    private static Portfolio validPortfolio() {
        Site wtx1 = new Site("WTX1", "West Texas 1", "ERCOT West", null, DATA_DATE.plusMonths(6), null,
                List.of(block("WTX1-H1")));
        Task prep = task("WTX1-H1-PREP", "WTX1", standardMode(10, "ELEC-WTX1", 12));
        Task energize = new Task("WTX1-H1-ENERGIZE", "WTX1", "Energize hall 1", "energization", List.of(
                standardMode(5, "ELEC-WTX1", 20),
                new TaskMode("overtime", 4, Map.of("ELEC-WTX1", 25), 80_000, Map.of("OT-WTX1", 400))),
                List.of(Dependency.finishToStart("WTX1-H1-PREP")), List.of("XFMR-WTX1-1"), true, "WTX1-H1", null);
        return new Portfolio("demo", "Demo", DATA_DATE, List.of(), null, null, null, List.of(wtx1),
                List.of(pool("ELEC-WTX1", 30, "WTX1")), List.of(shipment("XFMR-WTX1-1", "WTX1")),
                List.of(new Budget("OT-WTX1", "WTX1", "overtime hours", 5_000)), List.of(prep, energize), List.of());
    }

    /** A chain T0 -> T1 -> ... whose last task brings the only hall online; optionally closed into a cycle. */
    private static Portfolio chain(int length, boolean closeIntoCycle) {
        List<Task> tasks = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            String predecessor = i > 0 ? "T" + (i - 1) : closeIntoCycle ? "T" + (length - 1) : null;
            Task task = task("T" + i, "WTX1", standardMode(1, "ELEC-WTX1", 1));
            if (predecessor != null) {
                task = withPredecessors(task, List.of(Dependency.finishToStart(predecessor)));
            }
            tasks.add(i == length - 1 ? withBringsOnline(task, "WTX1-H1") : task);
        }
        return validPortfolio().withTasks(tasks);
    }

    private static Portfolio addSecondSite(Portfolio portfolio) {
        List<Site> sites = new ArrayList<>(portfolio.sites());
        sites.add(new Site("OHIO1", "Old factory", "PJM", null, null, null, List.of(block("OHIO1-H1"))));
        return addTask(portfolio.withSites(sites), withBringsOnline(task("OHIO1-H1-ENERGIZE", "OHIO1",
                new TaskMode("standard", 3, Map.of(), 0, Map.of())), "OHIO1-H1"));
    }

    private static Portfolio withElecAdjustment(CapacityAdjustment adjustment) {
        LaborPool elec = validPortfolio().pools().get(0);
        return validPortfolio().withPools(List.of(elec.withAdjustments(List.of(adjustment))));
    }

    private static Portfolio withBudgets(Portfolio p, List<Budget> budgets) {
        return new Portfolio(p.id(), p.name(), p.dataDate(), p.calendars(), p.defaultCalendar(), p.freezeWindowDays(),
                p.disruptionCostPerDay(), p.sites(), p.pools(), p.shipments(), budgets, p.tasks(),
                p.previousSchedule());
    }

    private static Portfolio withCalendars(Portfolio p, String defaultCalendar, List<CalendarSpec> calendars) {
        return new Portfolio(p.id(), p.name(), p.dataDate(), calendars, defaultCalendar, p.freezeWindowDays(),
                p.disruptionCostPerDay(), p.sites(), p.pools(), p.shipments(), p.budgets(), p.tasks(),
                p.previousSchedule());
    }

    private static Portfolio addTask(Portfolio portfolio, Task task) {
        List<Task> tasks = new ArrayList<>(portfolio.tasks());
        tasks.add(task);
        return portfolio.withTasks(tasks);
    }

    private static Portfolio withTask(Portfolio portfolio, String taskId, UnaryOperator<Task> change) {
        return portfolio.withTasks(portfolio.tasks().stream()
                .map(t -> t.id().equals(taskId) ? change.apply(t) : t)
                .toList());
    }

    private static Task task(String id, String siteId, TaskMode mode) {
        return new Task(id, siteId, id, null, List.of(mode), List.of(), List.of(), false, null, null);
    }

    private static Task withModes(Task t, List<TaskMode> modes) {
        return new Task(t.id(), t.siteId(), t.name(), t.phase(), modes, t.predecessors(), t.materials(),
                t.requiresPower(), t.bringsOnline(), t.progress());
    }

    private static Task withPredecessors(Task t, List<Dependency> predecessors) {
        return new Task(t.id(), t.siteId(), t.name(), t.phase(), t.modes(), predecessors, t.materials(),
                t.requiresPower(), t.bringsOnline(), t.progress());
    }

    private static Task withMaterials(Task t, List<String> materials) {
        return new Task(t.id(), t.siteId(), t.name(), t.phase(), t.modes(), t.predecessors(), materials,
                t.requiresPower(), t.bringsOnline(), t.progress());
    }

    private static Task withBringsOnline(Task t, String blockId) {
        return new Task(t.id(), t.siteId(), t.name(), t.phase(), t.modes(), t.predecessors(), t.materials(),
                t.requiresPower(), blockId, t.progress());
    }

    private static TaskMode standardMode(int durationDays, String poolId, int headcount) {
        return new TaskMode("standard", durationDays, Map.of(poolId, headcount), 0, Map.of());
    }

    private static ComputeBlock block(String id) {
        return new ComputeBlock(id, id, 50, 1_400_000, DATA_DATE.plusYears(1), 200_000);
    }

    private static LaborPool pool(String id, int baseHeadcount, String... siteIds) {
        return new LaborPool(id, id, "electrician", List.of(siteIds), null, baseHeadcount, List.of());
    }

    private static Shipment shipment(String id, String siteId) {
        return new Shipment(id, "Hitachi Energy", "power transformer", siteId, 1, DATA_DATE.plusDays(60), null, null);
    }

    private static CalendarSpec sixDayCalendar(String id) {
        return new CalendarSpec(id, Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), List.of());
    }
}
