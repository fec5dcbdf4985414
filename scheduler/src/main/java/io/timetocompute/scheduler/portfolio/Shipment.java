package io.timetocompute.scheduler.portfolio;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Equipment on its way to a site. Work that needs it starts no earlier than its arrival plus receiving.
 *
 * @param promisedDate the supplier's current promise (ETA)
 * @param deliveredDate when it actually arrived (null: not yet)
 * @param receivingDays work days for receiving and inspection after arrival (null: the default)
 * @param earliestExpeditedDate lever data: the earliest arrival the supplier can make if paid to expedite (null:
 *        it cannot be expedited)
 * @param expediteCostPerDay lever data: what each day earlier than the promised date costs (null: unknown)
 */
public record Shipment(String id, String supplier, String material, String siteId, int quantity,
        LocalDate promisedDate, LocalDate deliveredDate, Integer receivingDays,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate earliestExpeditedDate,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long expediteCostPerDay) {

    public static final int DEFAULT_RECEIVING_DAYS = 2;

    /** A shipment without lever data. */
    public Shipment(String id, String supplier, String material, String siteId, int quantity,
            LocalDate promisedDate, LocalDate deliveredDate, Integer receivingDays) {
        this(id, supplier, material, siteId, quantity, promisedDate, deliveredDate, receivingDays, null, null);
    }

    public LocalDate arrivalDate() {
        return deliveredDate != null ? deliveredDate : promisedDate;
    }

    public int receivingDaysOrDefault() {
        return receivingDays == null ? DEFAULT_RECEIVING_DAYS : receivingDays;
    }

    public Shipment withPromisedDate(LocalDate date) {
        return new Shipment(id, supplier, material, siteId, quantity, date, deliveredDate, receivingDays,
                earliestExpeditedDate, expediteCostPerDay);
    }

    public Shipment withDeliveredDate(LocalDate date) {
        return new Shipment(id, supplier, material, siteId, quantity, promisedDate, date, receivingDays,
                earliestExpeditedDate, expediteCostPerDay);
    }

    public Shipment withExpediteTerms(LocalDate earliest, Long costPerDay) {
        return new Shipment(id, supplier, material, siteId, quantity, promisedDate, deliveredDate, receivingDays,
                earliest, costPerDay);
    }
}
