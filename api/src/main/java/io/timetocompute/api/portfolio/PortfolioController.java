package io.timetocompute.api.portfolio;

import java.io.ByteArrayInputStream;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.api.store.PortfolioStore;
import io.timetocompute.api.web.ResourceNotFoundException;
import jakarta.validation.constraints.Size;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;

@Tag(name = "Portfolio", description = "The portfolios: list, create, read, export, replace and archive")
@RestController
@RequestMapping("/api/portfolios")
class PortfolioController {

    private final LivePlans plans;
    private final PortfolioStore store;

    PortfolioController(LivePlans plans, PortfolioStore store) {
        this.plans = plans;
        this.store = store;
    }

    /**
     * A portfolio: what it holds (while active, with every accepted change applied) and where it came from.
     *
     * @param status ACTIVE (planned on this service) or ARCHIVED (its data kept, no longer planned)
     * @param origin where it came from (a file, the demo generator, an import through the API)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PortfolioSummary(String portfolioId, String status, String id, String name, LocalDate dataDate,
            Integer sites, Integer blocks, Integer tasks, Integer pools, Integer shipments, String origin,
            Instant importedAt, Instant archivedAt) {

        static PortfolioSummary of(String portfolioId, Portfolio portfolio, PortfolioStore.PortfolioEntry entry) {
            int blocks = portfolio.sites().stream().mapToInt(site -> site.computeBlocks().size()).sum();
            return new PortfolioSummary(portfolioId, PortfolioStore.Status.ACTIVE.name(), portfolio.id(),
                    portfolio.name(), portfolio.dataDate(), portfolio.sites().size(), blocks,
                    portfolio.tasks().size(), portfolio.pools().size(), portfolio.shipments().size(),
                    entry == null ? null : entry.origin(), entry == null ? null : entry.importedAt(), null);
        }

        static PortfolioSummary archived(PortfolioStore.PortfolioEntry entry) {
            return new PortfolioSummary(entry.portfolioId(), entry.status().name(), null, entry.name(), null, null,
                    null, null, null, null, entry.origin(), entry.importedAt(), entry.archivedAt());
        }
    }

    @Operation(summary = "Every portfolio, active and archived")
    @GetMapping
    List<PortfolioSummary> portfolios() {
        return store.list().stream().map(this::summary).toList();
    }

    @Operation(summary = "Creates a portfolio from a portfolio file (docs/portfolio-format.md) and starts planning it",
            description = "The portfolio id is the query parameter portfolioId, else the file's id: 1 to 40 lowercase "
                    + "letters, digits and inner dashes. An invalid file or a taken id changes nothing.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PortfolioSummary> create(@RequestParam(required = false) @Size(max = 40) String portfolioId,
            @RequestBody byte[] body, Principal principal) throws InterruptedException {
        // Read with the scheduler's mapper, not the web one: it rejects unknown fields, as the CLI does.
        Portfolio portfolio = PortfolioJson.read(new ByteArrayInputStream(body), "the request body");
        String id = portfolioId != null ? portfolioId : portfolio.id();
        plans.create(id, portfolio, "created through the API by " + principal.getName());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null)
                .path("/{portfolioId}").buildAndExpand(id).toUri()).body(summary(id));
    }

    @Operation(summary = "One portfolio; an archived one without its content")
    @GetMapping("/{portfolioId}")
    PortfolioSummary portfolio(@PathVariable String portfolioId) {
        return summary(portfolioId);
    }

    @Operation(summary = "Stops planning a portfolio and keeps its data: portfolio, event log and history")
    @PostMapping("/{portfolioId}/archive")
    PortfolioSummary archive(@PathVariable String portfolioId) {
        plans.archive(portfolioId);
        return summary(portfolioId);
    }

    @Operation(summary = "The portfolio as a portfolio JSON document (docs/portfolio-format.md)")
    @GetMapping(value = "/{portfolioId}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> export(@PathVariable String portfolioId) {
        Portfolio portfolio = plans.plan(portfolioId).portfolio();
        // The scheduler's own mapper writes the file format, exactly as `ttc solve` reads it.
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(portfolio.id() + ".json").build().toString())
                .body(PortfolioJson.toJson(portfolio));
    }

    @Operation(summary = "Replaces the portfolio's content: the solver starts over on it; an invalid one changes "
            + "nothing")
    @PutMapping(value = "/{portfolioId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    PortfolioSummary importPortfolio(@PathVariable String portfolioId, @RequestBody byte[] body, Principal principal)
            throws InterruptedException {
        plans.plan(portfolioId);
        Portfolio portfolio = PortfolioJson.read(new ByteArrayInputStream(body), "the request body");
        plans.importPortfolio(portfolioId, portfolio, "imported through the API by " + principal.getName());
        return summary(portfolioId);
    }

    private PortfolioSummary summary(PortfolioStore.PortfolioEntry entry) {
        return entry.status() == PortfolioStore.Status.ACTIVE && plans.ids().contains(entry.portfolioId())
                ? PortfolioSummary.of(entry.portfolioId(), plans.plan(entry.portfolioId()).portfolio(), entry)
                : PortfolioSummary.archived(entry);
    }

    private PortfolioSummary summary(String portfolioId) {
        return summary(store.entry(portfolioId)
                .orElseThrow(() -> new ResourceNotFoundException("portfolio", portfolioId)));
    }
}
