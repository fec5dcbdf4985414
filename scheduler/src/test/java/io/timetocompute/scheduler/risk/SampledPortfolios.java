package io.timetocompute.scheduler.risk;

import java.util.ArrayList;
import java.util.List;

import io.timetocompute.scheduler.portfolio.CapacityAdjustment;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskMode;
import io.timetocompute.scheduler.portfolio.TaskProgress;
import io.timetocompute.scheduler.portfolio.TaskStatus;
import io.timetocompute.scheduler.problem.SchedulingProblem;

/** Writes one Monte Carlo sample's facts back into a portfolio, for a checker that reads only portfolios. */
final class SampledPortfolios {

    private SampledPortfolios() {
    }

    static Portfolio of(SchedulingProblem base, SchedulingProblem facts, int[] arrivalDays, int[] powerSlips) {
        Portfolio portfolio = base.portfolio();
        List<Task> tasks = new ArrayList<>();
        for (int t = 0; t < base.taskCount(); t++) {
            Task task = portfolio.tasks().get(t);
            List<TaskMode> modes = new ArrayList<>();
            for (int m = 0; m < task.modes().size(); m++) {
                TaskMode mode = task.modes().get(m);
                int days = facts.pinned(t) ? mode.durationDays() : facts.duration(t, m);
                modes.add(new TaskMode(mode.name(), days, mode.crew(), mode.cost(), mode.budgetUse()));
            }
            TaskProgress progress = task.progress();
            if (progress != null && progress.status() == TaskStatus.IN_PROGRESS) {
                progress = new TaskProgress(progress.status(), progress.mode(), progress.actualStart(),
                        facts.duration(t, facts.pinnedMode(t)), null);
            }
            tasks.add(new Task(task.id(), task.siteId(), task.name(), task.phase(), modes, task.predecessors(),
                    task.materials(), task.requiresPower(), task.bringsOnline(), progress));
        }
        List<Shipment> shipments = new ArrayList<>();
        for (int s = 0; s < base.shipmentCount(); s++) {
            Shipment shipment = portfolio.shipments().get(s);
            shipments.add(shipment.deliveredDate() != null ? shipment
                    : shipment.withPromisedDate(base.date(arrivalDays[s])));
        }
        List<Site> sites = new ArrayList<>();
        for (int s = 0; s < base.siteCount(); s++) {
            Site site = portfolio.sites().get(s);
            sites.add(site.powerAvailableDate() == null ? site
                    : site.withPowerAvailableDate(site.powerAvailableDate().plusDays(powerSlips[s])));
        }
        List<LaborPool> pools = new ArrayList<>();
        for (int p = 0; p < base.poolCount(); p++) {
            LaborPool pool = portfolio.pools().get(p);
            int[] profile = facts.capacityProfile(p);
            List<CapacityAdjustment> adjustments = new ArrayList<>();
            int from = 0;
            for (int d = 1; d <= profile.length; d++) {
                if (d == profile.length || profile[d] != profile[from]) {
                    adjustments.add(CapacityAdjustment.absolute(base.date(from), base.date(d - 1), profile[from],
                            "sampled"));
                    from = d;
                }
            }
            pools.add(pool.withAdjustments(adjustments));
        }
        return portfolio.withTasks(tasks).withShipments(shipments).withSites(sites).withPools(pools);
    }
}
