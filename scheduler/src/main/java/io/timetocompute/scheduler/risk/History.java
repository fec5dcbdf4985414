package io.timetocompute.scheduler.risk;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the event history of a portfolio says about uncertainty, one observation per line: supplier promises and
 * deliveries, planned against actual work days, crew losses per period, utility power dates against their promise,
 * and planners' own estimates. Event adapters and the demo history generator produce it; {@link HistoryLearner}
 * learns from it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record History(List<Promise> promises, List<Delivery> deliveries, List<WorkOutcome> work,
        List<CrewLoss> crewLosses, List<PowerOutcome> power, List<PlannerEstimate> plannerEstimates) {

    public History {
        promises = promises == null ? List.of() : List.copyOf(promises);
        deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
        work = work == null ? List.of() : List.copyOf(work);
        crewLosses = crewLosses == null ? List.of() : List.copyOf(crewLosses);
        power = power == null ? List.of() : List.copyOf(power);
        plannerEstimates = plannerEstimates == null ? List.of() : List.copyOf(plannerEstimates);
    }

    public static History empty() {
        return new History(null, null, null, null, null, null);
    }

    /** A supplier's promise (shipment planned or ETA changed) as it stood on {@code observedOn}. */
    public record Promise(String shipmentId, String supplier, String material, LocalDate observedOn,
            LocalDate promisedDate) {
    }

    public record Delivery(String shipmentId, String supplier, String material, LocalDate deliveredOn) {
    }

    /** A finished task: the work days it was planned to take, and took (from its progress events). */
    public record WorkOutcome(String taskId, String trade, String phase, int plannedDays, int actualDays) {
    }

    /** A pool's headcount lost over one period (weather, illness, strikes), as a share of its planned headcount. */
    public record CrewLoss(String poolId, String trade, LocalDate periodStart, double lostShare) {
    }

    /** A site's utility power: the date promised (first on record) and the date it came. */
    public record PowerOutcome(String siteId, String region, LocalDate promisedDate, LocalDate actualDate) {
    }

    /**
     * A planner's three-point estimate of a task's work days.
     *
     * @param weight in (0, 1]: how much of the combined estimate is the planner's; the rest is what was learned
     */
    public record PlannerEstimate(String taskId, String planner, double optimistic, double mostLikely,
            double pessimistic, double weight) {
    }
}
