package io.timetocompute.scheduler.goal;

import static io.timetocompute.scheduler.goal.GoalPortfolios.DAY0;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskProgress;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.solver.PortfolioSolver;

/** One test per constraint, on {@link GoalPortfolios#oneHall()} (online on day 47 with no lever pulled). */
class GoalConstraintProviderTest {

    private final ConstraintVerifier<GoalConstraintProvider, GoalPlan> verifier =
            ConstraintVerifier.build(new GoalConstraintProvider(), GoalPlan.class, LeverChoice.class);

    private static Portfolio portfolio;
    private static ScheduleProjection live;

    @BeforeAll
    static void solve() {
        portfolio = GoalPortfolios.oneHall();
        live = PortfolioSolver.solve(portfolio, Duration.ofMillis(300), 1, p -> { }).projection();
    }

    private static GoalContext context(GoalObjective objective) {
        return new GoalContext(portfolio, live, objective, GoalSeeker.candidates(portfolio, live, objective), 1);
    }

    /** The context first, then one choice per candidate: the expedite days, the hires, the mode. */
    private static Object[] given(GoalContext context, int... levels) {
        List<Object> facts = new ArrayList<>();
        facts.add(context);
        for (int i = 0; i < context.candidates().size(); i++) {
            facts.add(new LeverChoice(i, context.candidates().get(i), i < levels.length ? levels[i] : 0));
        }
        return facts.toArray();
    }

    @Test
    void aLeverPulledBeyondWhatItAllowsIsRefused() {
        GoalObjective objective = GoalObjective.blockBy("H1", DAY0.plusDays(40));
        // An expedite candidate claiming 15 days where the supplier allows 10.
        GoalContext context = new GoalContext(portfolio, live, objective, List.of(
                new Candidate.Expedite("XFMR", DAY0.plusDays(40), 15)), 1);

        verifier.verifyThat(GoalConstraintProvider::leverRefused).given(given(context, 15))
                .penalizesBy(GoalConstraintProvider.REFUSED_PENALTY);
        verifier.verifyThat(GoalConstraintProvider::leverRefused).given(given(context, 10)).penalizesBy(0);
    }

    @Test
    void anInfeasibleScheduleCountsItsViolations() {
        // Two tasks under way at once need 6 electricians each of 10.
        List<Task> tasks = new ArrayList<>(portfolio.tasks());
        Task fit = tasks.get(0);
        tasks.add(new Task("OTHER", "S1", "Other", "phase", List.of(GoalPortfolios.crewOf(6)), List.of(), List.of(),
                false, null, TaskProgress.inProgress("standard", DAY0.minusDays(1), 3)));
        tasks.set(0, new Task(fit.id(), fit.siteId(), fit.name(), fit.phase(), List.of(GoalPortfolios.crewOf(6)),
                fit.predecessors(), fit.materials(), fit.requiresPower(), fit.bringsOnline(),
                TaskProgress.inProgress("standard", DAY0.minusDays(2), 3)));
        Portfolio overloaded = portfolio.withTasks(tasks);
        GoalObjective objective = GoalObjective.blockBy("H1", DAY0.plusDays(60));
        GoalContext context = new GoalContext(overloaded, null, objective, List.of(
                new Candidate.Expedite("XFMR", DAY0.plusDays(40), 10)), 1);

        // 2 people too many on each of 3 days.
        verifier.verifyThat(GoalConstraintProvider::scheduleInfeasible).given(given(context)).penalizesBy(2 * 3);
        verifier.verifyThat(GoalConstraintProvider::scheduleInfeasible).given(given(context(objective)))
                .penalizesBy(0);
    }

    @Test
    void aLateBlockCostsItsDaysLate() {
        GoalContext context = context(GoalObjective.blockBy("H1", DAY0.plusDays(40)));

        verifier.verifyThat(GoalConstraintProvider::blockLate).given(given(context)).penalizesBy(7);
        verifier.verifyThat(GoalConstraintProvider::blockLate).given(given(context, 3)).penalizesBy(4);
        verifier.verifyThat(GoalConstraintProvider::blockLate).given(given(context, 7)).penalizesBy(0);
    }

    @Test
    void leversBeyondTheBudgetCostTheOverrun() {
        GoalContext context = context(GoalObjective.mostMwBy(DAY0.plusDays(40), 50_000));

        verifier.verifyThat(GoalConstraintProvider::budgetExceeded).given(given(context, 7)).penalizesBy(20_000);
        verifier.verifyThat(GoalConstraintProvider::budgetExceeded).given(given(context, 5)).penalizesBy(0);
    }

    @Test
    void mwNotOnlineByTheDateCountInKilowatts() {
        GoalContext context = context(GoalObjective.mostMwBy(DAY0.plusDays(40), 100_000));

        verifier.verifyThat(GoalConstraintProvider::mwOffline).given(given(context)).penalizesBy(50_000);
        verifier.verifyThat(GoalConstraintProvider::mwOffline).given(given(context, 7)).penalizesBy(0);
    }

    @Test
    void aSitesDelayCostsTheValueOfItsComputeDays() {
        GoalContext context = context(GoalObjective.siteDelay("S1", 100_000));

        verifier.verifyThat(GoalConstraintProvider::siteDelay).given(given(context)).penalizesBy(47 * 10_000);
        verifier.verifyThat(GoalConstraintProvider::siteDelay).given(given(context, 4)).penalizesBy(43 * 10_000);
    }

    @Test
    void forABlockDateTheLeversCostIsMoney() {
        GoalContext context = context(GoalObjective.blockBy("H1", DAY0.plusDays(40)));

        verifier.verifyThat(GoalConstraintProvider::leverCost).given(given(context, 2, 3, 1))
                .penalizesBy(2 * 10_000 + 3 * 1_000 * 41 + 50_000);
        verifier.verifyThat(GoalConstraintProvider::leverCostWithinBudget).given(given(context, 2))
                .penalizesBy(0);
    }

    @Test
    void withinABudgetTheLeversCostOnlyBreaksTies() {
        GoalContext context = context(GoalObjective.siteDelay("S1", 100_000));

        verifier.verifyThat(GoalConstraintProvider::leverCostWithinBudget).given(given(context, 2))
                .penalizesBy(20_000);
        verifier.verifyThat(GoalConstraintProvider::leverCost).given(given(context, 2)).penalizesBy(0);
    }
}
