package io.timetocompute.scheduler.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;

import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.IndependentScheduleChecker;
import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.portfolio.CalendarSpec;
import io.timetocompute.scheduler.portfolio.ComputeBlock;
import io.timetocompute.scheduler.portfolio.Dependency;
import io.timetocompute.scheduler.portfolio.DependencyType;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskMode;
import io.timetocompute.scheduler.problem.ProblemCompiler;
import io.timetocompute.scheduler.problem.SchedulingProblem;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.TaskSchedule;

/** The four dependency types, with lags and leads: constraint, engine, projection and independent checker agree. */
class DependencyTypesTest {

    private static final LocalDate DATA_DATE = TestPortfolios.DATA_DATE;

    private final ConstraintVerifier<ScheduleConstraintProvider, PlanningSchedule> verifier =
            ConstraintVerifier.build(new ScheduleConstraintProvider(), PlanningSchedule.class, TaskAssignment.class);

    /** A (5 days) then B (3 days, or 6 in its slow mode) linked by {@code type} and {@code lag}; every day works. */
    private static Portfolio pair(DependencyType type, int lag, String calendar) {
        List<CalendarSpec> calendars = List.of(CalendarSpec.everyDay("all"), new CalendarSpec("weekdays", null, null));
        Task a = new Task("A", "S", "A", "p", List.of(TestPortfolios.mode("standard", 5, "CREW", 1, 0)), List.of(),
                List.of(), false, null, null);
        Task b = new Task("B", "S", "B", "p", List.of(TestPortfolios.mode("standard", 3, "CREW", 1, 0),
                TestPortfolios.mode("slow", 6, "CREW", 1, 0)), List.of(new Dependency("A", type, lag)), List.of(),
                false, null, null);
        Task online = new Task("ONLINE", "S", "Online", "p", List.of(TestPortfolios.mode("standard", 0, null, 0, 0)),
                List.of(Dependency.finishToStart("A"), Dependency.finishToStart("B")), List.of(), false, "H", null);
        return new Portfolio("types", "types", DATA_DATE, calendars, calendar, 14, 0L,
                List.of(new Site("S", "S", "r", null, null, null,
                        List.of(new ComputeBlock("H", "H", 10, 1000, null, 0)))),
                List.of(new LaborPool("CREW", "Crew", "t", List.of("S"), null, 10, List.of())), List.of(), List.of(),
                List.of(a, b, online), List.of());
    }

    private void assertPenalty(DependencyType type, int lag, int aStart, int bStart, int bMode, int expected) {
        SchedulingProblem problem = ProblemCompiler.compile(pair(type, lag, "all"));
        PrecedenceLink link = new PlanningSchedule(problem).getPrecedenceLinks().stream()
                .filter(l -> l.successorId().equals("B")).findFirst().orElseThrow();
        verifier.verifyThat(ScheduleConstraintProvider::predecessorNotFinished)
                .given(link, at(problem, "A", aStart, 0), at(problem, "B", bStart, bMode))
                .penalizesBy(expected);
    }

    private static TaskAssignment at(SchedulingProblem problem, String taskId, int start, int mode) {
        TaskAssignment task = new TaskAssignment(problem, problem.taskIndex(taskId));
        task.setStart(start);
        task.setMode(mode);
        return task;
    }

    @Test
    void finishToStartWithALagPenalizesEachDayTheSuccessorStartsTooEarly() {
        // A works days 10..14; B may start on day 15 + 2
        assertPenalty(DependencyType.FS, 2, 10, 14, 0, 3);
        assertPenalty(DependencyType.FS, 2, 10, 17, 0, 0);
    }

    @Test
    void startToStartWithALeadLetsTheSuccessorStartBeforeThePredecessor() {
        assertPenalty(DependencyType.SS, -2, 10, 7, 0, 1);
        assertPenalty(DependencyType.SS, -2, 10, 8, 0, 0);
    }

    @Test
    void finishToFinishBindsTheSuccessorsFinishSoItsEarliestStartDependsOnItsMode() {
        // A finishes after day 14 (end 15); B must end (the day after its finish) on day 15 + 1 or later
        assertPenalty(DependencyType.FF, 1, 10, 12, 0, 1);
        assertPenalty(DependencyType.FF, 1, 10, 13, 0, 0);
        // six days in the slow mode: it may start three days earlier
        assertPenalty(DependencyType.FF, 1, 10, 10, 1, 0);
        assertPenalty(DependencyType.FF, 1, 10, 9, 1, 1);
    }

    @Test
    void finishToFinishWithALeadLetsTheSuccessorFinishFirst() {
        assertPenalty(DependencyType.FF, -3, 10, 9, 0, 0);
        assertPenalty(DependencyType.FF, -3, 10, 8, 0, 1);
    }

    @Test
    void startToFinishBindsTheSuccessorsFinishToThePredecessorsStart() {
        // A starts on day 10; B must end on day 10 + 4 = 14 or later, so start on day 11 or later
        assertPenalty(DependencyType.SF, 4, 10, 11, 0, 0);
        assertPenalty(DependencyType.SF, 4, 10, 9, 0, 2);
    }

    @Test
    void lagsCountWorkDaysOfTheSuccessorsCalendar() {
        // Monday-to-Friday: A from Monday day 0 to Friday day 4; FF lag 2 -> B must finish Tuesday day 8
        SchedulingProblem problem = ProblemCompiler.compile(pair(DependencyType.FF, 2, "weekdays"));
        int aEnd = problem.end(problem.taskIndex("A"), 0, 0);
        assertThat(problem.earliestStartAfterPredecessor(problem.taskIndex("B"), 0, 0, 0, aEnd)).isEqualTo(4);
        assertThat(problem.earliestStartAfterPredecessor(problem.taskIndex("B"), 1, 0, 0, aEnd)).isEqualTo(1);
    }

    @Test
    void theSolverMeetsEveryTypeAndTheIndependentCheckerAgrees() {
        for (DependencyType type : DependencyType.values()) {
            for (int lag : new int[] {-2, 0, 3}) {
                for (String calendar : List.of("all", "weekdays")) {
                    Portfolio portfolio = pair(type, lag, calendar);
                    ScheduleProjection projection = PortfolioSolver.solve(portfolio, Duration.ofMillis(300), 1,
                            p -> { }).projection();
                    assertThat(IndependentScheduleChecker.violations(portfolio, projection))
                            .as(type + " lag " + lag + " " + calendar).isEmpty();
                    assertThat(projection.feasible()).isTrue();
                }
            }
        }
    }

    @Test
    void theDrivingPathFollowsAFinishToFinishLink() {
        // B must finish four days after A: the online milestone waits for B, and B for A through the FF link
        Portfolio portfolio = pair(DependencyType.FF, 4, "all");
        ScheduleProjection projection = PortfolioSolver.solve(portfolio, Duration.ofMillis(300), 1, p -> { })
                .projection();
        Map<String, TaskSchedule> tasks = projection.tasks().stream()
                .collect(Collectors.toMap(TaskSchedule::id, Function.identity()));
        // A days 0..4, B must finish on day 4 + 4 = 8: standard mode starts day 6
        assertThat(tasks.get("B").finish()).isEqualTo(DATA_DATE.plusDays(8));
        assertThat(tasks.get("A").totalFloatDays()).isZero();
        assertThat(projection.blocks().get(0).drivingPath()).extracting(ScheduleProjection.PathStep::id)
                .startsWith("ONLINE", "B", "A");
    }

    @Test
    void theIndependentCheckerReportsABrokenFinishToFinishLink() {
        Portfolio portfolio = pair(DependencyType.FF, 4, "all");
        ScheduleProjection projection = PortfolioSolver.solve(portfolio, Duration.ofMillis(300), 1, p -> { })
                .projection();
        List<TaskSchedule> moved = projection.tasks().stream().map(t -> !t.id().equals("B") ? t
                : new TaskSchedule(t.id(), t.siteId(), t.name(), t.phase(), t.mode(), t.status(),
                        t.start().minusDays(1), t.finish().minusDays(1), t.durationDays(), 0, true)).toList();
        ScheduleProjection broken = new ScheduleProjection(projection.portfolioId(), projection.dataDate(),
                projection.score(), false, 0, projection.portfolioFinish(), projection.blocks(), moved,
                projection.shipments(), projection.pools());
        assertThat(IndependentScheduleChecker.violations(portfolio, broken))
                .anyMatch(v -> v.contains("before FF predecessor A"));
    }
}
