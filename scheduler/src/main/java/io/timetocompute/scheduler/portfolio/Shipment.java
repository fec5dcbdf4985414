package io.timetocompute.scheduler.portfolio;

import java.time.LocalDate;

/**
 * Equipment on its way to a site. Work that needs it starts no earlier than its arrival plus receiving.
 *
 * @param promisedDate the supplier's current promise (ETA)
 * @param deliveredDate when it actually arrived (null: not yet)
 * @param receivingDays work days for receiving and inspection after arrival (null: the default)
 */
public record Shipment(String id, String supplier, String material, String siteId, int quantity,
        LocalDate promisedDate, LocalDate deliveredDate, Integer receivingDays) {

    public static final int DEFAULT_RECEIVING_DAYS = 2;

    public LocalDate arrivalDate() {
        return deliveredDate != null ? deliveredDate : promisedDate;
    }

    public int receivingDaysOrDefault() {
        return receivingDays == null ? DEFAULT_RECEIVING_DAYS : receivingDays;
    }

    public Shipment withPromisedDate(LocalDate date) {
        return new Shipment(id, supplier, material, siteId, quantity, date, deliveredDate, receivingDays);
    }

    public Shipment withDeliveredDate(LocalDate date) {
        return new Shipment(id, supplier, material, siteId, quantity, promisedDate, date, receivingDays);
    }
}
