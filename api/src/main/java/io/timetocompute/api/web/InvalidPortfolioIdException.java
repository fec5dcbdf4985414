package io.timetocompute.api.web;

/** A portfolio id that is not of the allowed form; answered with 400. */
public class InvalidPortfolioIdException extends RuntimeException {

    public InvalidPortfolioIdException(String portfolioId) {
        super("portfolio id '" + (portfolioId == null ? "" : portfolioId.length() > 60
                ? portfolioId.substring(0, 60) + "..." : portfolioId) + "' is not 1 to 40 lowercase letters, digits "
                + "and inner dashes");
    }
}
