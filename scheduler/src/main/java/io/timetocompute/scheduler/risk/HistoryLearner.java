package io.timetocompute.scheduler.risk;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Learns {@link RiskAssumptions} from a {@link History}, by reference class: every specific estimate (a supplier's
 * transformers, electricians' fit-out work, one crew's losses, one region's utility) is shrunk towards the estimate of
 * its class (all transformers, all electrical work, the trade, all utilities) in proportion to how much data it has:
 * its mean weighs {@code n / (n + k)} against the class, where {@code k} is the ratio of the spread within members to
 * the spread between them (empirical Bayes, normal-normal), and its spread is pooled with the class's with a prior
 * weight of {@code k} observations. What each estimate rests on is reported.
 */
public final class HistoryLearner {

    /** a delivery is compared with the promise in force this many days before it: the "current promise" of a forecast */
    static final int PROMISE_LEAD_DAYS = 30;
    private static final double MIN_PRIOR_COUNT = 1;
    private static final double MAX_PRIOR_COUNT = 100;
    /** prior weight in observations when the spread between members cannot be estimated (fewer than 3 members) */
    private static final double DEFAULT_PRIOR_COUNT = 5;
    private static final int MIN_CLASS_OBSERVATIONS = 3;

    private HistoryLearner() {
    }

    /**
     * One learned estimate, for users: what it is about, its mean and spread, and how much it rests on data.
     *
     * @param quantity DURATION_LOG_RATIO, ARRIVAL_DELAY_DAYS, CREW_LOSS_SHARE or POWER_SLIP_DAYS
     * @param key what it is about (trade/phase, supplier/material, pool, region); "*" for the whole class
     * @param dataWeight share of the mean that comes from the key's own observations (the rest: its class)
     */
    public record Estimate(String quantity, String key, String classKey, int observations, double dataWeight,
            double mean, double sd) {
    }

    public record Learned(RiskAssumptions assumptions, List<Estimate> estimates) {
    }

    public static Learned learn(History history) {
        RiskAssumptions assumptions = RiskAssumptions.defaults();
        List<Estimate> estimates = new ArrayList<>();

        // Work: log(actual / planned) by trade, then by trade and phase within the trade.
        List<Observation> work = new ArrayList<>();
        for (History.WorkOutcome outcome : history.work()) {
            if (outcome.plannedDays() > 0 && outcome.actualDays() > 0 && outcome.trade() != null) {
                work.add(new Observation(outcome.trade(), outcome.trade() + "/" + outcome.phase(),
                        Math.log((double) outcome.actualDays() / outcome.plannedDays())));
            }
        }
        learnTwoLevels("DURATION_LOG_RATIO", work, estimates, (estimate, level) -> {
            Uncertain u = Uncertain.of(org.apache.commons.statistics.distribution.LogNormalDistribution.of(
                    estimate.mean(), Math.max(1e-3, estimate.sd())), source(estimate));
            if (level == 0) {
                assumptions.defaults(u, assumptions.defaultDelay, assumptions.defaultLoss, assumptions.defaultSlip);
            } else if (level == 1) {
                assumptions.duration(estimate.key(), null, u);
            } else {
                String[] tradeAndPhase = estimate.key().split("/", 2);
                assumptions.duration(tradeAndPhase[0], tradeAndPhase[1], u);
            }
        });

        // Deliveries against the promise in force a month before they came, by material, then supplier within it.
        Map<String, List<History.Promise>> promisesByShipment = new HashMap<>();
        for (History.Promise promise : history.promises()) {
            promisesByShipment.computeIfAbsent(promise.shipmentId(), id -> new ArrayList<>()).add(promise);
        }
        List<Observation> delays = new ArrayList<>();
        for (History.Delivery delivery : history.deliveries()) {
            List<History.Promise> promises = promisesByShipment.get(delivery.shipmentId());
            if (promises == null || promises.isEmpty()) {
                continue;
            }
            promises.sort(Comparator.comparing(History.Promise::observedOn));
            History.Promise current = promises.get(0);
            LocalDate cutoff = delivery.deliveredOn().minusDays(PROMISE_LEAD_DAYS);
            for (History.Promise promise : promises) {
                if (!promise.observedOn().isAfter(cutoff)) {
                    current = promise;
                }
            }
            delays.add(new Observation(delivery.material(), delivery.supplier() + "/" + delivery.material(),
                    ChronoUnit.DAYS.between(current.promisedDate(), delivery.deliveredOn())));
        }
        learnTwoLevels("ARRIVAL_DELAY_DAYS", delays, estimates, (estimate, level) -> {
            Uncertain u = Uncertain.of(RiskAssumptions.gumbelOfMoments(estimate.mean(), estimate.sd()),
                    source(estimate));
            if (level == 0) {
                assumptions.defaults(assumptions.defaultDuration, u, assumptions.defaultLoss, assumptions.defaultSlip);
            } else if (level == 1) {
                assumptions.delay(null, estimate.key(), u);
            } else {
                String[] supplierAndMaterial = estimate.key().split("/", 2);
                assumptions.delay(supplierAndMaterial[0], supplierAndMaterial[1], u);
            }
        });

        // Crew losses per period: by trade, then pool within it.
        List<Observation> losses = new ArrayList<>();
        for (History.CrewLoss loss : history.crewLosses()) {
            losses.add(new Observation(loss.trade(), loss.poolId(), Math.max(0, Math.min(1, loss.lostShare()))));
        }
        learnTwoLevels("CREW_LOSS_SHARE", losses, estimates, (estimate, level) -> {
            Uncertain u = estimate.mean() <= 1e-4 ? Uncertain.fixed(0, source(estimate))
                    : Uncertain.of(RiskAssumptions.lognormalOfMoments(estimate.mean(), Math.max(1e-4, estimate.sd())),
                            source(estimate));
            if (level == 0) {
                assumptions.defaults(assumptions.defaultDuration, assumptions.defaultDelay, u, assumptions.defaultSlip);
            } else if (level == 1) {
                assumptions.loss(null, estimate.key(), u);
            } else {
                assumptions.loss(estimate.key(), null, u);
            }
        });

        // Utility power: by region (one level below all utilities).
        List<Observation> slips = new ArrayList<>();
        for (History.PowerOutcome outcome : history.power()) {
            slips.add(new Observation(outcome.region(), outcome.region(),
                    ChronoUnit.DAYS.between(outcome.promisedDate(), outcome.actualDate())));
        }
        learnTwoLevels("POWER_SLIP_DAYS", slips, estimates, (estimate, level) -> {
            Uncertain u = Uncertain.of(RiskAssumptions.gumbelOfMoments(estimate.mean(), estimate.sd()),
                    source(estimate));
            if (level == 0) {
                assumptions.defaults(assumptions.defaultDuration, assumptions.defaultDelay, assumptions.defaultLoss, u);
            } else if (level == 1) {
                assumptions.slip(estimate.key(), u);
            }
        });

        for (History.PlannerEstimate estimate : history.plannerEstimates()) {
            assumptions.plannerEstimate(estimate);
        }
        return new Learned(assumptions, List.copyOf(estimates));
    }

    private static Uncertain.Source source(Estimate estimate) {
        String kind = estimate.observations() == 0 ? "CLASS" : "LEARNED";
        return new Uncertain.Source(kind, estimate.observations(), estimate.dataWeight(),
                estimate.quantity() + " " + estimate.key() + (estimate.classKey() == null ? ""
                        : " shrunk towards " + estimate.classKey()));
    }

    /** A value of a member ({@code key}) of a class ({@code classKey}). */
    record Observation(String classKey, String key, double value) {
    }

    interface Sink {
        /** @param level 0: the whole quantity, 1: a class, 2: a member of a class */
        void accept(Estimate estimate, int level);
    }

    /**
     * All observations give the quantity's estimate; each class is shrunk towards it, each member towards its class.
     * Classes whose members are their own class (power by region) stop at the first level.
     */
    private static void learnTwoLevels(String quantity, List<Observation> observations, List<Estimate> estimates,
            Sink sink) {
        if (observations.size() < MIN_CLASS_OBSERVATIONS) {
            return;
        }
        Moments all = Moments.of(observations, Observation::value);
        Estimate top = new Estimate(quantity, "*", null, observations.size(), 1, all.mean, all.sd());
        estimates.add(top);
        sink.accept(top, 0);
        Map<String, List<Observation>> byClass = group(observations, Observation::classKey);
        Map<String, Estimate> classEstimates = shrink(quantity, byClass, top, estimates, sink, 1);
        for (Map.Entry<String, List<Observation>> entry : byClass.entrySet()) {
            Map<String, List<Observation>> byMember = group(entry.getValue(), Observation::key);
            if (byMember.size() == 1 && byMember.containsKey(entry.getKey())) {
                continue;
            }
            shrink(quantity, byMember, classEstimates.get(entry.getKey()), estimates, sink, 2);
        }
    }

    private static Map<String, Estimate> shrink(String quantity, Map<String, List<Observation>> groups,
            Estimate parent, List<Estimate> estimates, Sink sink, int level) {
        Map<String, Moments> moments = new TreeMap<>();
        groups.forEach((key, list) -> moments.put(key, Moments.of(list, Observation::value)));
        double k = priorCount(moments.values());
        Map<String, Estimate> result = new TreeMap<>();
        for (Map.Entry<String, Moments> entry : moments.entrySet()) {
            Moments m = entry.getValue();
            double weight = m.n / (m.n + k);
            double mean = weight * m.mean + (1 - weight) * parent.mean();
            double variance = ((m.n - 1) * m.variance + k * parent.sd() * parent.sd()) / (m.n - 1 + k);
            Estimate estimate = new Estimate(quantity, entry.getKey(), parent.key(), m.n, weight, mean,
                    Math.sqrt(variance));
            estimates.add(estimate);
            result.put(entry.getKey(), estimate);
            sink.accept(estimate, level);
        }
        return result;
    }

    /**
     * @return the within-member variance over the between-member variance of the means (method of moments), clamped;
     *         the default when there are too few members to tell
     */
    static double priorCount(java.util.Collection<Moments> members) {
        if (members.size() < 3) {
            return DEFAULT_PRIOR_COUNT;
        }
        double within = 0;
        int withinDegrees = 0;
        double meanOfMeans = 0;
        for (Moments m : members) {
            within += (m.n - 1) * m.variance;
            withinDegrees += m.n - 1;
            meanOfMeans += m.mean;
        }
        meanOfMeans /= members.size();
        if (withinDegrees == 0) {
            return DEFAULT_PRIOR_COUNT;
        }
        double sigma2 = within / withinDegrees;
        double spreadOfMeans = 0;
        double samplingNoise = 0;
        for (Moments m : members) {
            spreadOfMeans += (m.mean - meanOfMeans) * (m.mean - meanOfMeans);
            samplingNoise += sigma2 / m.n;
        }
        spreadOfMeans /= members.size() - 1;
        samplingNoise /= members.size();
        double tau2 = spreadOfMeans - samplingNoise;
        if (tau2 <= 0) {
            return MAX_PRIOR_COUNT;
        }
        return Math.max(MIN_PRIOR_COUNT, Math.min(MAX_PRIOR_COUNT, sigma2 / tau2));
    }

    private static Map<String, List<Observation>> group(List<Observation> observations,
            Function<Observation, String> key) {
        Map<String, List<Observation>> groups = new TreeMap<>();
        for (Observation observation : observations) {
            groups.computeIfAbsent(key.apply(observation), k -> new ArrayList<>()).add(observation);
        }
        return groups;
    }

    record Moments(int n, double mean, double variance) {
        static Moments of(List<Observation> observations, java.util.function.ToDoubleFunction<Observation> value) {
            int n = observations.size();
            double mean = 0;
            for (Observation o : observations) {
                mean += value.applyAsDouble(o);
            }
            mean /= n;
            double variance = 0;
            for (Observation o : observations) {
                double d = value.applyAsDouble(o) - mean;
                variance += d * d;
            }
            variance = n > 1 ? variance / (n - 1) : 0;
            return new Moments(n, mean, variance);
        }

        double sd() {
            return Math.sqrt(variance);
        }
    }
}
