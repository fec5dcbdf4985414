package io.timetocompute.api.web;

/** A portfolio is created under an id that is taken (by an active or an archived portfolio); answered with 409. */
public class PortfolioExistsException extends RuntimeException {

    public PortfolioExistsException(String portfolioId) {
        super("portfolio '" + portfolioId + "' exists already (archived portfolios keep their id)");
    }
}
