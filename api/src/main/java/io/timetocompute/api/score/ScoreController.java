package io.timetocompute.api.score;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.scheduler.solver.ScoreExplanation;

@Tag(name = "Score", description = "Why the schedule costs what it costs")
@RestController
class ScoreController {

    private final LivePlans session;

    ScoreController(LivePlans session) {
        this.session = session;
    }

    @Operation(summary = "The constraints that cost something in the best schedule, most expensive first")
    @GetMapping("/api/portfolios/{portfolioId}/score")
    ScoreExplanation score(@PathVariable String portfolioId,
            @Parameter(description = "costliest matches listed per constraint")
            @RequestParam(defaultValue = "5") @Min(1) @Max(100) int matches) {
        return session.plan(portfolioId).explainScore(matches);
    }
}
