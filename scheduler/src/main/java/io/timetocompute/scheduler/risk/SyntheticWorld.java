package io.timetocompute.scheduler.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;

import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;

/**
 * A world whose uncertainty is known: true distributions per supplier and material, trade and kind of work, pool and
 * region, drawn once from a seed for the classes a portfolio has. It writes a past {@link History} (the demo's
 * starting history, and the replay harness's) and is the truth that learned models are measured against.
 */
public final class SyntheticWorld {

    /** true mean and standard deviation of every class, by quantity and key (as {@link HistoryLearner} keys them) */
    private final Map<String, double[]> delay = new TreeMap<>();
    private final Map<String, double[]> logRatio = new TreeMap<>();
    private final Map<String, double[]> loss = new TreeMap<>();
    private final Map<String, double[]> slip = new TreeMap<>();
    private final Map<String, String> tradeOfPool = new HashMap<>();
    private final long seed;

    private SyntheticWorld(long seed) {
        this.seed = seed;
    }

    public static SyntheticWorld of(Portfolio portfolio, long seed) {
        SyntheticWorld world = new SyntheticWorld(seed);
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Map<String, Double> materialBase = new HashMap<>();
        for (Shipment shipment : portfolio.shipments()) {
            double base = materialBase.computeIfAbsent(shipment.material(), m -> uniform(random, 3, 25));
            world.delay.computeIfAbsent(shipment.supplier() + "/" + shipment.material(),
                    key -> new double[] {base + 8 * gaussian(random), uniform(random, 6, 20)});
        }
        Map<String, LaborPool> pools = new HashMap<>();
        portfolio.pools().forEach(pool -> pools.put(pool.id(), pool));
        Map<String, Double> tradeBase = new HashMap<>();
        for (Task task : portfolio.tasks()) {
            String trade = RiskAssumptions.tradeOf(task, pools);
            if (trade == null) {
                continue;
            }
            double base = tradeBase.computeIfAbsent(trade, t -> 0.06 + 0.05 * gaussian(random));
            world.logRatio.computeIfAbsent(trade + "/" + task.phase(),
                    key -> new double[] {base + 0.04 * gaussian(random), uniform(random, 0.08, 0.25)});
        }
        Map<String, Double> tradeLoss = new HashMap<>();
        for (LaborPool pool : portfolio.pools()) {
            double base = tradeLoss.computeIfAbsent(pool.trade(), t -> uniform(random, 0.02, 0.06));
            double mean = base * uniform(random, 0.5, 1.5);
            world.loss.put(pool.id(), new double[] {mean, mean * uniform(random, 0.6, 1.2)});
            world.tradeOfPool.put(pool.id(), pool.trade());
        }
        for (Site site : portfolio.sites()) {
            world.slip.computeIfAbsent(String.valueOf(site.region()),
                    region -> new double[] {uniform(random, 10, 60), uniform(random, 15, 45)});
        }
        return world;
    }

    private static double uniform(UniformRandomProvider random, double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    private static double gaussian(UniformRandomProvider random) {
        return org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(random).sample();
    }

    /** @return the true distributions as assumptions a Monte Carlo can sample (with the default common causes) */
    public RiskAssumptions truth() {
        RiskAssumptions truth = RiskAssumptions.defaults();
        Uncertain.Source source = new Uncertain.Source("TRUTH", 0, 1, "synthetic world " + seed);
        logRatio.forEach((key, p) -> {
            String[] tradeAndPhase = key.split("/", 2);
            truth.duration(tradeAndPhase[0], tradeAndPhase[1], Uncertain.of(LogNormalDistribution.of(p[0], p[1]), source));
        });
        delay.forEach((key, p) -> {
            String[] supplierAndMaterial = key.split("/", 2);
            truth.delay(supplierAndMaterial[0], supplierAndMaterial[1],
                    Uncertain.of(RiskAssumptions.gumbelOfMoments(p[0], p[1]), source));
        });
        loss.forEach((pool, p) -> truth.loss(pool, null,
                Uncertain.of(RiskAssumptions.lognormalOfMoments(p[0], p[1]), source)));
        slip.forEach((region, p) -> truth.slip(region, Uncertain.of(RiskAssumptions.gumbelOfMoments(p[0], p[1]), source)));
        return truth;
    }

    /** @return true {mean, sd} of arrival delays in days, by "supplier/material" */
    public Map<String, double[]> delays() {
        return java.util.Collections.unmodifiableMap(delay);
    }

    /** @return true {mu, sigma} of log(actual / planned work days), by "trade/phase" */
    public Map<String, double[]> logRatios() {
        return java.util.Collections.unmodifiableMap(logRatio);
    }

    /** @return true {mean, sd} of the share of a pool's headcount lost per period, by pool */
    public Map<String, double[]> losses() {
        return java.util.Collections.unmodifiableMap(loss);
    }

    /** @return true {mean, sd} of utility power slips in days, by region */
    public Map<String, double[]> slips() {
        return java.util.Collections.unmodifiableMap(slip);
    }

    /**
     * A past of the world up to {@code until}: deliveries with the promises made for them, finished work, crew
     * losses per 28-day period and utility dates, over {@code months}. How much there is of each class varies as
     * in a real portfolio: some suppliers have delivered a few times, others dozens.
     *
     * @param scale multiplies the number of observations (1: a realistic past)
     */
    public History history(LocalDate until, int months, double scale, long historySeed) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(historySeed);
        LocalDate from = until.minusMonths(months);
        int spanDays = (int) (until.toEpochDay() - from.toEpochDay());
        double monthsScale = scale * months / 24.0;
        List<History.Promise> promises = new ArrayList<>();
        List<History.Delivery> deliveries = new ArrayList<>();
        int shipmentNumber = 0;
        for (Map.Entry<String, double[]> entry : delay.entrySet()) {
            String[] supplierAndMaterial = entry.getKey().split("/", 2);
            boolean thin = random.nextDouble() < 0.25;
            int count = (int) Math.round((thin ? uniform(random, 1, 3) : uniform(random, 8, 40)) * monthsScale);
            ContinuousDistribution truth = RiskAssumptions.gumbelOfMoments(entry.getValue()[0], entry.getValue()[1]);
            ContinuousDistribution.Sampler sampler = truth.createSampler(random);
            for (int i = 0; i < count; i++) {
                String id = "past-" + (++shipmentNumber);
                LocalDate delivered = from.plusDays(random.nextInt(spanDays));
                long lateness = Math.round(sampler.sample());
                LocalDate current = delivered.minusDays(lateness);
                LocalDate first = current.minusDays(Math.round(Math.abs(10 * gaussian(random))));
                promises.add(new History.Promise(id, supplierAndMaterial[0], supplierAndMaterial[1],
                        delivered.minusDays(150 + random.nextInt(150)), first));
                promises.add(new History.Promise(id, supplierAndMaterial[0], supplierAndMaterial[1],
                        delivered.minusDays(HistoryLearner.PROMISE_LEAD_DAYS + 1 + random.nextInt(60)), current));
                // A last ETA close to the truck's arrival: what suppliers send, and no use to a forecast.
                promises.add(new History.Promise(id, supplierAndMaterial[0], supplierAndMaterial[1],
                        delivered.minusDays(1 + random.nextInt(HistoryLearner.PROMISE_LEAD_DAYS - 1)),
                        delivered.plusDays(random.nextInt(3) - 1)));
                deliveries.add(new History.Delivery(id, supplierAndMaterial[0], supplierAndMaterial[1], delivered));
            }
        }
        List<History.WorkOutcome> work = new ArrayList<>();
        int taskNumber = 0;
        for (Map.Entry<String, double[]> entry : logRatio.entrySet()) {
            String[] tradeAndPhase = entry.getKey().split("/", 2);
            int count = random.nextDouble() < 0.1 ? 0
                    : (int) Math.round(uniform(random, 2, 40) * monthsScale);
            ContinuousDistribution.Sampler sampler = LogNormalDistribution.of(entry.getValue()[0],
                    entry.getValue()[1]).createSampler(random);
            for (int i = 0; i < count; i++) {
                int planned = 5 + random.nextInt(56);
                int actual = Math.max(1, (int) Math.round(planned * sampler.sample()));
                work.add(new History.WorkOutcome("past-task-" + (++taskNumber), tradeAndPhase[0], tradeAndPhase[1],
                        planned, actual));
            }
        }
        List<History.CrewLoss> crewLosses = new ArrayList<>();
        for (Map.Entry<String, double[]> entry : loss.entrySet()) {
            ContinuousDistribution.Sampler sampler = RiskAssumptions.lognormalOfMoments(entry.getValue()[0],
                    entry.getValue()[1]).createSampler(random);
            int periods = (int) Math.round(spanDays / 28.0 * scale);
            for (int k = 0; k < periods; k++) {
                crewLosses.add(new History.CrewLoss(entry.getKey(), tradeOfPool.get(entry.getKey()),
                        from.plusDays(28L * k), Math.min(1, sampler.sample())));
            }
        }
        List<History.PowerOutcome> power = new ArrayList<>();
        int siteNumber = 0;
        for (Map.Entry<String, double[]> entry : slip.entrySet()) {
            int count = Math.max(1, (int) Math.round(uniform(random, 1, 6) * monthsScale));
            ContinuousDistribution.Sampler sampler = RiskAssumptions.gumbelOfMoments(entry.getValue()[0],
                    entry.getValue()[1]).createSampler(random);
            for (int i = 0; i < count; i++) {
                LocalDate promised = from.plusDays(random.nextInt(spanDays));
                power.add(new History.PowerOutcome("past-site-" + (++siteNumber), entry.getKey(), promised,
                        promised.plusDays(Math.round(sampler.sample()))));
            }
        }
        return new History(promises, deliveries, work, crewLosses, power, List.of());
    }

    /** @return the keys of the world's classes, for reports */
    public Map<String, Integer> classCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("supplier/material", delay.size());
        counts.put("trade/phase", logRatio.size());
        counts.put("pool", loss.size());
        counts.put("region", slip.size());
        return counts;
    }
}
