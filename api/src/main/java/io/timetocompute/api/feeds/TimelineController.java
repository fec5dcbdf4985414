package io.timetocompute.api.feeds;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.timetocompute.api.history.PublicationHistory;
import io.timetocompute.api.planning.LivePlans;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The executives' feed of moved compute-online dates: a page at a time, or live. */
@RestController
@Tag(name = "feeds", description = "Executive feeds: timeline, live stream, calendar")
class TimelineController {

    private final PublicationHistory history;
    private final TimelineStreamHub hub;

    private final LivePlans plans;

    TimelineController(PublicationHistory history, TimelineStreamHub hub, LivePlans plans) {
        this.history = history;
        this.plans = plans;
        this.hub = hub;
    }

    @GetMapping("/api/portfolios/{portfolioId}/timeline")
    @Operation(summary = "Changes of projected online dates, newest first",
            description = "Baselines (a block's first projected date) are not changes and are left out.")
    TimelinePage timeline(@PathVariable String portfolioId, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        plans.plan(portfolioId);
        return new TimelinePage(page, size, history.timelineSize(portfolioId),
                history.timeline(portfolioId, page, size).stream().map(TimelineItem::of).toList());
    }

    @GetMapping(path = "/api/portfolios/{portfolioId}/timeline/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-Sent Events: date-changed for every moved date, publication for every version")
    SseEmitter stream(@PathVariable String portfolioId) {
        plans.plan(portfolioId);
        return hub.subscribe(portfolioId);
    }
}
