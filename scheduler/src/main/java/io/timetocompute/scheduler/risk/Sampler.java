package io.timetocompute.scheduler.risk;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.problem.SchedulingProblem;
import io.timetocompute.scheduler.problem.WorkCalendar;

/**
 * Draws the facts of one Monte Carlo sample. Sample {@code i} of seed {@code s} depends on nothing else (its own
 * random stream is seeded from both), so samples can be drawn on any thread, in any order, and drawn again.
 */
public final class Sampler {

    private final SchedulingProblem problem;
    private final RiskModel model;
    private final long seed;
    private final int[] promisedDay;
    private final boolean[] delivered;
    private final int[] receivingDays;
    /** per pool: the largest headcount one task mode needs from it; losses never go below it */
    private final int[] largestDemand;
    /** the sampled problems' horizon: pool losses are drawn up to it, and work that cannot finish by it is unplaceable */
    private final int sampleHorizon;

    /**
     * @param sampleHorizon the horizon of the sampled problems (at most the problem's): far enough beyond the plan's
     *        finish that no sample should reach it
     */
    public Sampler(SchedulingProblem problem, RiskModel model, long seed, int sampleHorizon) {
        model.requireShapeOf(problem);
        this.problem = problem;
        this.model = model;
        this.seed = seed;
        this.sampleHorizon = Math.min(problem.horizon(), Math.max(1, sampleHorizon));
        List<Shipment> shipments = problem.portfolio().shipments();
        int count = problem.shipmentCount();
        this.promisedDay = new int[count];
        this.delivered = new boolean[count];
        this.receivingDays = new int[count];
        for (int s = 0; s < count; s++) {
            Shipment shipment = shipments.get(s);
            delivered[s] = shipment.deliveredDate() != null;
            promisedDay[s] = problem.shipmentArrivalDay(s);
            receivingDays[s] = shipment.receivingDaysOrDefault();
        }
        this.largestDemand = new int[problem.poolCount()];
        for (int t = 0; t < problem.taskCount(); t++) {
            for (int m = 0; m < problem.modeCount(t); m++) {
                int[] pools = problem.demandPools(t, m);
                int[] heads = problem.demandHeadcounts(t, m);
                for (int k = 0; k < pools.length; k++) {
                    largestDemand[pools[k]] = Math.max(largestDemand[pools[k]], heads[k]);
                }
            }
        }
    }

    /** The normal scores of one sample: the quantities follow from them through {@link Uncertain#value}. */
    public final class Scores {
        final double[] factor;
        final double[] task;
        final double[] shipment;
        /** [pool][period] */
        final double[][] pool;
        final double[] site;

        Scores(int sample) {
            // A single long seed is expanded by SplitMix64 into the generator's state: neighbouring samples get
            // unrelated streams (raw small seeds would start correlated).
            UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP
                    .create(seed * 0x9E3779B97F4A7C15L + sample);
            ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(random);
            factor = new double[model.factors().size()];
            for (int f = 0; f < factor.length; f++) {
                factor[f] = gaussian.sample();
            }
            task = new double[problem.taskCount()];
            for (int t = 0; t < task.length; t++) {
                Uncertain u = model.taskDuration()[t];
                task[t] = u.isFixed() ? 0 : u.score(common(u, 0), gaussian.sample());
            }
            shipment = new double[problem.shipmentCount()];
            for (int s = 0; s < shipment.length; s++) {
                Uncertain u = model.shipmentDelay()[s];
                shipment[s] = u.isFixed() || delivered[s] ? 0 : u.score(common(u, 0), gaussian.sample());
            }
            pool = new double[problem.poolCount()][];
            int periods = periodsDrawn();
            for (int p = 0; p < pool.length; p++) {
                Uncertain u = model.poolLoss()[p];
                pool[p] = new double[u.isFixed() ? 0 : periods];
                for (int k = 0; k < pool[p].length; k++) {
                    pool[p][k] = u.score(common(u, Math.min(k, model.periods() - 1)), gaussian.sample());
                }
            }
            site = new double[problem.siteCount()];
            for (int s = 0; s < site.length; s++) {
                Uncertain u = model.powerSlip()[s];
                site[s] = u.isFixed() ? 0 : u.score(common(u, 0), gaussian.sample());
            }
        }

        private double common(Uncertain u, int offset) {
            return u.factor() == Uncertain.INDEPENDENT ? 0 : factor[u.factor() + offset];
        }

        /** @return the mean score of a pool's periods (0 when its losses are known) */
        double poolMean(int p) {
            double sum = 0;
            for (double score : pool[p]) {
                sum += score;
            }
            return pool[p].length == 0 ? 0 : sum / pool[p].length;
        }
    }

    private int periodsDrawn() {
        return (sampleHorizon + model.lossPeriodDays() - 1) / model.lossPeriodDays();
    }

    public Scores scores(int sample) {
        return new Scores(sample);
    }

    /** @return the problem with this sample's durations, material-ready days, power days and capacities */
    public SchedulingProblem facts(int sample) {
        return facts(scores(sample));
    }

    SchedulingProblem facts(Scores scores) {
        int n = problem.taskCount();
        int[][] duration = new int[n][];
        int[] pinnedDuration = new int[n];
        for (int t = 0; t < n; t++) {
            double ratio = model.taskDuration()[t].value(scores.task[t]);
            int modes = problem.modeCount(t);
            duration[t] = new int[modes];
            if (problem.pinned(t)) {
                pinnedDuration[t] = scaled(problem.pinnedDuration(t), ratio);
                for (int m = 0; m < modes; m++) {
                    duration[t][m] = pinnedDuration[t];
                }
            } else {
                for (int m = 0; m < modes; m++) {
                    duration[t][m] = scaled(problem.duration(t, m), ratio);
                }
            }
        }
        int[] arrival = arrivals(scores);
        int[][] ready = new int[n][];
        for (int t = 0; t < n; t++) {
            int[] materials = problem.materials(t);
            int[] baseReady = problem.materialReadyDays(t);
            ready[t] = new int[materials.length];
            WorkCalendar calendar = problem.calendar(t);
            for (int k = 0; k < materials.length; k++) {
                int s = materials[k];
                ready[t][k] = delivered[s] ? baseReady[k]
                        : calendar.addWorkDays(Math.max(0, Math.min(arrival[s], problem.horizon())), receivingDays[s]);
            }
        }
        int[] slip = slips(scores);
        int[] power = new int[n];
        for (int t = 0; t < n; t++) {
            int day = problem.powerDay(t);
            power[t] = day == SchedulingProblem.NONE ? day : day + slip[problem.taskSite(t)];
        }
        int[][] capacity = new int[problem.poolCount()][];
        int period = model.lossPeriodDays();
        for (int p = 0; p < capacity.length; p++) {
            int[] base = problem.capacityProfile(p);
            double[] poolScores = scores.pool[p];
            int[] profile = Arrays.copyOf(base, sampleHorizon);
            if (poolScores.length == 0) {
                capacity[p] = profile;
                continue;
            }
            for (int k = 0; k < poolScores.length; k++) {
                double kept = 1 - Math.min(1, Math.max(0, model.poolLoss()[p].value(poolScores[k])));
                int to = Math.min(sampleHorizon, (k + 1) * period);
                for (int d = k * period; d < to; d++) {
                    if (base[d] > largestDemand[p]) {
                        profile[d] = Math.max(largestDemand[p], (int) Math.round(base[d] * kept));
                    }
                }
            }
            capacity[p] = profile;
        }
        return problem.withUncertainFacts(sampleHorizon, duration, pinnedDuration, ready, power, capacity);
    }

    /** @return the day each shipment arrives in this sample (delivered ones: when they did) */
    public int[] arrivalDays(int sample) {
        return arrivals(scores(sample));
    }

    /** @return the days each site's utility power comes after its date in this sample */
    public int[] powerSlipDays(int sample) {
        return slips(scores(sample));
    }

    private int[] arrivals(Scores scores) {
        int[] arrival = new int[problem.shipmentCount()];
        for (int s = 0; s < arrival.length; s++) {
            arrival[s] = delivered[s] ? promisedDay[s]
                    : promisedDay[s] + (int) Math.round(model.shipmentDelay()[s].value(scores.shipment[s]));
        }
        return arrival;
    }

    private int[] slips(Scores scores) {
        int[] slip = new int[problem.siteCount()];
        for (int s = 0; s < slip.length; s++) {
            slip[s] = (int) Math.round(model.powerSlip()[s].value(scores.site[s]));
        }
        return slip;
    }

    private static int scaled(int days, double ratio) {
        if (days <= 0) {
            return days;
        }
        return Math.max(1, (int) Math.round(days * ratio));
    }
}
