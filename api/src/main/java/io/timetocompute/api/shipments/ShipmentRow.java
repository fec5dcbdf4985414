package io.timetocompute.api.shipments;

import java.time.LocalDate;
import java.util.List;

import io.timetocompute.scheduler.projection.ScheduleProjection.ShipmentProjection;

/**
 * A shipment against the latest schedule.
 *
 * @param arrivalDate the delivered date, or the current promise
 * @param needByDate the latest arrival that moves no block (null when only pinned work needs it)
 * @param slackDays needByDate minus arrivalDate, in calendar days
 * @param late it arrives after its need-by date: some block's date depends on it
 * @param neededFor the tasks that wait for it
 */
public record ShipmentRow(String id, String supplier, String material, String siteId, LocalDate arrivalDate,
        boolean delivered, LocalDate needByDate, Integer slackDays, boolean late, List<String> neededFor) {

    public static ShipmentRow of(ShipmentProjection shipment) {
        return new ShipmentRow(shipment.id(), shipment.supplier(), shipment.material(), shipment.siteId(),
                shipment.arrivalDate(), shipment.delivered(), shipment.needByDate(), shipment.slackDays(),
                shipment.slackDays() != null && shipment.slackDays() < 0,
                shipment.neededFor() == null ? List.of() : shipment.neededFor());
    }
}
