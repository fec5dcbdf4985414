package io.timetocompute.api.ingest;

import java.time.Clock;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.api.security.Roles;
import io.timetocompute.api.web.Problems;
import io.timetocompute.events.contract.EventTypes;
import io.timetocompute.events.contract.Suppliers;
import io.timetocompute.events.inbound.EventProcessor;
import io.timetocompute.events.inbound.InboundEvent;
import io.timetocompute.events.inbound.InvalidEventException;
import io.timetocompute.events.inbound.OutcomeListener;
import io.timetocompute.events.inbound.PortfolioRouting;

/**
 * HTTP ingest for systems that cannot write to Kafka. The event takes the same path as one read from Kafka (the
 * same validation, log and re-planning); only the answer differs: the caller learns the outcome at once, so a
 * refused event is answered with its reason rather than dead-lettered (docs/api-feeds.md). An event sent to a
 * portfolio's path goes to that portfolio; one sent to {@code /api/events} is routed as Kafka routes it.
 */
@RestController
@Tag(name = "events", description = "Inbound events and the event log")
class EventIngestController {

    private final LivePlans plans;
    private final Clock clock;

    EventIngestController(LivePlans plans) {
        this.plans = plans;
        this.clock = Clock.systemUTC();
    }

    @PostMapping(path = "/api/portfolios/{portfolioId}/events",
            consumes = {"application/json", "application/cloudevents+json"})
    @Operation(summary = "Send a CloudEvent about this portfolio (HTTP binary or structured mode)",
            description = "Planners may send any event; a supplier only supply events with its own source "
                    + "/suppliers/<user name>. An event whose ttcportfolio attribute names another portfolio is "
                    + "refused.")
    @ApiResponse(responseCode = "202", description = "Applied, recorded or stale")
    @ApiResponse(responseCode = "200", description = "Duplicate: this event id was processed before")
    @ApiResponse(responseCode = "400", description = "Invalid event (recorded as REJECTED when it has an id)")
    @ApiResponse(responseCode = "403", description = "A supplier sending as another source; nothing is recorded")
    @ApiResponse(responseCode = "404", description = "No active portfolio has this id")
    ResponseEntity<IngestResult> ingest(@PathVariable String portfolioId, @RequestHeader HttpHeaders headers,
            @RequestBody(required = false) byte[] body, Authentication user) {
        EventProcessor processor = plans.processor(portfolioId);
        HttpCloudEvents.Received received = read(headers, body);
        if (received.namedPortfolio() != null && !received.namedPortfolio().equals(portfolioId)) {
            plans.refusedByTransport(OutcomeListener.HTTP);
            throw new InvalidEventException("event " + received.event().id() + " names portfolio '"
                    + received.namedPortfolio() + "' but was sent to portfolio '" + portfolioId + "'");
        }
        return process(processor, received.event(), user);
    }

    @PostMapping(path = "/api/events", consumes = {"application/json", "application/cloudevents+json"})
    @Operation(summary = "Send a CloudEvent to the portfolio it names, or to the one that has its shipment, pool, "
            + "site or task", description = "As Kafka routes it: by the ttcportfolio attribute, else by the entity "
                    + "id where exactly one active portfolio has it; ambiguous or unknown events are refused.")
    @ApiResponse(responseCode = "202", description = "Applied, recorded or stale")
    @ApiResponse(responseCode = "200", description = "Duplicate: this event id was processed before")
    @ApiResponse(responseCode = "400", description = "Invalid, ambiguous, or of no active portfolio")
    @ApiResponse(responseCode = "403", description = "A supplier sending as another source; nothing is recorded")
    ResponseEntity<IngestResult> ingestRouted(@RequestHeader HttpHeaders headers,
            @RequestBody(required = false) byte[] body, Authentication user) {
        HttpCloudEvents.Received received = read(headers, body);
        PortfolioRouting.Route route;
        try {
            route = plans.route(received.namedPortfolio(), received.event());
        } catch (InvalidEventException e) {
            plans.refusedByTransport(OutcomeListener.HTTP);
            throw e;
        }
        return process(route.processor(), received.event(), user);
    }

    @ExceptionHandler
    ProblemDetail sourceNotAllowed(SourceNotAllowedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "source-not-allowed", "Source not allowed", e.getMessage());
    }

    private HttpCloudEvents.Received read(HttpHeaders headers, byte[] body) {
        try {
            return HttpCloudEvents.read(headers, body, clock.instant());
        } catch (InvalidEventException e) {
            plans.refusedByTransport(OutcomeListener.HTTP);
            throw e;
        }
    }

    private static ResponseEntity<IngestResult> process(EventProcessor processor, InboundEvent event,
            Authentication user) {
        Optional<String> supplier = Roles.supplierOf(user);
        if (supplier.isPresent()) {
            checkSupplierMaySend(supplier.get(), event);
        }
        EventProcessor.Outcome outcome = processor.process(event, OutcomeListener.HTTP);
        HttpStatus status = outcome.status() == EventProcessor.Status.DUPLICATE ? HttpStatus.OK : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status).body(new IngestResult(outcome.status(), outcome.detail(), event.id()));
    }

    /** Checked before processing, so that an event a supplier may not send leaves no trace in the log. */
    private static void checkSupplierMaySend(String supplierSlug, InboundEvent event) {
        String ownSource = Suppliers.sourceOf(supplierSlug);
        if (!ownSource.equals(event.source())) {
            throw new SourceNotAllowedException("supplier " + supplierSlug + " may only send events with source "
                    + ownSource + ", not " + event.source());
        }
        if (!EventTypes.SUPPLY.contains(event.type())) {
            throw new SourceNotAllowedException("supplier " + supplierSlug + " may only send supply events, not "
                    + event.type());
        }
    }
}
