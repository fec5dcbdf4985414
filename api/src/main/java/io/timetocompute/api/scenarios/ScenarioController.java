package io.timetocompute.api.scenarios;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.api.security.Roles;
import io.timetocompute.api.web.Problems;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.replanning.LivePlan;
import io.timetocompute.scheduler.replanning.PortfolioChange;
import io.timetocompute.scheduler.scenario.ComparedSchedule;
import io.timetocompute.scheduler.scenario.InvalidScenarioException;
import io.timetocompute.scheduler.scenario.ScenarioChanges;
import io.timetocompute.scheduler.scenario.ScenarioReport;
import io.timetocompute.scheduler.scenario.ScheduleComparer;
import io.timetocompute.scheduler.scenario.ScheduleComparison;
import io.timetocompute.api.web.ScheduleNotPublishedException;

/**
 * Scenarios of a portfolio (docs/scenarios.md, "Service"): planners create, share, delete and promote them;
 * executives read the shared ones; and compare two of the live plan and the scenarios.
 */
@RestController
@RequestMapping("/api/portfolios/{portfolioId}")
@Tag(name = "scenarios", description = "What-if scenarios, comparisons and goal seeking, away from the live plan")
class ScenarioController {

    private final Scenarios scenarios;
    private final ScenarioPromotion promotion;
    private final LivePlans plans;

    ScenarioController(Scenarios scenarios, ScenarioPromotion promotion, LivePlans plans) {
        this.scenarios = scenarios;
        this.promotion = promotion;
        this.plans = plans;
    }

    @PostMapping(path = "/scenarios", consumes = "application/json")
    @Operation(summary = "Fork the live plan into a named scenario with hypothetical changes, solved in the "
            + "background", description = "Body: {\"name\", \"shared\" (optional), \"seconds\" (optional), "
            + "\"changes\": [CloudEvents in structured mode, inbound types and levers]}. Answered 202 with the "
            + "queued scenario; poll it for its status and result.")
    ResponseEntity<ScenarioView> create(@PathVariable String portfolioId, @RequestBody byte[] body,
            Authentication user) {
        JsonNode request = readObject(body);
        String name = text(request, "name");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidScenarioException("name is missing or longer than 200 characters");
        }
        JsonNode changesNode = request.get("changes");
        if (changesNode == null || !changesNode.isArray()) {
            throw new InvalidScenarioException("changes must be a JSON array of CloudEvents");
        }
        String changesJson = changesNode.toString();
        List<PortfolioChange> changes = ScenarioChanges.read(
                new ByteArrayInputStream(changesJson.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "changes");
        JsonNode shared = request.get("shared");
        JsonNode seconds = request.get("seconds");
        if (seconds != null && !seconds.canConvertToInt()) {
            throw new InvalidScenarioException("seconds must be a whole number");
        }
        ScenarioDocument queued = scenarios.submitScenario(portfolioId, name, user.getName(),
                shared != null && shared.asBoolean(false),
                scenarios.limit(seconds == null ? null : seconds.intValue()), changesJson, changes);
        return ResponseEntity.accepted().location(URI.create("/api/portfolios/" + portfolioId + "/scenarios/"
                + queued.id())).body(ScenarioView.of(queued, 0, null));
    }

    @GetMapping("/scenarios")
    @Operation(summary = "The portfolio's scenarios with their status (executives: the shared ones)")
    List<ScenarioView> list(@PathVariable String portfolioId, Authentication user) {
        return scenarios.list(portfolioId, ScenarioDocument.SCENARIO, !isPlanner(user)).stream()
                .map(document -> ScenarioView.of(document, scenarios.progress(document), null)).toList();
    }

    @GetMapping("/scenarios/{scenarioId}")
    @Operation(summary = "One scenario: its status and progress, and when done its report (every block's date "
            + "live and in the scenario, the changes applied and refused, the levers' costs, the comparison)")
    ScenarioView get(@PathVariable String portfolioId, @PathVariable String scenarioId, Authentication user) {
        ScenarioDocument document = scenarios.get(portfolioId, ScenarioDocument.SCENARIO, scenarioId,
                !isPlanner(user));
        return ScenarioView.of(document, scenarios.progress(document), document.result() == null ? null
                : ScenarioJson.read(document.result(), ScenarioReport.class));
    }

    @DeleteMapping("/scenarios/{scenarioId}")
    @Operation(summary = "Delete a scenario; one waiting or solving is cancelled")
    ResponseEntity<Void> delete(@PathVariable String portfolioId, @PathVariable String scenarioId) {
        scenarios.delete(portfolioId, ScenarioDocument.SCENARIO, scenarioId);
        return ResponseEntity.noContent().build();
    }

    record Sharing(Boolean shared) {
    }

    @PutMapping("/scenarios/{scenarioId}/shared")
    @Operation(summary = "Share a scenario with executives (or stop sharing it): body {\"shared\": true}")
    ScenarioView share(@PathVariable String portfolioId, @PathVariable String scenarioId,
            @RequestBody Sharing sharing) {
        if (sharing == null || sharing.shared() == null) {
            throw new InvalidScenarioException("shared (true or false) is missing");
        }
        ScenarioDocument document = scenarios.share(portfolioId, scenarioId, sharing.shared());
        return ScenarioView.of(document, scenarios.progress(document), null);
    }

    @PostMapping("/scenarios/{scenarioId}/promote")
    @Operation(summary = "Apply a scenario's inbound-type changes to the live plan as events, attributed to the "
            + "scenario and the planner", description = "Each change goes through the portfolio's event path "
            + "like one sent to /events; levers have no inbound event type and are reported as not promotable.")
    ScenarioPromotion.Promotion promote(@PathVariable String portfolioId, @PathVariable String scenarioId,
            Authentication user) {
        ScenarioDocument document = scenarios.get(portfolioId, ScenarioDocument.SCENARIO, scenarioId, false);
        return promotion.promote(document, user.getName());
    }

    @GetMapping("/compare")
    @Operation(summary = "Compare two schedules: live, or scenario:{id}",
            description = "Per block the online dates, money and driving path on each side and their deltas "
                    + "(right minus left); totals; per pool the load difference.")
    ScheduleComparison compare(@PathVariable String portfolioId, @RequestParam String left,
            @RequestParam String right, Authentication user) {
        return ScheduleComparer.compare(side(portfolioId, left, user), side(portfolioId, right, user));
    }

    private ComparedSchedule side(String portfolioId, String name, Authentication user) {
        if ("live".equals(name)) {
            LivePlan plan = plans.plan(portfolioId);
            LivePlan.Publication publication = plan.latestPublication()
                    .orElseThrow(ScheduleNotPublishedException::new);
            Portfolio portfolio = plan.portfolio();
            return ComparedSchedule.of("live v" + publication.version(), portfolio, publication.projection());
        }
        if (name != null && name.startsWith("scenario:")) {
            return scenarios.compared(scenarios.get(portfolioId, ScenarioDocument.SCENARIO,
                    name.substring("scenario:".length()), !isPlanner(user)));
        }
        throw new InvalidScenarioException("left and right must be live or scenario:{id}");
    }

    static boolean isPlanner(Authentication user) {
        return Roles.has(user, Roles.PLANNER);
    }

    static JsonNode readObject(byte[] body) {
        JsonNode request;
        try {
            request = body == null ? null : ScenarioJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new InvalidScenarioException("the body is not JSON: " + e.getMessage(), e);
        }
        if (request == null || !request.isObject()) {
            throw new InvalidScenarioException("the body must be a JSON object");
        }
        return request;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidScenarioException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-scenario", "Invalid scenario", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail queueFull(ScenarioQueueFullException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "scenario-queue-full", "Scenario queue full",
                e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notDone(ScenarioNotDoneException e) {
        return Problems.of(HttpStatus.CONFLICT, "scenario-not-done", "Scenario not solved", e.getMessage());
    }
}
