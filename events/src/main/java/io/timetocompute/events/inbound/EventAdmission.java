package io.timetocompute.events.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.timetocompute.events.contract.EventTypes;
import io.timetocompute.events.contract.Suppliers;

/**
 * What every event must satisfy before it is translated, whatever transport brought it: bounded attributes and
 * data, a {@code ce_time} not further into the future than the configured clock skew, and a source allowed to send
 * its type (a supplier only supply events; a planner's source not on Kafka: the service sets it itself for what a
 * planner enters over HTTP). A refusal is an {@link InvalidEventException} whose message is the reason given to the sender.
 */
public final class EventAdmission {

    /** The default of {@code ttc.events.max-future-skew}. */
    public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofMinutes(5);
    /** Longest {@code ce_id}, {@code ce_source}, {@code ce_type} or {@code ce_subject}, in characters. */
    public static final int MAX_ATTRIBUTE_LENGTH = 256;
    /** Largest {@code data}, in bytes: the largest event of the contracts is a few hundred. */
    public static final int MAX_DATA_BYTES = 16 * 1024;

    private final Clock clock;
    private final Duration maxFutureSkew;

    public EventAdmission(Clock clock, Duration maxFutureSkew) {
        this.clock = Objects.requireNonNull(clock);
        if (maxFutureSkew == null || maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("the maximum future skew must be zero or positive: " + maxFutureSkew);
        }
        this.maxFutureSkew = maxFutureSkew;
    }

    /** On the system clock with the default skew. */
    public static EventAdmission standard() {
        return new EventAdmission(Clock.systemUTC(), DEFAULT_MAX_FUTURE_SKEW);
    }

    /**
     * @param transport what brought the event, e.g. {@link OutcomeListener#KAFKA}
     * @throws InvalidEventException naming the first rule the event breaks
     */
    public void check(InboundEvent event, String transport) {
        // The id first, since every later reason names it; a long one is cut so as not to echo it whole.
        String id = event.id();
        if (id != null && id.length() > MAX_ATTRIBUTE_LENGTH) {
            throw new InvalidEventException("the event id is longer than " + MAX_ATTRIBUTE_LENGTH + " characters");
        }
        bounded(id, event.source(), "source");
        bounded(id, event.type(), "type");
        bounded(id, event.subject(), "subject");
        if (event.data() != null && event.data().length > MAX_DATA_BYTES) {
            throw new InvalidEventException("event " + id + ": data of " + event.data().length
                    + " bytes is larger than " + MAX_DATA_BYTES);
        }
        Instant latest = clock.instant().plus(maxFutureSkew);
        if (event.time() != null && event.time().isAfter(latest)) {
            throw new InvalidEventException("event " + id + ": time " + event.time() + " is more than "
                    + maxFutureSkew + " ahead of the service's clock");
        }
        // An unknown type is left to the translator, whose reason says so.
        if (Suppliers.isSupplier(event.source())
                && (EventTypes.LABOR.contains(event.type()) || EventTypes.PROGRESS.contains(event.type()))) {
            throw new InvalidEventException("event " + id + ": source " + event.source()
                    + " is a supplier, which may send only supply events, not " + event.type());
        }
        if (Suppliers.isPlanner(event.source()) && OutcomeListener.KAFKA.equals(transport)) {
            throw new InvalidEventException("event " + id + ": source " + event.source() + " is a planner's, which "
                    + "the service sets itself for what a planner enters over HTTP; it is not accepted on Kafka");
        }
    }

    private static void bounded(String id, String value, String attribute) {
        if (value != null && value.length() > MAX_ATTRIBUTE_LENGTH) {
            throw new InvalidEventException("event " + id + ": " + attribute + " is longer than "
                    + MAX_ATTRIBUTE_LENGTH + " characters");
        }
    }
}
