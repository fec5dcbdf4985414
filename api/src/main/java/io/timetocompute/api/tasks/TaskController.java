package io.timetocompute.api.tasks;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.timetocompute.events.contract.EventData;
import io.timetocompute.events.contract.EventTypes;
import io.timetocompute.api.plan.ChangeAccepted;
import io.timetocompute.api.plan.PlanView;
import io.timetocompute.api.web.ResourceNotFoundException;
import io.timetocompute.scheduler.portfolio.Dependency;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskProgress;
import io.timetocompute.scheduler.projection.ScheduleProjection;

@Tag(name = "Tasks", description = "Scheduled tasks with float, and progress reports")
@RestController
@RequestMapping("/api/portfolios/{portfolioId}/tasks")
class TaskController {

    private final PlanView plan;

    TaskController(PlanView plan) {
        this.plan = plan;
    }

    /** @param total how many tasks match, on all pages */
    record TaskPage(int page, int size, long total, List<TaskRow> items) {
    }

    @Operation(summary = "Scheduled tasks, in schedule order, optionally of one site, a page at a time")
    @GetMapping
    TaskPage tasks(@PathVariable String portfolioId, @RequestParam(required = false) String siteId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        if (siteId != null) {
            plan.site(portfolioId, siteId);
        }
        Portfolio portfolio = plan.portfolio(portfolioId);
        ScheduleProjection projection = plan.publication(portfolioId).projection();
        List<TaskRow> matching = new TaskRows(portfolio, projection).rows(projection.tasks(),
                task -> siteId == null || siteId.equals(task.siteId()));
        List<TaskRow> items = matching.stream().skip((long) page * size).limit(size).toList();
        return new TaskPage(page, size, matching.size(), items);
    }

    /**
     * A scheduled task with its definition.
     *
     * @param progress what was reported so far (absent: not started)
     */
    record TaskDetail(@JsonUnwrapped TaskRow task, List<Dependency> predecessors, List<String> materials,
            String bringsOnline, TaskProgress progress) {
    }

    @Operation(summary = "One scheduled task with its predecessors, materials and reported progress")
    @GetMapping("/{taskId}")
    TaskDetail task(@PathVariable String portfolioId, @PathVariable String taskId) {
        Task task = plan.task(portfolioId, taskId);
        Portfolio portfolio = plan.portfolio(portfolioId);
        ScheduleProjection projection = plan.publication(portfolioId).projection();
        TaskRow row = projection.tasks().stream().filter(scheduled -> scheduled.id().equals(taskId)).findFirst()
                .map(new TaskRows(portfolio, projection)::row)
                .orElseThrow(() -> new ResourceNotFoundException("scheduled task", taskId));
        return new TaskDetail(row, task.predecessors(), task.materials(), task.bringsOnline(), task.progress());
    }

    enum ReportedStatus { STARTED, COMPLETED }

    /**
     * Progress from the field, like the task events: STARTED alone is task.started, STARTED with remainingDays is
     * task.remaining-updated, COMPLETED is task.completed.
     *
     * @param date when it started, finished, or as of when the remaining days hold; today when absent. Like an
     *        event's date, it cannot be in the future: progress is what already happened.
     */
    record ProgressReport(@NotNull ReportedStatus status, @PastOrPresent LocalDate date,
            @PositiveOrZero Integer remainingDays) {

        @AssertTrue(message = "remainingDays is only for STARTED")
        boolean isRemainingDaysOnlyWhenStarted() {
            return status != ReportedStatus.COMPLETED || remainingDays == null;
        }
    }

    @Operation(summary = "What-if or field report: a task started, has days remaining, or completed")
    @PostMapping("/{taskId}/progress")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ChangeAccepted progress(@PathVariable String portfolioId,
            @PathVariable String taskId, @Valid @RequestBody ProgressReport report) {
        plan.task(portfolioId, taskId);
        LocalDate date = report.date() != null ? report.date() : LocalDate.now(plan.clock());
        String siteId = plan.task(portfolioId, taskId).siteId();
        return switch (report.status()) {
            case COMPLETED -> plan.submit(portfolioId, EventTypes.TASK_COMPLETED, siteId,
                    new EventData.TaskCompleted(taskId, date));
            case STARTED -> report.remainingDays() == null
                    ? plan.submit(portfolioId, EventTypes.TASK_STARTED,
                            siteId, new EventData.TaskStarted(taskId, date, null))
                    : plan.submit(portfolioId, EventTypes.TASK_REMAINING_UPDATED, siteId,
                            new EventData.RemainingUpdated(taskId, date, report.remainingDays()));
        };
    }
}
