package io.timetocompute.scheduler.solver;

import java.util.List;
import java.util.Map;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;

import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.portfolio.Budget;
import io.timetocompute.scheduler.portfolio.PlannedStart;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskMode;
import io.timetocompute.scheduler.portfolio.TaskProgress;
import io.timetocompute.scheduler.problem.ProblemCompiler;
import io.timetocompute.scheduler.problem.SchedulingProblem;

class ScheduleConstraintProviderTest {

    private final ConstraintVerifier<ScheduleConstraintProvider, PlanningSchedule> verifier =
            ConstraintVerifier.build(new ScheduleConstraintProvider(), PlanningSchedule.class, TaskAssignment.class);

    private static TaskAssignment at(SchedulingProblem problem, String taskId, int start, int mode) {
        TaskAssignment task = new TaskAssignment(problem, problem.taskIndex(taskId));
        task.setStart(start);
        task.setMode(mode);
        return task;
    }

    private static SchedulingProblem twoHalls() {
        return ProblemCompiler.compile(TestPortfolios.twoHalls());
    }

    @Test
    void successorStartingBeforeItsPredecessorFinishesIsPenalizedByTheDaysTooEarly() {
        SchedulingProblem problem = twoHalls();
        PlanningSchedule facts = new PlanningSchedule(problem);
        PrecedenceLink prepToFit = facts.getPrecedenceLinks().stream()
                .filter(link -> link.successorId().equals("H1-FIT")).findFirst().orElseThrow();
        verifier.verifyThat(ScheduleConstraintProvider::predecessorNotFinished)
                .given(prepToFit, at(problem, "PREP", 0, 0), at(problem, "H1-FIT", 8, 0))
                .penalizesBy(2);
        verifier.verifyThat(ScheduleConstraintProvider::predecessorNotFinished)
                .given(prepToFit, at(problem, "PREP", 0, 0), at(problem, "H1-FIT", 10, 0))
                .penalizesBy(0);
    }

    @Test
    void crewAboveThePoolHeadcountIsPenalizedByTheExcessPerDay() {
        SchedulingProblem problem = twoHalls();
        // 8 + 8 electricians of 10 on the five days both fit-outs overlap
        verifier.verifyThat(ScheduleConstraintProvider::crewOverCapacity)
                .given(at(problem, "H1-FIT", 10, 0), at(problem, "H2-FIT", 15, 0))
                .penalizesBy(5 * 6);
        verifier.verifyThat(ScheduleConstraintProvider::crewOverCapacity)
                .given(at(problem, "H1-FIT", 10, 0), at(problem, "H2-FIT", 20, 0))
                .penalizesBy(0);
    }

    @Test
    void startingBeforeTheShipmentIsReceivedIsPenalized() {
        SchedulingProblem problem = twoHalls();
        // arrives day 20, two receiving days: ready on day 22
        verifier.verifyThat(ScheduleConstraintProvider::materialNotReceived)
                .given(at(problem, "H1-ENERGIZE", 20, 0))
                .penalizesBy(2);
        verifier.verifyThat(ScheduleConstraintProvider::materialNotReceived)
                .given(at(problem, "H1-ENERGIZE", 22, 0))
                .penalizesBy(0);
    }

    @Test
    void energizationFinishingBeforePowerIsAvailableIsPenalized() {
        SchedulingProblem problem = twoHalls();
        // power on day 25; three days of energization from day 20 finish on day 22
        verifier.verifyThat(ScheduleConstraintProvider::powerNotAvailable)
                .given(at(problem, "H1-ENERGIZE", 20, 0))
                .penalizesBy(3);
        verifier.verifyThat(ScheduleConstraintProvider::powerNotAvailable)
                .given(at(problem, "H1-ENERGIZE", 23, 0))
                .penalizesBy(0);
    }

    @Test
    void workBeforeTheSiteOpensIsPenalized() {
        Portfolio portfolio = TestPortfolios.twoHalls();
        Site site = portfolio.sites().get(0);
        Site openingLater = new Site(site.id(), site.name(), site.region(), site.calendar(),
                site.powerAvailableDate(), TestPortfolios.DATA_DATE.plusDays(5), site.computeBlocks());
        SchedulingProblem problem = ProblemCompiler.compile(portfolio.withSites(List.of(openingLater)));
        verifier.verifyThat(ScheduleConstraintProvider::siteNotOpen)
                .given(at(problem, "PREP", 3, 0))
                .penalizesBy(2);
        verifier.verifyThat(ScheduleConstraintProvider::siteNotOpen)
                .given(at(problem, "PREP", 5, 0))
                .penalizesBy(0);
    }

    @Test
    void usingMoreThanABudgetIsPenalizedByTheExcess() {
        Portfolio portfolio = TestPortfolios.twoHalls();
        Task fit = portfolio.tasks().get(1);
        Task fitWithOvertimeHours = new Task(fit.id(), fit.siteId(), fit.name(), fit.phase(), List.of(
                fit.modes().get(0),
                new TaskMode("overtime", 7, Map.of("ELEC", 8), 100_000, Map.of("OT-HOURS", 8))),
                fit.predecessors(), fit.materials(), false, null, null);
        List<Task> tasks = new java.util.ArrayList<>(portfolio.tasks());
        tasks.set(1, fitWithOvertimeHours);
        Portfolio withBudget = new Portfolio(portfolio.id(), portfolio.name(), portfolio.dataDate(),
                portfolio.calendars(), portfolio.defaultCalendar(), portfolio.freezeWindowDays(),
                portfolio.disruptionCostPerDay(), portfolio.sites(), portfolio.pools(), portfolio.shipments(),
                List.of(new Budget("OT-HOURS", "S1", "Overtime allowance", 5)), tasks, List.of());
        SchedulingProblem problem = ProblemCompiler.compile(withBudget);
        verifier.verifyThat(ScheduleConstraintProvider::budgetExceeded)
                .given(at(problem, "H1-FIT", 10, 1))
                .penalizesBy(3);
        verifier.verifyThat(ScheduleConstraintProvider::budgetExceeded)
                .given(at(problem, "H1-FIT", 10, 0))
                .penalizesBy(0);
    }

    @Test
    void movingStartedWorkIsPenalized() {
        Portfolio portfolio = TestPortfolios.twoHalls();
        List<Task> tasks = new java.util.ArrayList<>(portfolio.tasks());
        tasks.set(0, tasks.get(0).withProgress(
                TaskProgress.inProgress("standard", TestPortfolios.DATA_DATE.minusDays(3), 7)));
        SchedulingProblem problem = ProblemCompiler.compile(portfolio.withTasks(tasks));
        verifier.verifyThat(ScheduleConstraintProvider::startedWorkMoved)
                .given(at(problem, "PREP", 3, 0))
                .penalizesBy(3);
        verifier.verifyThat(ScheduleConstraintProvider::startedWorkMoved)
                .given(at(problem, "PREP", 0, 0))
                .penalizesBy(0);
    }

    @Test
    void everyDayBeforeABlockIsOnlineCostsItsValuePerDay() {
        SchedulingProblem problem = twoHalls();
        BlockOnline hall1 = new PlanningSchedule(problem).getBlocks().get(0);
        verifier.verifyThat(ScheduleConstraintProvider::computeOnlineLater)
                .given(hall1, at(problem, "H1-ONLINE", 26, 0))
                .penalizesBy(1_500_000L * 26);
    }

    @Test
    void everyDayPastTheContractDateCostsThePenalty() {
        SchedulingProblem problem = twoHalls();
        BlockOnline hall1 = new PlanningSchedule(problem).getBlocks().get(0);
        verifier.verifyThat(ScheduleConstraintProvider::contractDateMissed)
                .given(hall1, at(problem, "H1-ONLINE", 35, 0))
                .penalizesBy(500_000L * 5);
        verifier.verifyThat(ScheduleConstraintProvider::contractDateMissed)
                .given(hall1, at(problem, "H1-ONLINE", 30, 0))
                .penalizesBy(0);
    }

    @Test
    void aCostlierModeCostsItsPrice() {
        SchedulingProblem problem = twoHalls();
        verifier.verifyThat(ScheduleConstraintProvider::modeCost)
                .given(at(problem, "H1-FIT", 10, 1))
                .penalizesBy(100_000);
        verifier.verifyThat(ScheduleConstraintProvider::modeCost)
                .given(at(problem, "H1-FIT", 10, 0))
                .penalizesBy(0);
    }

    @Test
    void movingPublishedWorkInsideTheFreezeWindowCostsPerDayMoved() {
        Portfolio portfolio = TestPortfolios.twoHalls().withPreviousSchedule(List.of(
                new PlannedStart("PREP", TestPortfolios.DATA_DATE.plusDays(2), "standard"),
                new PlannedStart("H2-FIT", TestPortfolios.DATA_DATE.plusDays(20), "standard")));
        SchedulingProblem problem = ProblemCompiler.compile(portfolio);
        verifier.verifyThat(ScheduleConstraintProvider::freezeWindowDisrupted)
                .given(at(problem, "PREP", 5, 0))
                .penalizesBy(3 * 25_000L);
        // H2-FIT was published outside the 14-day window: free to move
        verifier.verifyThat(ScheduleConstraintProvider::freezeWindowDisrupted)
                .given(at(problem, "H2-FIT", 25, 0))
                .penalizesBy(0);
    }

    @Test
    void thePortfolioFinishIsTheLastEnd() {
        SchedulingProblem problem = twoHalls();
        verifier.verifyThat(ScheduleConstraintProvider::portfolioFinish)
                .given(at(problem, "PREP", 0, 0), at(problem, "H2-FIT", 20, 0), at(problem, "H1-ONLINE", 26, 0))
                .penalizesBy(30);
    }
}
