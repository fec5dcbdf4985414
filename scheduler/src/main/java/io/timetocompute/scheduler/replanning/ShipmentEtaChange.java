package io.timetocompute.scheduler.replanning;

import java.time.Instant;
import java.time.LocalDate;

import io.timetocompute.scheduler.portfolio.Portfolio;

/** A supplier revises when a shipment will arrive. */
public final class ShipmentEtaChange extends PortfolioChange {

    private final String shipmentId;
    private final LocalDate newDate;
    private final String reason;

    public ShipmentEtaChange(String eventId, Instant occurredAt, String shipmentId, LocalDate newDate, String reason) {
        super(eventId, occurredAt);
        this.shipmentId = shipmentId;
        this.newDate = newDate;
        this.reason = reason;
    }

    @Override
    protected Portfolio applyTo(Portfolio portfolio) {
        if (newDate == null) {
            throw new InvalidChangeException("shipment " + shipmentId + ": the new ETA is missing");
        }
        return Changes.shipment(portfolio, shipmentId, shipment -> {
            if (shipment.deliveredDate() != null) {
                throw new InvalidChangeException("shipment " + shipmentId + " was already delivered on "
                        + shipment.deliveredDate());
            }
            return shipment.withPromisedDate(newDate);
        });
    }

    @Override
    public String kind() {
        return "shipment ETA changed";
    }

    @Override
    public String subject() {
        return shipmentId;
    }

    @Override
    public String description() {
        return "shipment " + shipmentId + " now expected " + newDate + (reason == null ? "" : " (" + reason + ")");
    }
}
