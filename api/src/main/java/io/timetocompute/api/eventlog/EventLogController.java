package io.timetocompute.api.eventlog;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.api.web.ResourceNotFoundException;
import io.timetocompute.events.inbound.EventProcessor;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The audit trail of inbound events, Kafka and HTTP alike, with the dates each one moved: why dates move. */
@RestController
@Tag(name = "events", description = "Inbound events and the event log")
class EventLogController {

    private final EventLogQueries queries;

    private final LivePlans plans;

    EventLogController(EventLogQueries queries, LivePlans plans) {
        this.queries = queries;
        this.plans = plans;
    }

    @GetMapping("/api/portfolios/{portfolioId}/events")
    @Operation(summary = "The event log, newest first")
    EventLogPage events(@PathVariable String portfolioId, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @Parameter(description = "APPLIED, RECORDED, STALE or REJECTED") @RequestParam(required = false)
            EventProcessor.Status status) {
        plans.plan(portfolioId);
        return queries.page(portfolioId, page, size, status);
    }

    @GetMapping("/api/portfolios/{portfolioId}/events/{id}")
    @Operation(summary = "One event, with the dates it moved")
    LoggedEvent event(@PathVariable String portfolioId, @PathVariable String id) {
        plans.plan(portfolioId);
        return queries.find(portfolioId, id).orElseThrow(() -> new ResourceNotFoundException("event", id));
    }
}
