package io.timetocompute.api.projections;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.timetocompute.api.history.PublicationHistory;
import io.timetocompute.api.plan.PlanView;
import io.timetocompute.api.web.ResourceNotFoundException;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.BlockProjection;
import io.timetocompute.scheduler.replanning.LivePlan.Publication;

@Tag(name = "Projections", description = "Projected online dates of compute blocks, what drives them, how they moved")
@RestController
@RequestMapping("/api/portfolios/{portfolioId}")
class ProjectionController {

    private final PlanView plan;
    private final PublicationHistory history;

    ProjectionController(PlanView plan, PublicationHistory history) {
        this.plan = plan;
        this.history = history;
    }

    /** @param score the Timefold score, hard/medium/soft */
    record Projection(long version, Instant publishedAt, boolean feasible, String score, LocalDate portfolioFinish,
            List<BlockProjection> blocks) {
    }

    @Operation(summary = "The latest published projection: every block's online date and driving path")
    @GetMapping("/projections")
    Projection projection(@PathVariable String portfolioId) {
        Publication publication = plan.publication(portfolioId);
        ScheduleProjection projection = publication.projection();
        return new Projection(publication.version(), publication.publishedAt(), projection.feasible(),
                projection.score(), projection.portfolioFinish(), projection.blocks());
    }

    /**
     * @param baselineDate the block's date in the baseline in use
     * @param slipDays onlineDate minus baselineDate, in calendar days
     * @param baselineName which baseline: the first published plan, or one a planner kept
     */
    record BlockDetail(@JsonUnwrapped BlockProjection block, LocalDate baselineDate, long slipDays,
            String baselineName) {
    }

    @Operation(summary = "One block's projected online date, driving path and slip against its baseline")
    @GetMapping("/blocks/{blockId}")
    BlockDetail block(@PathVariable String portfolioId, @PathVariable String blockId) {
        BlockProjection block = plan.publication(portfolioId).projection().blocks().stream()
                .filter(candidate -> candidate.blockId().equals(blockId)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("block", blockId));
        var inUse = plan.baseline(portfolioId);
        LocalDate baseline = inUse.dates().getOrDefault(blockId, block.onlineDate());
        return new BlockDetail(block, baseline, ChronoUnit.DAYS.between(baseline, block.onlineDate()), inUse.name());
    }

    /**
     * @param oldDate the date before (absent for the baseline, the block's first published date)
     * @param cause what moved it, in words
     * @param eventIds the events that moved it (ids starting with {@value PlanView#EVENT_ID_PREFIX} are what-ifs
     *        made through this API); empty when the solver found a better plan by itself
     */
    record BlockHistoryEntry(long version, Instant publishedAt, LocalDate oldDate, LocalDate newDate, long deltaDays,
            String cause, List<String> eventIds) {
    }

    @Operation(summary = "Every published date of a block, oldest first, from its baseline on, with causes")
    @GetMapping("/blocks/{blockId}/history")
    List<BlockHistoryEntry> blockHistory(@PathVariable String portfolioId, @PathVariable String blockId) {
        List<BlockHistoryEntry> entries = history.blockHistory(portfolioId, blockId).stream()
                .map(change -> new BlockHistoryEntry(change.version(), change.publishedAt(), change.oldDate(),
                        change.newDate(), change.deltaDays(), change.cause(),
                        change.eventIds() == null ? List.of() : change.eventIds()))
                .toList();
        if (entries.isEmpty()) {
            throw new ResourceNotFoundException("block", blockId);
        }
        return entries;
    }
}
