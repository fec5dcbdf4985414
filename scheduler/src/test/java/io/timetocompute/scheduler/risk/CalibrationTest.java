package io.timetocompute.scheduler.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.engine.PlanDecoder;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.TaskStatus;
import io.timetocompute.scheduler.problem.ProblemCompiler;
import io.timetocompute.scheduler.problem.SchedulingProblem;

/** Pieces of the replay harness (the harness itself runs from the CLI, not in the default tests). */
class CalibrationTest {

    @Test
    void crpsOfSamplesMatchesItsDefinition() {
        // Samples 0 and 10 (half each), truth 4: E|X - y| = (4 + 6) / 2 = 5, E|X - X'| / 2 = 5 / 2.
        assertThat(Calibration.crps(new int[] {0, 10}, 4)).isCloseTo(2.5, Offset.offset(1e-9));
        // A sure forecast scores its absolute error.
        assertThat(Calibration.crps(new int[] {7, 7, 7}, 4)).isCloseTo(3, Offset.offset(1e-9));
    }

    @Test
    void thePortfolioAsOfACheckpointIsValidAndReportsWhatHappened() {
        Portfolio portfolio = DemoPortfolioGenerator.generate(300, 2);
        SchedulingProblem start = ProblemCompiler.compile(portfolio);
        PlanDecoder plan = Plans.of(start, 0, 2);
        SyntheticWorld world = SyntheticWorld.of(portfolio, 2);
        MonteCarlo truthRun = new MonteCarlo(plan, world.truth().modelOf(start), 3);
        SchedulingProblem facts = truthRun.sampler().facts(0);
        PlanDecoder.Decoded truth = plan.decode(facts);
        int checkpoint = 200;
        Portfolio asOf = Calibration.asOf(start, plan, plan.decode(start), facts, truth,
                truthRun.sampler().arrivalDays(0), truthRun.sampler().powerSlipDays(0), checkpoint);
        SchedulingProblem later = ProblemCompiler.compile(asOf);
        assertThat(later.dataDate()).isEqualTo(start.date(checkpoint));
        long done = asOf.tasks().stream().filter(t -> t.progressOrNotStarted().status() == TaskStatus.DONE).count();
        long expectedDone = 0;
        for (int t = 0; t < start.taskCount(); t++) {
            if (truth.end()[t] <= checkpoint && (truth.start()[t] < checkpoint || start.pinned(t))) {
                expectedDone++;
            }
        }
        assertThat(done).isGreaterThan(0).isEqualTo(expectedDone);
        assertThat(asOf.shipments()).anySatisfy(s -> assertThat(s.deliveredDate()).isNotNull());
        // The published plan of what is left drives the forecast from the checkpoint on.
        assertThat(Plans.published(later)).isNotNull();
        List<Calibration.Forecast> none = List.of();
        assertThat(Calibration.figures(none, 0).forecasts()).isZero();
    }
}
