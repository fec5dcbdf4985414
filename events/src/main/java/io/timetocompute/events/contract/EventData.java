package io.timetocompute.events.contract;

import java.time.LocalDate;

/** The JSON {@code data} of each inbound event type. */
public final class EventData {

    private EventData() {
    }

    /** {@link EventTypes#SHIPMENT_PLANNED}: the supplier confirms an order with a promised date. */
    public record ShipmentPlanned(String shipmentId, LocalDate promisedDate) {
    }

    /** {@link EventTypes#SHIPMENT_ETA_CHANGED} */
    public record ShipmentEtaChanged(String shipmentId, LocalDate newDate, String reason) {
    }

    /**
     * {@link EventTypes#SHIPMENT_DELIVERED}. A partial delivery ({@code complete == false}) is recorded but does
     * not release the work that waits for the shipment: that waits for the rest, still due on the promised date.
     */
    public record ShipmentDelivered(String shipmentId, LocalDate deliveredDate, Integer quantity, Boolean complete) {
    }

    /** {@link EventTypes#LABOR_CAPACITY_CHANGED}: exactly one of {@code headcount} and {@code delta}. */
    public record CapacityChanged(String poolId, LocalDate from, LocalDate to, Integer headcount, Integer delta,
            String reason) {
    }

    /** {@link EventTypes#LABOR_UNAVAILABLE}: weather, a strike, illness; no headcount from {@code from} to {@code to}. */
    public record PoolUnavailable(String poolId, LocalDate from, LocalDate to, String reason) {
    }

    /**
     * {@link EventTypes#LABOR_HIRES_AVAILABLE}: {@code count} people hired on {@code hiredOn} join the pool after a
     * mobilization or training lead time of {@code leadTimeDays} calendar days.
     */
    public record HiresAvailable(String poolId, int count, LocalDate hiredOn, int leadTimeDays) {
    }

    /** {@link EventTypes#TASK_STARTED} */
    public record TaskStarted(String taskId, LocalDate startedOn, String mode) {
    }

    /** {@link EventTypes#TASK_REMAINING_UPDATED} */
    public record RemainingUpdated(String taskId, LocalDate asOf, int remainingDays) {
    }

    /** {@link EventTypes#TASK_COMPLETED} */
    public record TaskCompleted(String taskId, LocalDate finishedOn) {
    }

    /** {@link EventTypes#POWER_DATE_CHANGED}: the utility's new interconnection date for a site. */
    public record PowerDateChanged(String siteId, LocalDate powerAvailableDate) {
    }
}
