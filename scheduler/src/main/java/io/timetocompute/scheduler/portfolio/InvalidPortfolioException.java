package io.timetocompute.scheduler.portfolio;

/** The portfolio cannot be planned as given; the message names the offending item. */
public class InvalidPortfolioException extends RuntimeException {

    public InvalidPortfolioException(String message) {
        super(message);
    }
}
