package io.timetocompute.api.scenarios;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.timetocompute.api.web.Problems;
import io.timetocompute.scheduler.goal.GoalObjective;
import io.timetocompute.scheduler.goal.GoalResult;
import io.timetocompute.scheduler.scenario.InvalidScenarioException;

/**
 * Goal seeking for planners (docs/scenarios.md, "Service"): an objective instead of a date, sought in the
 * background like a scenario; the answer lists the actions with their costs and gains and every block's date, or
 * the best reachable date and what stops it.
 */
@RestController
@RequestMapping("/api/portfolios/{portfolioId}/goals")
@Tag(name = "scenarios")
class GoalController {

    private final Scenarios scenarios;

    GoalController(Scenarios scenarios) {
        this.scenarios = scenarios;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Seek the cheapest actions that reach an objective, in the background",
            description = "Body: {\"blockId\", \"by\"} (a block online by a date), {\"mostMw\": true, \"by\", "
                    + "\"budget\"} or {\"siteId\", \"budget\"}; optional \"seconds\". Answered 202; poll it.")
    ResponseEntity<ScenarioView> seek(@PathVariable String portfolioId, @RequestBody byte[] body,
            Authentication user) {
        JsonNode request = ScenarioController.readObject(body);
        GoalObjective objective = objective(request);
        JsonNode seconds = request.get("seconds");
        if (seconds != null && !seconds.canConvertToInt()) {
            throw new InvalidScenarioException("seconds must be a whole number");
        }
        ScenarioDocument queued = scenarios.submitGoal(portfolioId, objective, user.getName(),
                scenarios.limit(seconds == null ? null : seconds.intValue()), request.toString());
        return ResponseEntity.accepted().location(URI.create("/api/portfolios/" + portfolioId + "/goals/"
                + queued.id())).body(ScenarioView.of(queued, 0, null));
    }

    @GetMapping
    @Operation(summary = "The portfolio's goal-seeking runs with their status")
    List<ScenarioView> list(@PathVariable String portfolioId) {
        return scenarios.list(portfolioId, ScenarioDocument.GOAL, false).stream()
                .map(document -> ScenarioView.of(document, scenarios.progress(document), null)).toList();
    }

    @GetMapping("/{goalId}")
    @Operation(summary = "One goal-seeking run: its status and, when done, the answer")
    ScenarioView get(@PathVariable String portfolioId, @PathVariable String goalId) {
        ScenarioDocument document = scenarios.get(portfolioId, ScenarioDocument.GOAL, goalId, false);
        return ScenarioView.of(document, scenarios.progress(document), document.result() == null ? null
                : ScenarioJson.read(document.result(), GoalResult.class));
    }

    @DeleteMapping("/{goalId}")
    @Operation(summary = "Delete a goal-seeking run; one waiting or running is cancelled")
    ResponseEntity<Void> delete(@PathVariable String portfolioId, @PathVariable String goalId) {
        scenarios.delete(portfolioId, ScenarioDocument.GOAL, goalId);
        return ResponseEntity.noContent().build();
    }

    private static GoalObjective objective(JsonNode request) {
        String blockId = ScenarioController.text(request, "blockId");
        String siteId = ScenarioController.text(request, "siteId");
        LocalDate by = date(ScenarioController.text(request, "by"));
        JsonNode budgetNode = request.get("budget");
        if (budgetNode != null && !budgetNode.canConvertToLong()) {
            throw new InvalidScenarioException("budget must be a whole number");
        }
        Long budget = budgetNode == null ? null : budgetNode.longValue();
        if (blockId != null) {
            if (by == null) {
                throw new InvalidScenarioException("a block objective needs a date (by)");
            }
            return GoalObjective.blockBy(blockId, by);
        }
        if (siteId != null) {
            if (budget == null) {
                throw new InvalidScenarioException("a site objective needs a budget");
            }
            return GoalObjective.siteDelay(siteId, budget);
        }
        if (request.path("mostMw").asBoolean(false)) {
            if (by == null || budget == null) {
                throw new InvalidScenarioException("an MW objective needs a date (by) and a budget");
            }
            return GoalObjective.mostMwBy(by, budget);
        }
        throw new InvalidScenarioException("give blockId and by, siteId and budget, or mostMw, by and budget");
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidScenarioException("by " + text + " is not a date (YYYY-MM-DD)");
        }
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidScenarioException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-goal", "Invalid objective", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail queueFull(ScenarioQueueFullException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "scenario-queue-full", "Scenario queue full",
                e.getMessage());
    }
}
