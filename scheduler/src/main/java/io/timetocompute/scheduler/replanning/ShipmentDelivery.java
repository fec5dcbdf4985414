package io.timetocompute.scheduler.replanning;

import java.time.Instant;
import java.time.LocalDate;

import io.timetocompute.scheduler.portfolio.Portfolio;

/** A shipment arrived on site. */
public final class ShipmentDelivery extends PortfolioChange {

    private final String shipmentId;
    private final LocalDate deliveredOn;

    public ShipmentDelivery(String eventId, Instant occurredAt, String shipmentId, LocalDate deliveredOn) {
        super(eventId, occurredAt);
        this.shipmentId = shipmentId;
        this.deliveredOn = deliveredOn;
    }

    @Override
    protected Portfolio applyTo(Portfolio portfolio) {
        if (deliveredOn == null) {
            throw new InvalidChangeException("shipment " + shipmentId + ": the delivery date is missing");
        }
        return Changes.shipment(portfolio, shipmentId, shipment -> shipment.withDeliveredDate(deliveredOn));
    }

    @Override
    public String kind() {
        return "shipment delivered";
    }

    @Override
    public String subject() {
        return shipmentId;
    }

    @Override
    public String description() {
        return "shipment " + shipmentId + " delivered " + deliveredOn;
    }
}
