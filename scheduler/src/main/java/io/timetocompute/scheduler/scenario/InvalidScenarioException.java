package io.timetocompute.scheduler.scenario;

/** A changes file or an objective that cannot be read; the message names the offending item. */
public class InvalidScenarioException extends RuntimeException {

    public InvalidScenarioException(String message) {
        super(message);
    }

    public InvalidScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
