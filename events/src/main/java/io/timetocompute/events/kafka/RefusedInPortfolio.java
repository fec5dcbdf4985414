package io.timetocompute.events.kafka;

import io.timetocompute.events.inbound.InvalidEventException;

/** An event its portfolio's processor refused: its dead letter names the portfolio as well as the reason. */
final class RefusedInPortfolio extends InvalidEventException {

    private final String portfolioId;

    RefusedInPortfolio(String portfolioId, String reason) {
        super(reason);
        this.portfolioId = portfolioId;
    }

    String portfolioId() {
        return portfolioId;
    }
}
