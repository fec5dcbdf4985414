package io.timetocompute.api.pools;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

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
import io.timetocompute.scheduler.portfolio.CapacityAdjustment;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskMode;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.LoadSegment;

@Tag(name = "Labor pools", description = "Crews shared by tasks: load against capacity, capacity what-ifs")
@RestController
@RequestMapping("/api/portfolios/{portfolioId}/pools")
class PoolController {

    private final PlanView plan;

    PoolController(PlanView plan) {
        this.plan = plan;
    }

    /**
     * @param site the one site of a local pool; absent for a pool that travels between sites
     * @param siteIds every site the pool can work on
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PoolRow(String id, String name, String trade, String site, List<String> siteIds, boolean traveling,
            String calendar, int baseHeadcount, List<CapacityAdjustment> adjustments) {

        static PoolRow of(LaborPool pool) {
            return new PoolRow(pool.id(), pool.name(), pool.trade(), pool.traveling() ? null : pool.siteIds().get(0),
                    pool.siteIds(), pool.traveling(), pool.calendar(), pool.baseHeadcount(), pool.adjustments());
        }
    }

    @Operation(summary = "Every labor pool with its base headcount and dated adjustments")
    @GetMapping
    List<PoolRow> pools(@PathVariable String portfolioId) {
        return plan.portfolio(portfolioId).pools().stream().map(PoolRow::of).toList();
    }

    /** @param headcount the crew the task's scheduled mode takes from the pool on each of its work days */
    record PoolTask(String id, String siteId, String name, LocalDate start, LocalDate finish, int headcount) {
    }

    record PoolSchedule(String poolId, String trade, List<LoadSegment> segments, List<PoolTask> tasks) {
    }

    @Operation(summary = "A pool's load against its capacity over time, and the scheduled tasks that use it")
    @GetMapping("/{poolId}/schedule")
    PoolSchedule schedule(@PathVariable String portfolioId, @PathVariable String poolId) {
        LaborPool pool = plan.pool(portfolioId, poolId);
        Map<String, Task> tasksById = plan.portfolio(portfolioId).tasks().stream()
                .collect(Collectors.toMap(Task::id, Function.identity()));
        ScheduleProjection projection = plan.publication(portfolioId).projection();
        List<LoadSegment> segments = projection.pools().stream().filter(load -> load.poolId().equals(poolId))
                .findFirst().map(ScheduleProjection.PoolLoad::segments).orElse(List.of());
        List<PoolTask> tasks = new ArrayList<>();
        for (ScheduleProjection.TaskSchedule scheduled : projection.tasks()) {
            int headcount = crewOf(tasksById.get(scheduled.id()), scheduled.mode(), poolId);
            if (headcount > 0) {
                tasks.add(new PoolTask(scheduled.id(), scheduled.siteId(), scheduled.name(), scheduled.start(),
                        scheduled.finish(), headcount));
            }
        }
        return new PoolSchedule(poolId, pool.trade(), segments, tasks);
    }

    private static int crewOf(Task task, String modeName, String poolId) {
        if (task == null) {
            return 0;
        }
        return task.modes().stream().filter(mode -> mode.name().equals(modeName)).findFirst()
                .map(TaskMode::crew).map(crew -> crew.getOrDefault(poolId, 0)).orElse(0);
    }

    /**
     * A headcount change from {@code from} through {@code to} (open-ended without it): an absolute headcount, or a
     * delta to the headcount planned so far. It applies after the pool's earlier adjustments, so it wins where they
     * overlap.
     */
    record CapacityRequest(@NotNull LocalDate from, LocalDate to, @PositiveOrZero Integer headcount, Integer delta,
            @Size(max = 500) String reason) {

        @AssertTrue(message = "give exactly one of headcount and delta")
        boolean isExactlyOneOfHeadcountAndDelta() {
            return (headcount == null) != (delta == null);
        }

        @AssertTrue(message = "to must not be before from")
        boolean isRangeInOrder() {
            return from == null || to == null || !to.isBefore(from);
        }
    }

    @Operation(summary = "What-if: a pool's headcount changes over a date range (hiring, outage, strike)")
    @PostMapping("/{poolId}/capacity")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ChangeAccepted capacity(@PathVariable String portfolioId,
            @PathVariable String poolId, @Valid @RequestBody CapacityRequest request) {
        plan.pool(portfolioId, poolId);
        return plan.submit(portfolioId, EventTypes.LABOR_CAPACITY_CHANGED,
                poolId, new EventData.CapacityChanged(poolId,
                request.from(), request.to(), request.headcount(), request.delta(), request.reason()));
    }
}
