package io.timetocompute.api.ingest;

/** A supplier user sent an event it may not send: another source than its own, or not a supply event. */
final class SourceNotAllowedException extends RuntimeException {

    SourceNotAllowedException(String message) {
        super(message);
    }
}
