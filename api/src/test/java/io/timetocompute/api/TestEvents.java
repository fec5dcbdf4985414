package io.timetocompute.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.events.contract.Suppliers;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.replanning.LivePlan;

/** Events for tests of the full service, about the demo portfolio as it stands. */
public final class TestEvents {

    public static final String ETA_CHANGED = "io.timetocompute.supply.shipment.eta-changed.v1";

    private TestEvents() {
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** @return the undelivered shipment with the least slack: a slip of it moves a block's date */
    public static ScheduleProjection.ShipmentProjection tightestShipment(LivePlans session) {
        LivePlan.Publication publication = session.latestPublication(LivePlans.DEMO).orElseThrow();
        return publication.projection().shipments().stream()
                .filter(shipment -> !shipment.delivered() && shipment.slackDays() != null
                        && !shipment.neededFor().isEmpty())
                .min(Comparator.comparing(ScheduleProjection.ShipmentProjection::slackDays)
                        .thenComparing(ScheduleProjection.ShipmentProjection::id))
                .orElseThrow();
    }

    public static String sourceOf(ScheduleProjection.ShipmentProjection shipment) {
        return Suppliers.sourceOf(shipment.supplier());
    }

    public static String slugOf(ScheduleProjection.ShipmentProjection shipment) {
        return Suppliers.slugOf(shipment.supplier());
    }

    /** @return the data of an ETA change that moves the shipment {@code days} after its current arrival */
    public static String etaChangedData(ScheduleProjection.ShipmentProjection shipment, int days) {
        return "{\"shipmentId\":\"" + shipment.id() + "\",\"newDate\":\"" + shipment.arrivalDate().plusDays(days)
                + "\",\"reason\":\"test slip\"}";
    }

    public static String now() {
        return Instant.now().toString();
    }
}
