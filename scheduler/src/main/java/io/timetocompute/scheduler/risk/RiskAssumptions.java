package io.timetocompute.scheduler.risk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.GumbelDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;

import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.problem.SchedulingProblem;

/**
 * The uncertainty of a portfolio by class, the way it is learned and entered: duration ratios by trade and kind of
 * work (a task's phase), arrival delays by supplier and material, headcount losses by pool, power slips by region;
 * planners' own three-point estimates per task on top. {@link #modelOf} turns them into a {@link RiskModel} of one
 * compiled portfolio, the most specific entry winning: task, then trade and phase, then trade, then the default.
 */
public final class RiskAssumptions {

    /** weight of a supplier's common cause on its shipments (normal scale) */
    private double supplierLoading = 0.6;
    /** weight of a region's weather on its work and crews (normal scale) */
    private double weatherLoading = 0.4;
    private int lossPeriodDays = 28;

    final Map<String, Uncertain> durationByTradeAndPhase = new TreeMap<>();
    final Map<String, Uncertain> durationByTrade = new TreeMap<>();
    final Map<String, Uncertain> delayBySupplierAndMaterial = new TreeMap<>();
    final Map<String, Uncertain> delayByMaterial = new TreeMap<>();
    final Map<String, Uncertain> lossByPool = new TreeMap<>();
    final Map<String, Uncertain> lossByTrade = new TreeMap<>();
    final Map<String, Uncertain> slipByRegion = new TreeMap<>();
    final Map<String, History.PlannerEstimate> plannerEstimates = new TreeMap<>();

    Uncertain defaultDuration = Uncertain.of(lognormalOfMoments(1.08, 0.18),
            Uncertain.Source.byDefault("durations run 8 % long, spread 18 %"));
    Uncertain defaultDelay = Uncertain.of(gumbelOfMoments(10, 15),
            Uncertain.Source.byDefault("shipments arrive 10 days after their promise, spread 15 days"));
    Uncertain defaultLoss = Uncertain.of(lognormalOfMoments(0.04, 0.04),
            Uncertain.Source.byDefault("crews lose 4 % of their headcount, spread 4 %"));
    Uncertain defaultSlip = Uncertain.of(gumbelOfMoments(30, 40),
            Uncertain.Source.byDefault("utility power comes 30 days after its date, spread 40 days"));

    public static RiskAssumptions defaults() {
        return new RiskAssumptions();
    }

    /** @return a lognormal with this mean and standard deviation */
    public static LogNormalDistribution lognormalOfMoments(double mean, double sd) {
        double sigma2 = Math.log1p(sd * sd / (mean * mean));
        return LogNormalDistribution.of(Math.log(mean) - sigma2 / 2, Math.sqrt(sigma2));
    }

    /** @return a Gumbel (right-skewed, like lateness) with this mean and standard deviation */
    public static GumbelDistribution gumbelOfMoments(double mean, double sd) {
        double beta = Math.max(1e-6, sd) * Math.sqrt(6) / Math.PI;
        return GumbelDistribution.of(mean - 0.5772156649015329 * beta, beta);
    }

    public RiskAssumptions commonCauses(double supplier, double weather) {
        this.supplierLoading = supplier;
        this.weatherLoading = weather;
        return this;
    }

    public RiskAssumptions lossPeriodDays(int days) {
        this.lossPeriodDays = days;
        return this;
    }

    public RiskAssumptions duration(String trade, String phase, Uncertain ratio) {
        if (phase == null) {
            durationByTrade.put(trade, ratio);
        } else {
            durationByTradeAndPhase.put(trade + "/" + phase, ratio);
        }
        return this;
    }

    public RiskAssumptions delay(String supplier, String material, Uncertain days) {
        if (supplier == null) {
            delayByMaterial.put(material, days);
        } else {
            delayBySupplierAndMaterial.put(supplier + "/" + material, days);
        }
        return this;
    }

    public RiskAssumptions loss(String poolId, String trade, Uncertain share) {
        if (poolId == null) {
            lossByTrade.put(trade, share);
        } else {
            lossByPool.put(poolId, share);
        }
        return this;
    }

    public RiskAssumptions slip(String region, Uncertain days) {
        slipByRegion.put(region, days);
        return this;
    }

    /**
     * A planner's three-point estimate of a task's work days, recorded with who gave it; it is pooled with what was
     * learned for the task's class, with the estimate's weight.
     */
    public RiskAssumptions plannerEstimate(History.PlannerEstimate estimate) {
        if (!(estimate.optimistic() > 0 && estimate.optimistic() <= estimate.mostLikely()
                && estimate.mostLikely() <= estimate.pessimistic() && estimate.optimistic() < estimate.pessimistic())) {
            throw new IllegalArgumentException("task " + estimate.taskId()
                    + ": a three-point estimate needs 0 < optimistic <= most likely <= pessimistic, optimistic < pessimistic");
        }
        if (!(estimate.weight() > 0 && estimate.weight() <= 1)) {
            throw new IllegalArgumentException("task " + estimate.taskId() + ": weight must be in (0, 1]");
        }
        plannerEstimates.put(estimate.taskId(), estimate);
        return this;
    }

    /** @return the planner's estimate pooled with the learned ratio, as a ratio of the planned work days */
    private static Uncertain combined(History.PlannerEstimate estimate, int plannedDays, Uncertain learned) {
        ContinuousDistribution planner = TriangularDistribution.of(estimate.optimistic() / plannedDays,
                estimate.mostLikely() / plannedDays, estimate.pessimistic() / plannedDays);
        String said = estimate.planner() + ": " + estimate.optimistic() + " / " + estimate.mostLikely() + " / "
                + estimate.pessimistic() + " work days, weight " + estimate.weight();
        ContinuousDistribution marginal = learned.isFixed() || estimate.weight() == 1 ? planner
                : new Mixture(planner, learned.marginal(), estimate.weight());
        Uncertain.Source from = learned.source();
        return Uncertain.of(marginal, new Uncertain.Source("PLANNER", from.observations(),
                from.dataWeight() * (1 - estimate.weight()), said + "; learned: " + from.kind()
                        + (from.detail() == null ? "" : " " + from.detail())));
    }

    public RiskAssumptions defaults(Uncertain duration, Uncertain delay, Uncertain loss, Uncertain slip) {
        this.defaultDuration = duration;
        this.defaultDelay = delay;
        this.defaultLoss = loss;
        this.defaultSlip = slip;
        return this;
    }

    /** @return the trade a task's work belongs to: that of the first pool its default mode needs (null: no crew) */
    public static String tradeOf(Task task, Map<String, LaborPool> pools) {
        if (task.modes().isEmpty()) {
            return null;
        }
        for (String poolId : task.modes().get(0).crew().keySet()) {
            LaborPool pool = pools.get(poolId);
            if (pool != null && pool.trade() != null) {
                return pool.trade();
            }
        }
        return null;
    }

    public RiskModel modelOf(SchedulingProblem problem) {
        Portfolio portfolio = problem.portfolio();
        Map<String, LaborPool> pools = new HashMap<>();
        portfolio.pools().forEach(pool -> pools.put(pool.id(), pool));
        Map<String, String> regionOfSite = new HashMap<>();
        portfolio.sites().forEach(site -> regionOfSite.put(site.id(), site.region() == null ? "" : site.region()));

        Factors factors = new Factors();
        List<Task> tasks = portfolio.tasks();
        Uncertain[] taskDuration = new Uncertain[tasks.size()];
        for (int t = 0; t < tasks.size(); t++) {
            Task task = tasks.get(t);
            String trade = String.valueOf(tradeOf(task, pools));
            boolean hasWork = task.modes().stream().anyMatch(mode -> mode.durationDays() > 0);
            Uncertain u;
            if (!hasWork || task.progressOrNotStarted().status() == io.timetocompute.scheduler.portfolio.TaskStatus.DONE) {
                u = Uncertain.fixed(1, Uncertain.Source.KNOWN);
            } else {
                u = durationByTradeAndPhase.get(trade + "/" + task.phase());
                if (u == null) {
                    u = "null".equals(trade) ? defaultDuration : durationByTrade.getOrDefault(trade, defaultDuration);
                }
                History.PlannerEstimate estimate = plannerEstimates.get(task.id());
                int plannedDays = task.modes().get(0).durationDays();
                if (estimate != null && plannedDays > 0) {
                    u = combined(estimate, plannedDays, u);
                }
            }
            taskDuration[t] = u.withCommonCause(factors.index("weather:" + regionOfSite.get(task.siteId())),
                    weatherLoading);
        }
        List<Shipment> shipments = portfolio.shipments();
        Uncertain[] shipmentDelay = new Uncertain[shipments.size()];
        for (int s = 0; s < shipments.size(); s++) {
            Shipment shipment = shipments.get(s);
            Uncertain u;
            if (shipment.deliveredDate() != null) {
                u = Uncertain.fixed(0, Uncertain.Source.KNOWN);
            } else {
                u = delayBySupplierAndMaterial.get(shipment.supplier() + "/" + shipment.material());
                if (u == null) {
                    u = delayByMaterial.getOrDefault(shipment.material(), defaultDelay);
                }
            }
            shipmentDelay[s] = u.withCommonCause(factors.index("supplier:" + shipment.supplier()), supplierLoading);
        }
        int horizonPeriods = Math.max(1, (problem.horizon() + lossPeriodDays - 1) / lossPeriodDays);
        Uncertain[] poolLoss = new Uncertain[problem.poolCount()];
        for (int p = 0; p < poolLoss.length; p++) {
            LaborPool pool = portfolio.pools().get(p);
            Uncertain u = lossByPool.get(pool.id());
            if (u == null) {
                u = pool.trade() == null ? defaultLoss : lossByTrade.getOrDefault(pool.trade(), defaultLoss);
            }
            String region = pool.siteIds().isEmpty() ? "" : regionOfSite.getOrDefault(pool.siteIds().get(0), "");
            poolLoss[p] = u.withCommonCause(factors.periods("weather-weeks:" + region, horizonPeriods),
                    weatherLoading);
        }
        Uncertain[] powerSlip = new Uncertain[problem.siteCount()];
        for (int s = 0; s < powerSlip.length; s++) {
            Site site = portfolio.sites().get(s);
            String region = regionOfSite.get(site.id());
            Uncertain u = site.powerAvailableDate() == null ? Uncertain.fixed(0, Uncertain.Source.KNOWN)
                    : slipByRegion.getOrDefault(region, defaultSlip);
            powerSlip[s] = u.withCommonCause(factors.index("grid:" + region), weatherLoading);
        }
        return new RiskModel(factors.names, taskDuration, shipmentDelay, poolLoss, powerSlip, lossPeriodDays,
                horizonPeriods);
    }

    /** Names common causes and gives each its index (a region's weather weeks take one index per period). */
    private static final class Factors {
        final List<String> names = new java.util.ArrayList<>();
        final Map<String, Integer> index = new HashMap<>();

        int index(String name) {
            return index.computeIfAbsent(name, key -> {
                names.add(key);
                return names.size() - 1;
            });
        }

        int periods(String name, int count) {
            return index.computeIfAbsent(name, key -> {
                int first = names.size();
                for (int k = 0; k < count; k++) {
                    names.add(key + "#" + k);
                }
                return first;
            });
        }
    }
}
