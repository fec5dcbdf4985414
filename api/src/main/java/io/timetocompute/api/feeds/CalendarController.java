package io.timetocompute.api.feeds;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.timetocompute.api.history.Baselines;
import io.timetocompute.api.history.PublicationHistory;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.api.security.CalendarLinks;
import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * The projected compute-online dates for calendar apps: subscribed to with HTTP Basic, or through a signed link for
 * apps that send no credentials (docs/api-feeds.md).
 */
@RestController
@Tag(name = "feeds", description = "Executive feeds: timeline, live stream, calendar")
class CalendarController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final LivePlans session;
    private final PublicationHistory history;
    private final CalendarLinks links;

    CalendarController(LivePlans session, PublicationHistory history, CalendarLinks links) {
        this.session = session;
        this.history = history;
        this.links = links;
    }

    /** @param url the calendar feed with a token that opens it, and nothing else, without credentials */
    record CalendarLink(String url, String user) {
    }

    @GetMapping("/api/portfolios/{portfolioId}/calendar/link")
    @Operation(summary = "A link to the calendar feed for apps that send no credentials (e.g. Google Calendar)")
    CalendarLink link(@PathVariable String portfolioId, Authentication user) {
        session.plan(portfolioId);
        String url = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/portfolios/{portfolioId}/calendar.ics")
                .queryParam("token", links.tokenFor(user.getName())).buildAndExpand(portfolioId).toUriString();
        return new CalendarLink(url, user.getName());
    }

    @GetMapping(path = "/api/portfolios/{portfolioId}/calendar.ics", produces = "text/calendar")
    @Operation(summary = "iCalendar feed: one all-day event per compute block on its projected online date")
    ResponseEntity<String> calendar(@PathVariable String portfolioId) {
        LivePlan.Publication publication = session.latestPublication(portfolioId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        "no projection has been published yet"));
        Baselines.Baseline baseline = history.baselines().active(portfolioId);
        String body = CalendarFeed.write(publication, baseline.name(), baseline.dates(), lastMoves(portfolioId));
        return ResponseEntity.ok().contentType(TEXT_CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"compute-online.ics\"")
                .body(body);
    }

    private Map<String, PublicationHistory.BlockDateChangeDocument> lastMoves(String portfolioId) {
        Map<String, PublicationHistory.BlockDateChangeDocument> last = new HashMap<>();
        history.changes(portfolioId).forEach(change -> last.put(change.blockId(), change));
        return last;
    }
}
