package io.timetocompute.api.planning;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * The first plan of a portfolio's live plan (after a start, a creation or an import): published once the first solve
 * had its budget ({@code ttc.planning.first-publication-budget}), or sooner when a planner approves it.
 */
@RestController
@RequestMapping("/api/portfolios/{portfolioId}/plan/first")
class FirstPlanController {

    private final LivePlans plans;

    FirstPlanController(LivePlans plans) {
        this.plans = plans;
    }

    /** @param elapsedSeconds how long the first solve has run; budgetSeconds how long it runs unless approved */
    record FirstSolveStatus(boolean published, long elapsedSeconds, long budgetSeconds, String score) {

        static FirstSolveStatus of(LivePlan.FirstSolve solve) {
            return new FirstSolveStatus(solve.published(), solve.elapsed().toSeconds(), solve.budget().toSeconds(),
                    solve.score());
        }
    }

    @Operation(summary = "How far the first solve is, and whether its plan is published")
    @GetMapping
    FirstSolveStatus status(@PathVariable String portfolioId) {
        return FirstSolveStatus.of(plans.plan(portfolioId).firstSolve());
    }

    @Operation(summary = "Publish the first solve's best plan now, before its budget is spent")
    @PostMapping("/approve")
    @ResponseStatus(HttpStatus.ACCEPTED)
    FirstSolveStatus approve(@PathVariable String portfolioId) {
        LivePlan plan = plans.plan(portfolioId);
        plan.approveFirstPlan();
        return FirstSolveStatus.of(plan.firstSolve());
    }
}
