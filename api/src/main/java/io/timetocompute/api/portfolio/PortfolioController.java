package io.timetocompute.api.portfolio;

import java.io.ByteArrayInputStream;
import java.security.Principal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.api.store.PortfolioStore;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;

@Tag(name = "Portfolio", description = "The portfolio being planned: summary, export and import")
@RestController
@RequestMapping("/api/portfolio")
class PortfolioController {

    private final LivePlans session;
    private final PortfolioStore store;

    PortfolioController(LivePlans session, PortfolioStore store) {
        this.session = session;
        this.store = store;
    }

    /**
     * Counts of what the portfolio holds.
     *
     * @param origin where it came from (a file, the demo generator, an import through the API)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PortfolioSummary(String id, String name, LocalDate dataDate, int sites, int blocks, int tasks, int pools,
            int shipments, String origin) {

        static PortfolioSummary of(Portfolio portfolio, String origin) {
            int blocks = portfolio.sites().stream().mapToInt(site -> site.computeBlocks().size()).sum();
            return new PortfolioSummary(portfolio.id(), portfolio.name(), portfolio.dataDate(),
                    portfolio.sites().size(), blocks, portfolio.tasks().size(), portfolio.pools().size(),
                    portfolio.shipments().size(), origin);
        }
    }

    @Operation(summary = "What the current portfolio holds, with every accepted change applied")
    @GetMapping
    PortfolioSummary summary() {
        return PortfolioSummary.of(session.portfolio(), store.origin().orElse(null));
    }

    @Operation(summary = "The current portfolio as a portfolio JSON document (docs/portfolio-format.md)")
    @GetMapping(value = "/export", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> export() {
        Portfolio portfolio = session.portfolio();
        // The scheduler's own mapper writes the file format, exactly as `ttc solve` reads it.
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(portfolio.id() + ".json").build().toString())
                .body(PortfolioJson.toJson(portfolio));
    }

    @Operation(summary = "Replaces the portfolio: the solver starts over on it; an invalid one changes nothing")
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    PortfolioSummary importPortfolio(@RequestBody byte[] body, Principal principal) throws InterruptedException {
        // Read with the scheduler's mapper, not the web one: it rejects unknown fields, as the CLI does.
        Portfolio portfolio = PortfolioJson.read(new ByteArrayInputStream(body), "the request body");
        String origin = "imported through the API by " + principal.getName();
        session.importPortfolio(portfolio, origin);
        return PortfolioSummary.of(session.portfolio(), origin);
    }
}
