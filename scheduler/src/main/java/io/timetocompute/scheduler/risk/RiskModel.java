package io.timetocompute.scheduler.risk;

import java.util.List;

import io.timetocompute.scheduler.problem.SchedulingProblem;

/**
 * The uncertainty of one compiled portfolio, indexed like its {@link SchedulingProblem}:
 * <ul>
 * <li>per task, the ratio of actual to planned (remaining) work days;</li>
 * <li>per shipment, its arrival in calendar days after its current promise (delivered shipments are known);</li>
 * <li>per pool, the share of its headcount lost in each period of {@link #lossPeriodDays} days (weather, illness,
 * strikes); its factor is the first of {@code periods} consecutive factors, one per period, so that a region's
 * pools lose crews in the same bad weeks;</li>
 * <li>per site, the slip of the utility power date in calendar days.</li>
 * </ul>
 * Common causes are the {@link #factors() factors}: one per supplier (its shipments are late together) and per
 * region (its weather slows work and thins crews together).
 */
public record RiskModel(List<String> factors, Uncertain[] taskDuration, Uncertain[] shipmentDelay,
        Uncertain[] poolLoss, Uncertain[] powerSlip, int lossPeriodDays, int periods) {

    public RiskModel {
        factors = List.copyOf(factors);
        if (lossPeriodDays < 1 || periods < 1) {
            throw new IllegalArgumentException("loss periods must be at least one day, and at least one of them");
        }
    }

    public void requireShapeOf(SchedulingProblem problem) {
        if (taskDuration.length != problem.taskCount() || shipmentDelay.length != problem.shipmentCount()
                || poolLoss.length != problem.poolCount() || powerSlip.length != problem.siteCount()) {
            throw new IllegalArgumentException("the risk model is not of this portfolio");
        }
    }

    /** @return a model where nothing is uncertain: every sample is the plan */
    public static RiskModel certain(SchedulingProblem problem) {
        Uncertain.Source known = Uncertain.Source.KNOWN;
        Uncertain[] tasks = new Uncertain[problem.taskCount()];
        java.util.Arrays.fill(tasks, Uncertain.fixed(1, known));
        Uncertain[] shipments = new Uncertain[problem.shipmentCount()];
        java.util.Arrays.fill(shipments, Uncertain.fixed(0, known));
        Uncertain[] pools = new Uncertain[problem.poolCount()];
        java.util.Arrays.fill(pools, Uncertain.fixed(0, known));
        Uncertain[] sites = new Uncertain[problem.siteCount()];
        java.util.Arrays.fill(sites, Uncertain.fixed(0, known));
        return new RiskModel(List.of(), tasks, shipments, pools, sites, 28, 1);
    }
}
