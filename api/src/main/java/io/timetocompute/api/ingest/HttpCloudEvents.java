package io.timetocompute.api.ingest;

import java.time.Instant;
import java.util.Locale;

import org.springframework.http.HttpHeaders;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import io.timetocompute.events.inbound.InboundEvent;
import io.timetocompute.events.inbound.PortfolioRouting;
import io.timetocompute.events.inbound.InvalidEventException;

/**
 * Reads a CloudEvent from an HTTP request with the CloudEvents HTTP binding: binary mode ({@code ce-*} headers, the
 * body is the data) or structured mode ({@code Content-Type: application/cloudevents+json}, the body is the whole
 * event). The binding tells them apart by the content type.
 */
final class HttpCloudEvents {

    private HttpCloudEvents() {
    }

    /**
     * @param namedPortfolio the event's {@value PortfolioRouting#EXTENSION} attribute, null when it has none
     */
    record Received(InboundEvent event, String namedPortfolio) {
    }

    /** @throws InvalidEventException if the request is not a CloudEvent in either mode; the message says why */
    static Received read(HttpHeaders headers, byte[] body, Instant receivedAt) {
        CloudEvent event;
        try {
            // The binding matches ce- headers case-sensitively in lower case, while HTTP names are case-insensitive.
            event = HttpMessageFactory.createReader(header -> headers.forEach((name, values) -> values
                    .forEach(value -> header.accept(name.toLowerCase(Locale.ROOT), value))),
                    body == null ? new byte[0] : body).toEvent();
        } catch (CloudEventRWException | EventDeserializationException | IllegalStateException
                | IllegalArgumentException e) {
            throw new InvalidEventException("not a CloudEvent in binary (ce-specversion, ce-id, ce-type, ce-source "
                    + "headers) or structured (application/cloudevents+json) mode: " + e.getMessage(), e);
        }
        return new Received(InboundEvent.of(event, receivedAt), PortfolioRouting.namedPortfolio(event));
    }
}
