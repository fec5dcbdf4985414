package io.timetocompute.scheduler.replanning;

/** A change that cannot be applied to the portfolio as it stands; the message says why. */
public class InvalidChangeException extends RuntimeException {

    public InvalidChangeException(String message) {
        super(message);
    }
}
