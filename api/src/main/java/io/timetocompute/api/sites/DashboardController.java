package io.timetocompute.api.sites;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.timetocompute.api.history.Baselines;
import io.timetocompute.api.plan.PlanView;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.BlockProjection;
import io.timetocompute.scheduler.replanning.LivePlan.Publication;

@Tag(name = "Dashboard", description = "The executives' overview of the portfolio")
@RestController
class DashboardController {

    private final PlanView plan;

    DashboardController(PlanView plan) {
        this.plan = plan;
    }

    @Operation(summary = "Every site's online dates and slip, and the IT load online over time")
    @GetMapping("/api/portfolios/{portfolioId}/dashboard")
    Dashboard dashboard(@PathVariable String portfolioId) {
        Portfolio portfolio = plan.portfolio(portfolioId);
        Publication publication = plan.publication(portfolioId);
        ScheduleProjection projection = publication.projection();
        Baselines.Baseline baseline = plan.baseline(portfolioId);
        return new Dashboard(projection.portfolioId(), portfolio.name(), projection.dataDate(),
                publication.version(), publication.publishedAt(), projection.feasible(),
                new SiteSummaries(projection, baseline.dates()).all(portfolio), mwOnline(projection.blocks()),
                new Dashboard.BaselineRef(baseline.name(), baseline.version(), baseline.setAt()));
    }

    private static List<Dashboard.MwOnline> mwOnline(List<BlockProjection> blocks) {
        Map<LocalDate, Double> mwByDate = new TreeMap<>();
        blocks.stream().filter(block -> Objects.nonNull(block.onlineDate()))
                .forEach(block -> mwByDate.merge(block.onlineDate(), block.itMw(), Double::sum));
        List<Dashboard.MwOnline> points = new ArrayList<>();
        double online = 0;
        for (Map.Entry<LocalDate, Double> day : mwByDate.entrySet()) {
            online += day.getValue();
            points.add(new Dashboard.MwOnline(day.getKey(), online));
        }
        return points;
    }
}
