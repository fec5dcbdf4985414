package io.timetocompute.scheduler.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.IndependentScheduleChecker;
import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.engine.ActivityListSearch;
import io.timetocompute.scheduler.engine.PlanDecoder;
import io.timetocompute.scheduler.portfolio.CalendarSpec;
import io.timetocompute.scheduler.portfolio.ComputeBlock;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.problem.ProblemCompiler;
import io.timetocompute.scheduler.problem.SchedulingProblem;
import io.timetocompute.scheduler.projection.ProjectionCalculator;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.risk.RiskForecast.BlockRisk;

class MonteCarloTest {

    static PlanDecoder plan(SchedulingProblem problem) {
        ActivityListSearch search = new ActivityListSearch(problem, 7);
        search.construct();
        return new PlanDecoder(problem, search.bestStarts(), search.bestModes());
    }

    @Test
    void withZeroVarianceEveryPercentileIsTheDeterministicDate() {
        SchedulingProblem problem = ProblemCompiler.compile(TestPortfolios.twoHalls());
        ActivityListSearch search = new ActivityListSearch(problem, 7);
        search.construct();
        int[] planEnd = new int[problem.taskCount()];
        for (int t = 0; t < planEnd.length; t++) {
            planEnd[t] = problem.end(t, search.bestModes()[t], search.bestStarts()[t]);
        }
        PlanDecoder plan = new PlanDecoder(problem, search.bestStarts(), search.bestModes());
        RiskForecast forecast = new MonteCarlo(plan, RiskModel.certain(problem), 1).run(200, 2);
        assertThat(forecast.infeasibleSamples()).isZero();
        for (int b = 0; b < problem.blockCount(); b++) {
            BlockRisk risk = forecast.blocks().get(b);
            LocalDate planned = problem.date(planEnd[problem.blockTask(b)]);
            assertThat(risk.deterministicDate()).isEqualTo(planned);
            assertThat(risk.p10()).isEqualTo(planned);
            assertThat(risk.p50()).isEqualTo(planned);
            assertThat(risk.p90()).isEqualTo(planned);
            assertThat(risk.expectedCostOfDelay()).isZero();
        }
        // H1's energization waits for its transformer in every sample: always on the driving path.
        int energize = problem.taskIndex("H1-ENERGIZE");
        assertThat(forecast.tasks().get(energize).criticality()).isEqualTo(1.0);
    }

    /**
     * One block whose last task needs two shipments from independent suppliers, each arriving N(10, 8) days after
     * day 20: the block is online 5 days after the later one, whose quantile q is the normal's at sqrt(q).
     */
    @Test
    void matchesTheAnalyticalP80OfTheLaterOfTwoIndependentShipments() {
        LocalDate day0 = TestPortfolios.DATA_DATE;
        List<Task> tasks = List.of(TestPortfolios.task("INSTALL", "S1",
                List.of(TestPortfolios.mode("standard", 5, null, 0, 0)), List.of(), List.of("A", "B"), false, "H1"));
        Portfolio portfolio = new Portfolio("p80", "analytical", day0, List.of(CalendarSpec.everyDay("all")), "all",
                14, 0L, List.of(new Site("S1", "Site", "R", null, null, null, List.of(
                        new ComputeBlock("H1", "Hall", 10, 1000, day0.plusDays(40), 100)))),
                List.of(), List.of(new Shipment("A", "alpha", "transformer", "S1", 1, day0.plusDays(20), null, 0),
                        new Shipment("B", "beta", "transformer", "S1", 1, day0.plusDays(20), null, 0)),
                List.of(), tasks, List.of());
        SchedulingProblem problem = ProblemCompiler.compile(portfolio);
        NormalDistribution delay = NormalDistribution.of(10, 8);
        Uncertain.Source test = Uncertain.Source.byDefault("test");
        RiskAssumptions assumptions = RiskAssumptions.defaults()
                .defaults(Uncertain.fixed(1, test), Uncertain.of(delay, test), Uncertain.fixed(0, test),
                        Uncertain.fixed(0, test));
        int samples = 8000;
        RiskForecast forecast = new MonteCarlo(plan(problem), assumptions.modelOf(problem), 11).run(samples, 2);
        BlockRisk risk = forecast.blocks().get(0);

        double analyticalP80 = 20 + delay.inverseCumulativeProbability(Math.sqrt(0.8)) + 5;
        assertThat((double) problem.day(risk.p80())).isCloseTo(analyticalP80, org.assertj.core.data.Offset.offset(1.0));
        double analyticalP50 = 20 + delay.inverseCumulativeProbability(Math.sqrt(0.5)) + 5;
        assertThat((double) problem.day(risk.p50())).isCloseTo(analyticalP50, org.assertj.core.data.Offset.offset(1.0));
        // On time (day 40) when both arrive by day 35 (rounded to whole days: delay below 15.5).
        double onTime = Math.pow(delay.cumulativeProbability(15.5), 2);
        assertThat(risk.probabilityOnTime()).isCloseTo(onTime, org.assertj.core.data.Offset.offset(0.02));
        assertThat(risk.drivers()).extracting(RiskForecast.Driver::id).containsExactlyInAnyOrder("A", "B");
        assertThat(risk.drivers()).allSatisfy(driver -> assertThat(driver.swingDays()).isPositive());
    }

    @Test
    void theSameSeedGivesTheSameForecastWhateverTheThreads() {
        Portfolio portfolio = DemoPortfolioGenerator.generate(300, 3);
        SchedulingProblem problem = ProblemCompiler.compile(portfolio);
        PlanDecoder plan = plan(problem);
        RiskModel model = RiskAssumptions.defaults().modelOf(problem);
        RiskForecast one = new MonteCarlo(plan, model, 5).run(60, 1);
        RiskForecast two = new MonteCarlo(plan, model, 5).run(60, 2);
        assertThat(two.blocks()).usingRecursiveFieldByFieldElementComparator().isEqualTo(one.blocks());
        assertThat(two.tasks()).isEqualTo(one.tasks());
        RiskForecast other = new MonteCarlo(plan, model, 6).run(60, 2);
        assertThat(other.blocks().stream().map(BlockRisk::p80).toList())
                .isNotEqualTo(one.blocks().stream().map(BlockRisk::p80).toList());
    }

    @Test
    void everySampledScheduleOfASubsetPassesTheIndependentChecker() {
        Portfolio portfolio = DemoPortfolioGenerator.generate(400, 9);
        SchedulingProblem problem = ProblemCompiler.compile(portfolio);
        PlanDecoder plan = plan(problem);
        MonteCarlo monteCarlo = new MonteCarlo(plan, RiskAssumptions.defaults().modelOf(problem), 21);
        List<String> violations = new ArrayList<>();
        boolean somethingMoved = false;
        for (int sample : new int[] {0, 1, 17, 123, 999}) {
            SchedulingProblem facts = monteCarlo.sampler().facts(sample);
            PlanDecoder.Decoded decoded = plan.decode(facts);
            assertThat(decoded.hardViolations()).isZero();
            Portfolio sampled = SampledPortfolios.of(problem, facts, monteCarlo.sampler().arrivalDays(sample),
                    monteCarlo.sampler().powerSlipDays(sample));
            ScheduleProjection projection = ProjectionCalculator.project(facts, decoded.start(), decoded.mode(), null,
                    true);
            violations.addAll(IndependentScheduleChecker.violations(sampled, projection));
            somethingMoved |= !java.util.Arrays.equals(decoded.end(), monteCarlo.deterministic().end());
        }
        assertThat(violations).isEmpty();
        assertThat(somethingMoved).isTrue();
    }
}
