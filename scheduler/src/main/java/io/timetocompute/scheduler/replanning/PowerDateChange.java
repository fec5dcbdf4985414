package io.timetocompute.scheduler.replanning;

import java.time.Instant;
import java.time.LocalDate;

import io.timetocompute.scheduler.portfolio.Portfolio;

/** The utility moves a site's interconnection (power-available) date. */
public final class PowerDateChange extends PortfolioChange {

    private final String siteId;
    private final LocalDate powerAvailable;

    public PowerDateChange(String eventId, Instant occurredAt, String siteId, LocalDate powerAvailable) {
        super(eventId, occurredAt);
        this.siteId = siteId;
        this.powerAvailable = powerAvailable;
    }

    @Override
    protected Portfolio applyTo(Portfolio portfolio) {
        return Changes.site(portfolio, siteId, site -> site.withPowerAvailableDate(powerAvailable));
    }

    @Override
    public String kind() {
        return "power date changed";
    }

    @Override
    public String subject() {
        return siteId;
    }

    @Override
    public String description() {
        return "site " + siteId + " power available " + powerAvailable;
    }
}
