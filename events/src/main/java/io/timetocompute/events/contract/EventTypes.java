package io.timetocompute.events.contract;

import java.util.Set;

/** The CloudEvents {@code type} of every event the service reads or writes; versioned, never changed in place. */
public final class EventTypes {

    public static final String SHIPMENT_PLANNED = "io.timetocompute.supply.shipment.planned.v1";
    public static final String SHIPMENT_ETA_CHANGED = "io.timetocompute.supply.shipment.eta-changed.v1";
    public static final String SHIPMENT_DELIVERED = "io.timetocompute.supply.shipment.delivered.v1";

    public static final String LABOR_CAPACITY_CHANGED = "io.timetocompute.labor.capacity-changed.v1";
    public static final String LABOR_UNAVAILABLE = "io.timetocompute.labor.unavailable.v1";
    public static final String LABOR_HIRES_AVAILABLE = "io.timetocompute.labor.hires-available.v1";

    public static final String TASK_STARTED = "io.timetocompute.progress.task-started.v1";
    public static final String TASK_REMAINING_UPDATED = "io.timetocompute.progress.remaining-updated.v1";
    public static final String TASK_COMPLETED = "io.timetocompute.progress.task-completed.v1";
    public static final String POWER_DATE_CHANGED = "io.timetocompute.progress.power-date-changed.v1";

    public static final String BLOCK_PROJECTION = "io.timetocompute.projection.block.v1";
    public static final String DATE_CHANGED = "io.timetocompute.timeline.date-changed.v1";
    public static final String NEED_BY_CHANGED = "io.timetocompute.supplier.need-by-changed.v1";

    public static final Set<String> SUPPLY = Set.of(SHIPMENT_PLANNED, SHIPMENT_ETA_CHANGED, SHIPMENT_DELIVERED);
    public static final Set<String> LABOR = Set.of(LABOR_CAPACITY_CHANGED, LABOR_UNAVAILABLE, LABOR_HIRES_AVAILABLE);
    public static final Set<String> PROGRESS = Set.of(TASK_STARTED, TASK_REMAINING_UPDATED, TASK_COMPLETED,
            POWER_DATE_CHANGED);

    private EventTypes() {
    }
}
