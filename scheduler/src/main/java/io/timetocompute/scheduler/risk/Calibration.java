package io.timetocompute.scheduler.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.engine.PlanDecoder;
import io.timetocompute.scheduler.portfolio.PlannedStart;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskProgress;
import io.timetocompute.scheduler.problem.ProblemCompiler;
import io.timetocompute.scheduler.problem.SchedulingProblem;

/**
 * The replay harness: forecasts are measured against a world whose truth is known.
 * <p>
 * Per seed: a demo portfolio, a {@link SyntheticWorld} with true distributions for its suppliers, trades, pools and
 * regions, and two years of that world's past as history. The world then executes the plan once (one draw from the
 * true distributions, decoded in the plan's order: the true online dates). At checkpoints before each block's true
 * online date the portfolio is rebuilt as it would stand on that day: finished and running work reported, shipments
 * delivered or still on their promise (a supplier's promise moves to the truth only in the last month), power on or
 * still promised. From there, three forecasts: the Monte Carlo with what was learned from the history (P10-P90),
 * the deterministic re-plan with every promise at face value, and the date the plan said at the start.
 */
public final class Calibration {

    public static final int[] CHECKPOINT_DAYS = {180, 90, 30};
    private static final int PROMISE_LEAD_DAYS = HistoryLearner.PROMISE_LEAD_DAYS;

    private Calibration() {
    }

    /**
     * One forecast of one block at one checkpoint.
     *
     * @param percentileDays days (after the checkpoint's data date) of P5, P10, ... P95
     * @param sampleDays every sample's online day, same origin
     */
    public record Forecast(long seed, String blockId, int daysBefore, LocalDate trueDate, LocalDate plannedDate,
            LocalDate deterministicDate, LocalDate p50, LocalDate p80, int[] percentileDays, int[] sampleDays,
            int trueDay) {
    }

    /**
     * @param tasks approximate tasks per portfolio
     * @param samples Monte Carlo samples per forecast
     */
    public static List<Forecast> run(long seed, int tasks, int samples, int threads) {
        Portfolio portfolio = DemoPortfolioGenerator.generate(tasks, seed);
        SyntheticWorld world = SyntheticWorld.of(portfolio, seed);
        History history = world.history(portfolio.dataDate(), 24, 1, seed + 1);
        RiskAssumptions learned = HistoryLearner.learn(history).assumptions();

        SchedulingProblem start = ProblemCompiler.compile(portfolio);
        PlanDecoder plan = Plans.of(start, 0, seed);
        PlanDecoder.Decoded planned = plan.decode(start);
        // The world's one execution of the plan: a draw from the true distributions, in the plan's order.
        MonteCarlo truthRun = new MonteCarlo(plan, world.truth().modelOf(start), seed ^ 0x5DEECE66DL);
        SchedulingProblem truthFacts = truthRun.sampler().facts(0);
        PlanDecoder.Decoded truth = plan.decode(truthFacts);
        int[] trueArrival = truthRun.sampler().arrivalDays(0);
        int[] truePowerSlip = truthRun.sampler().powerSlipDays(0);

        List<Forecast> forecasts = new ArrayList<>();
        for (int b = 0; b < start.blockCount(); b++) {
            int trueDay = truth.end()[start.blockTask(b)];
            for (int daysBefore : CHECKPOINT_DAYS) {
                int checkpoint = trueDay - daysBefore;
                if (checkpoint <= 0) {
                    continue;
                }
                Portfolio asOf = asOf(start, plan, planned, truthFacts, truth, trueArrival, truePowerSlip,
                        checkpoint);
                SchedulingProblem problem = ProblemCompiler.compile(asOf);
                PlanDecoder replan = Plans.of(problem, 0, seed);
                MonteCarlo monteCarlo = new MonteCarlo(replan, learned.modelOf(problem), seed * 31 + checkpoint);
                RiskForecast forecast = monteCarlo.run(samples, threads);
                RiskForecast.BlockRisk risk = forecast.blocks().get(b);
                int[] percentiles = risk.percentiles().stream().mapToInt(problem::day).toArray();
                forecasts.add(new Forecast(seed, start.blockId(b), daysBefore, start.date(trueDay),
                        start.date(planned.end()[start.blockTask(b)]), risk.deterministicDate(), risk.p50(),
                        risk.p80(), percentiles, risk.sampleDays(), trueDay - checkpoint));
            }
        }
        return forecasts;
    }

    /** The portfolio as it stands on {@code checkpoint} (a day of the starting problem) in the world's execution. */
    static Portfolio asOf(SchedulingProblem start, PlanDecoder plan, PlanDecoder.Decoded planned,
            SchedulingProblem truthFacts, PlanDecoder.Decoded truth, int[] trueArrival, int[] truePowerSlip,
            int checkpoint) {
        Portfolio portfolio = start.portfolio();
        LocalDate dataDate = start.date(checkpoint);
        List<Task> tasks = new ArrayList<>();
        List<PlannedStart> previous = new ArrayList<>();
        for (int t = 0; t < start.taskCount(); t++) {
            Task task = portfolio.tasks().get(t);
            int mode = plan.mode(t);
            String modeName = task.modes().get(mode).name();
            int trueStart = truth.start()[t];
            int trueEnd = truth.end()[t];
            int trueDuration = truthFacts.duration(t, mode);
            if (task.progressOrNotStarted().status() == io.timetocompute.scheduler.portfolio.TaskStatus.DONE) {
                tasks.add(task);
            } else if (trueStart < checkpoint && trueEnd <= checkpoint) {
                LocalDate first = task.progress() != null && task.progress().actualStart() != null
                        ? task.progress().actualStart() : start.date(trueStart);
                LocalDate last = trueDuration == 0 ? start.date(trueStart)
                        : start.date(start.calendar(t).lastWorkDay(trueStart, trueDuration));
                tasks.add(task.withProgress(TaskProgress.done(modeName, first, last)));
            } else if (trueStart < checkpoint) {
                // Progress reports say how much work is left (percent complete): the work days the world has left.
                int worked = start.calendar(t).workDaysBetween(trueStart, checkpoint);
                LocalDate first = task.progress() != null && task.progress().actualStart() != null
                        ? task.progress().actualStart() : start.date(trueStart);
                tasks.add(task.withProgress(TaskProgress.inProgress(modeName, first,
                        Math.max(1, trueDuration - worked))));
            } else {
                tasks.add(task.progress() == null ? task : task.withProgress(null));
                // The plan's own starts, past ones included: the order the world executes is the plan's.
                previous.add(new PlannedStart(task.id(), start.date(planned.start()[t]), modeName));
            }
        }
        List<Shipment> shipments = new ArrayList<>();
        for (int s = 0; s < start.shipmentCount(); s++) {
            Shipment shipment = portfolio.shipments().get(s);
            if (shipment.deliveredDate() != null) {
                shipments.add(shipment);
            } else if (trueArrival[s] < checkpoint) {
                shipments.add(shipment.withDeliveredDate(start.date(trueArrival[s])));
            } else if (trueArrival[s] - PROMISE_LEAD_DAYS <= checkpoint) {
                shipments.add(shipment.withPromisedDate(start.date(trueArrival[s])));
            } else {
                shipments.add(shipment);
            }
        }
        List<Site> sites = new ArrayList<>();
        for (int s = 0; s < start.siteCount(); s++) {
            Site site = portfolio.sites().get(s);
            if (site.powerAvailableDate() == null) {
                sites.add(site);
                continue;
            }
            LocalDate truePower = site.powerAvailableDate().plusDays(truePowerSlip[s]);
            boolean known = !truePower.isAfter(dataDate)
                    || truePower.toEpochDay() - PROMISE_LEAD_DAYS <= dataDate.toEpochDay();
            sites.add(known ? site.withPowerAvailableDate(truePower) : site);
        }
        return portfolio.withTasks(tasks).withShipments(shipments).withSites(sites).withDataDate(dataDate)
                .withPreviousSchedule(previous);
    }

    /** Figures of a set of forecasts. */
    public record Figures(int forecasts, double p80Coverage, double p50AbsErrorDays, double deterministicAbsErrorDays,
            double plannedAbsErrorDays, double deterministicCoverage, double plannedCoverage, double crps,
            double deterministicCrps, double plannedCrps, double[] calibration) {
    }

    /** @param daysBefore only forecasts this many days before the true date; 0: all */
    public static Figures figures(List<Forecast> forecasts, int daysBefore) {
        List<Forecast> chosen = forecasts.stream()
                .filter(f -> daysBefore == 0 || f.daysBefore() == daysBefore).toList();
        int n = chosen.size();
        if (n == 0) {
            return new Figures(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, new double[19]);
        }
        double covered = 0;
        double p50Error = 0;
        double deterministicError = 0;
        double plannedError = 0;
        double deterministicCovered = 0;
        double plannedCovered = 0;
        double crps = 0;
        double[] calibration = new double[19];
        for (Forecast f : chosen) {
            long trueEpoch = f.trueDate().toEpochDay();
            covered += trueEpoch <= f.p80().toEpochDay() ? 1 : 0;
            p50Error += Math.abs(trueEpoch - f.p50().toEpochDay());
            deterministicError += Math.abs(trueEpoch - f.deterministicDate().toEpochDay());
            plannedError += Math.abs(trueEpoch - f.plannedDate().toEpochDay());
            deterministicCovered += trueEpoch <= f.deterministicDate().toEpochDay() ? 1 : 0;
            plannedCovered += trueEpoch <= f.plannedDate().toEpochDay() ? 1 : 0;
            crps += crps(f.sampleDays(), f.trueDay());
            for (int q = 0; q < 19; q++) {
                calibration[q] += f.trueDay() <= f.percentileDays()[q] ? 1 : 0;
            }
        }
        for (int q = 0; q < 19; q++) {
            calibration[q] /= n;
        }
        // A point forecast's CRPS is its absolute error.
        return new Figures(n, covered / n, p50Error / n, deterministicError / n, plannedError / n,
                deterministicCovered / n, plannedCovered / n, crps / n, deterministicError / n, plannedError / n,
                calibration);
    }

    /** @return the continuous ranked probability score of the samples' empirical distribution against the truth */
    static double crps(int[] samples, int truth) {
        int[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double absolute = 0;
        double spread = 0;
        for (int i = 0; i < n; i++) {
            absolute += Math.abs(sorted[i] - truth);
            spread += (2.0 * (i + 1) - n - 1) * sorted[i];
        }
        return absolute / n - spread / ((double) n * n);
    }
}
