package io.timetocompute.scheduler.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.replanning.InvalidChangeException;
import io.timetocompute.scheduler.replanning.ShipmentEtaChange;

/**
 * Pays a supplier to deliver earlier: the shipment's promised date moves to {@code date}, which may not be earlier
 * than the supplier's earliest expedited date; each day earlier costs the shipment's expedite cost per day.
 */
public final class ExpediteLever extends Lever {

    public static final String TYPE = "io.timetocompute.lever.expedite.v1";

    private final String shipmentId;
    private final LocalDate date;

    public ExpediteLever(String id, Instant occurredAt, String shipmentId, LocalDate date) {
        super(id, occurredAt);
        this.shipmentId = shipmentId;
        this.date = date;
    }

    @Override
    protected Portfolio applyTo(Portfolio portfolio) {
        if (date == null) {
            throw new InvalidChangeException("expedite lever on shipment " + shipmentId + ": the date is missing");
        }
        Shipment shipment = Portfolios.shipment(portfolio, shipmentId);
        if (shipment.deliveredDate() != null) {
            throw new InvalidChangeException("shipment " + shipmentId + " was already delivered on "
                    + shipment.deliveredDate());
        }
        if (!date.isBefore(shipment.promisedDate())) {
            throw new InvalidChangeException("shipment " + shipmentId + " is promised for " + shipment.promisedDate()
                    + ": expediting to " + date + " is not earlier");
        }
        if (shipment.earliestExpeditedDate() == null) {
            throw new InvalidChangeException("shipment " + shipmentId + " cannot be expedited (no "
                    + "earliestExpeditedDate in the portfolio)");
        }
        if (date.isBefore(shipment.earliestExpeditedDate())) {
            throw new InvalidChangeException("shipment " + shipmentId + " cannot arrive before "
                    + shipment.earliestExpeditedDate() + ", not " + date);
        }
        return new ShipmentEtaChange(eventId(), occurredAt(), shipmentId, date, "expedited").replayOnto(portfolio);
    }

    @Override
    public long cost(Portfolio before) {
        Shipment shipment = Portfolios.shipment(before, shipmentId);
        long days = ChronoUnit.DAYS.between(date, shipment.promisedDate());
        return shipment.expediteCostPerDay() == null || days <= 0 ? 0 : days * shipment.expediteCostPerDay();
    }

    public String shipmentId() {
        return shipmentId;
    }

    public LocalDate date() {
        return date;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String kind() {
        return "shipment expedited";
    }

    @Override
    public String subject() {
        return shipmentId;
    }

    @Override
    public String description() {
        return "shipment " + shipmentId + " expedited to " + date;
    }
}
