package io.timetocompute.api.planning;

import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * Hears of every publication of every live plan on this instance, with the portfolio it belongs to. The beans of
 * this type are told in their {@code @Order}: the history in MongoDB first, then Kafka, then the rest.
 */
@FunctionalInterface
public interface PublicationListener {

    void published(String portfolioId, LivePlan.Publication publication);
}
