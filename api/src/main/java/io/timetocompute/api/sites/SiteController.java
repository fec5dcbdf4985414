package io.timetocompute.api.sites;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.timetocompute.events.contract.EventData;
import io.timetocompute.events.contract.EventTypes;
import io.timetocompute.api.plan.ChangeAccepted;
import io.timetocompute.api.plan.PlanView;
import io.timetocompute.api.shipments.ShipmentRow;
import io.timetocompute.api.tasks.TaskRows;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.projection.ScheduleProjection;

@Tag(name = "Sites", description = "Sites and their compute blocks: projected online dates, slip, schedules")
@RestController
@RequestMapping("/api/portfolios/{portfolioId}/sites")
class SiteController {

    private final PlanView plan;

    SiteController(PlanView plan) {
        this.plan = plan;
    }

    @Operation(summary = "Every site with its blocks' projected and baseline online dates")
    @GetMapping
    List<SiteSummary> sites(@PathVariable String portfolioId) {
        Portfolio portfolio = plan.portfolio(portfolioId);
        return summaries(portfolioId).all(portfolio);
    }

    @Operation(summary = "One site with its blocks' projected and baseline online dates")
    @GetMapping("/{siteId}")
    SiteSummary site(@PathVariable String portfolioId, @PathVariable String siteId) {
        Site site = plan.site(portfolioId, siteId);
        return summaries(portfolioId).of(site);
    }

    @Operation(summary = "A site's schedule: tasks with float and driving path, blocks, shipments, pool loads")
    @GetMapping("/{siteId}/schedule")
    SiteSchedule schedule(@PathVariable String portfolioId, @PathVariable String siteId) {
        Site site = plan.site(portfolioId, siteId);
        Portfolio portfolio = plan.portfolio(portfolioId);
        ScheduleProjection projection = plan.publication(portfolioId).projection();
        var tasks = new TaskRows(portfolio, projection).rows(projection.tasks(),
                task -> task.siteId().equals(siteId));
        Set<String> poolIds = new HashSet<>();
        tasks.forEach(task -> poolIds.addAll(task.poolIds()));
        return new SiteSchedule(summaries(portfolioId, projection).of(site), tasks,
                projection.blocks().stream().filter(block -> block.siteId().equals(siteId)).toList(),
                projection.shipments().stream().filter(shipment -> siteId.equals(shipment.siteId()))
                        .map(ShipmentRow::of).toList(),
                projection.pools().stream().filter(pool -> poolIds.contains(pool.poolId())).toList());
    }

    record PowerDateRequest(@NotNull LocalDate date) {
    }

    @Operation(summary = "What-if: the utility moves the site's power-available date")
    @PostMapping("/{siteId}/power-date")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ChangeAccepted powerDate(@PathVariable String portfolioId,
            @PathVariable String siteId, @Valid @RequestBody PowerDateRequest request) {
        plan.site(portfolioId, siteId);
        return plan.submit(portfolioId, EventTypes.POWER_DATE_CHANGED, siteId,
                new EventData.PowerDateChanged(siteId, request.date()));
    }

    private SiteSummaries summaries(String portfolioId) {
        return summaries(portfolioId, plan.publication(portfolioId).projection());
    }

    private SiteSummaries summaries(String portfolioId, ScheduleProjection projection) {
        return new SiteSummaries(projection, plan.baselineDates(portfolioId));
    }
}
