package io.timetocompute.api.baseline;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.timetocompute.api.history.Baselines;
import io.timetocompute.api.history.PublicationHistory;
import io.timetocompute.api.plan.PlanView;
import io.timetocompute.api.web.ResourceNotFoundException;

/**
 * Per portfolio, planners keep the current plan as a named baseline, list the kept ones and choose which one slip is
 * against.
 */
@Tag(name = "Baselines", description = "The plans slip is measured against")
@RestController
@RequestMapping("/api/portfolios/{portfolioId}/baselines")
class BaselineController {

    private final PlanView plan;
    private final PublicationHistory history;
    private final Clock clock = Clock.systemUTC();

    BaselineController(PlanView plan, PublicationHistory history) {
        this.plan = plan;
        this.history = history;
    }

    /** @param name 1 to 60 letters, digits, spaces, dots, dashes or underscores */
    record BaselineName(@NotBlank @Size(max = 60) @Pattern(regexp = "[\\p{L}\\p{N} ._-]+") String name) {
    }

    /**
     * @param version the schedule version its dates come from (0: nothing published yet)
     * @param active whether slip is measured against it now
     */
    record BaselineSummary(String name, long version, Instant setAt, String setBy, boolean active) {
    }

    @Operation(summary = "The kept baselines and the default one (the first published plan), which one is in use")
    @GetMapping
    List<BaselineSummary> list(@PathVariable String portfolioId) {
        String active = plan.baseline(portfolioId).name();
        List<BaselineSummary> result = new ArrayList<>();
        result.add(new BaselineSummary(Baselines.FIRST_PUBLISHED, history.firstVersion(portfolioId), null, null,
                active.equals(Baselines.FIRST_PUBLISHED)));
        history.baselines().named(portfolioId).forEach(named -> result.add(new BaselineSummary(named.name(),
                named.version(), named.setAt(), named.setBy(), active.equals(named.name()))));
        return result;
    }

    @Operation(summary = "Keep the current published plan as a named baseline and measure slip against it")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    BaselineSummary keep(@PathVariable String portfolioId, @Valid @RequestBody BaselineName request,
            Principal user) {
        try {
            Baselines.Baseline kept = history.baselines().keep(portfolioId, request.name().strip(),
                    plan.publication(portfolioId), user == null ? null : user.getName(), clock.instant());
            return new BaselineSummary(kept.name(), kept.version(), kept.setAt(), kept.setBy(), true);
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    @Operation(summary = "Measure slip against a kept baseline, or the first published plan")
    @PutMapping("/active")
    BaselineSummary choose(@PathVariable String portfolioId, @Valid @RequestBody BaselineName request) {
        plan.portfolio(portfolioId);
        if (!history.baselines().choose(portfolioId, request.name().strip(), clock.instant())) {
            throw new ResourceNotFoundException("baseline", request.name());
        }
        Baselines.Baseline active = plan.baseline(portfolioId);
        return new BaselineSummary(active.name(), active.version(), active.setAt(), active.setBy(), true);
    }
}
