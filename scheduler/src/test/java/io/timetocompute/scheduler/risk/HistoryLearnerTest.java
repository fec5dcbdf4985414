package io.timetocompute.scheduler.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.problem.ProblemCompiler;
import io.timetocompute.scheduler.problem.SchedulingProblem;
import io.timetocompute.scheduler.risk.HistoryLearner.Estimate;

class HistoryLearnerTest {

    private static final Portfolio PORTFOLIO = DemoPortfolioGenerator.generate(1500, 5);
    private static final LocalDate UNTIL = PORTFOLIO.dataDate();

    /** Mean absolute error of the learned means and spreads of members against the world's truth. */
    private static double[] error(SyntheticWorld world, List<Estimate> estimates, String quantity,
            Map<String, double[]> truth, boolean logScale) {
        double meanError = 0;
        double sdError = 0;
        int count = 0;
        for (Estimate estimate : estimates) {
            double[] trueValue = truth.get(estimate.key());
            if (!estimate.quantity().equals(quantity) || trueValue == null) {
                continue;
            }
            meanError += Math.abs(estimate.mean() - trueValue[0]);
            sdError += Math.abs(estimate.sd() - trueValue[1]);
            count++;
        }
        assertThat(count).as(quantity + " members learned").isPositive();
        return new double[] {meanError / count, sdError / count};
    }

    @Test
    void learnedDistributionsConvergeToTheTrueOnesAsHistoryGrows() {
        SyntheticWorld world = SyntheticWorld.of(PORTFOLIO, 17);
        List<Estimate> thin = HistoryLearner.learn(world.history(UNTIL, 24, 0.5, 1)).estimates();
        List<Estimate> rich = HistoryLearner.learn(world.history(UNTIL, 24, 30, 1)).estimates();

        double[] thinDelay = error(world, thin, "ARRIVAL_DELAY_DAYS", world.delays(), false);
        double[] richDelay = error(world, rich, "ARRIVAL_DELAY_DAYS", world.delays(), false);
        assertThat(richDelay[0]).isLessThan(thinDelay[0]).isLessThan(1.5);
        assertThat(richDelay[1]).isLessThan(thinDelay[1]).isLessThan(1.5);

        double[] thinWork = error(world, thin, "DURATION_LOG_RATIO", world.logRatios(), true);
        double[] richWork = error(world, rich, "DURATION_LOG_RATIO", world.logRatios(), true);
        assertThat(richWork[0]).isLessThan(thinWork[0]).isLessThan(0.01);
        assertThat(richWork[1]).isLessThan(0.015);

        double[] richLoss = error(world, rich, "CREW_LOSS_SHARE", world.losses(), false);
        assertThat(richLoss[0]).isLessThan(0.003);

        double[] thinSlip = error(world, thin, "POWER_SLIP_DAYS", world.slips(), false);
        double[] richSlip = error(world, rich, "POWER_SLIP_DAYS", world.slips(), false);
        assertThat(richSlip[0]).isLessThan(thinSlip[0]).isLessThan(5);
    }

    @Test
    void thinDataIsShrunkTowardsItsClassAndSaysSo() {
        SyntheticWorld world = SyntheticWorld.of(PORTFOLIO, 23);
        List<Estimate> estimates = HistoryLearner.learn(world.history(UNTIL, 24, 1, 2)).estimates();
        Estimate thinnest = null;
        Estimate richest = null;
        for (Estimate estimate : estimates) {
            if (!estimate.quantity().equals("ARRIVAL_DELAY_DAYS") || !estimate.key().contains("/")) {
                continue;
            }
            if (thinnest == null || estimate.observations() < thinnest.observations()) {
                thinnest = estimate;
            }
            if (richest == null || estimate.observations() > richest.observations()) {
                richest = estimate;
            }
        }
        assertThat(thinnest.observations()).isLessThanOrEqualTo(3);
        assertThat(richest.observations()).isGreaterThanOrEqualTo(20);
        assertThat(thinnest.dataWeight()).isLessThan(richest.dataWeight());
        assertThat(richest.dataWeight()).isGreaterThan(0.5);
        String materialClass = thinnest.classKey();
        assertThat(estimates).anySatisfy(e -> {
            assertThat(e.quantity()).isEqualTo("ARRIVAL_DELAY_DAYS");
            assertThat(e.key()).isEqualTo(materialClass);
        });
        // The model's sources carry the same weights.
        SchedulingProblem problem = ProblemCompiler.compile(PORTFOLIO);
        RiskModel model = HistoryLearner.learn(world.history(UNTIL, 24, 1, 2)).assumptions().modelOf(problem);
        assertThat(model.shipmentDelay()).anySatisfy(u -> assertThat(u.source().kind()).isEqualTo("LEARNED"));
    }

    @Test
    void aPlannersEstimateIsPooledWithWhatWasLearnedAndRecorded() {
        SyntheticWorld world = SyntheticWorld.of(PORTFOLIO, 29);
        History history = world.history(UNTIL, 24, 1, 3);
        Task task = PORTFOLIO.tasks().stream()
                .filter(t -> t.progress() == null && t.modes().get(0).durationDays() >= 10).findFirst().orElseThrow();
        int planned = task.modes().get(0).durationDays();
        History withPlanner = new History(history.promises(), history.deliveries(), history.work(),
                history.crewLosses(), history.power(), List.of(new History.PlannerEstimate(task.id(), "dana",
                        2.0 * planned, 2.2 * planned, 2.5 * planned, 0.5)));
        SchedulingProblem problem = ProblemCompiler.compile(PORTFOLIO);
        int t = problem.taskIndex(task.id());
        Uncertain learned = HistoryLearner.learn(history).assumptions().modelOf(problem).taskDuration()[t];
        Uncertain pooled = HistoryLearner.learn(withPlanner).assumptions().modelOf(problem).taskDuration()[t];
        assertThat(pooled.source().kind()).isEqualTo("PLANNER");
        assertThat(pooled.source().detail()).startsWith("dana: ");
        // Half the mass is the planner's (ratio 2 to 2.5), half what was learned (around 1).
        double median = pooled.marginal().inverseCumulativeProbability(0.5);
        assertThat(median).isBetween(learned.median(), 2.2);
        assertThat(pooled.marginal().cumulativeProbability(1.9)).isCloseTo(0.5,
                org.assertj.core.data.Offset.offset(0.02));
        assertThat(pooled.marginal().inverseCumulativeProbability(0.9)).isBetween(2.0, 2.5);
    }
}
