package io.timetocompute.scheduler.solver;

/** A task waits for a shipment: it may start on {@code readyDay} (arrival plus receiving) at the earliest. */
public record MaterialNeed(int task, String taskId, String shipmentId, int readyDay) {
}
