package io.timetocompute.events.inbound;

import io.cloudevents.CloudEvent;

/**
 * Finds the portfolio an inbound event belongs to, and the processor of that portfolio's live plan. Suppliers and
 * field systems know their shipment, pool, site or task, not how we group them into portfolios: an event may name
 * its portfolio in the CloudEvents extension attribute {@value #EXTENSION}; one that does not belongs to the one
 * active portfolio that has the entity it names, and is refused as ambiguous when several have it.
 */
public interface PortfolioRouting {

    /** The CloudEvents extension attribute naming the portfolio (lowercase alphanumeric, as CloudEvents requires). */
    String EXTENSION = "ttcportfolio";

    /** @param portfolioId the portfolio the event belongs to */
    record Route(String portfolioId, EventProcessor processor) {
    }

    /**
     * @param namedPortfolio the event's {@value #EXTENSION} attribute; null when it has none
     * @throws InvalidEventException if the named portfolio is not active, or none or several have its entity
     */
    Route route(String namedPortfolio, InboundEvent event);

    /** Counts an event that its transport refused before any portfolio's processor saw it. */
    void refusedByTransport(String transport);

    /** @return the event's {@value #EXTENSION} attribute, null when it has none */
    static String namedPortfolio(CloudEvent event) {
        Object named = event.getExtension(EXTENSION);
        return named == null ? null : named.toString();
    }
}
