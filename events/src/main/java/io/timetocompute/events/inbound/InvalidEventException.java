package io.timetocompute.events.inbound;

/** An event that cannot be applied: it goes to the dead-letter topic with this message as the reason. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
