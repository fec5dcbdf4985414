package io.timetocompute.scheduler.interchange;

import io.timetocompute.scheduler.portfolio.InvalidPortfolioException;

/** A schedule file cannot be imported; the message names the problem. Nothing of the file is kept. */
public class ImportException extends InvalidPortfolioException {

    public ImportException(String message) {
        super(message);
    }
}
