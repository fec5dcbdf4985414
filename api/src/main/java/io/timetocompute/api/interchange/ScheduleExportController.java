package io.timetocompute.api.interchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.api.web.ScheduleNotPublishedException;
import io.timetocompute.scheduler.interchange.ScheduleExporter;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * A portfolio's current plan as a P6 or MS Project file: the latest published schedule's dates, modes and
 * headcounts, driving path and compute-online dates, with the original activity ids (docs/interchange.md). Next to
 * the portfolio JSON export, on the same path, chosen by the {@code format} parameter.
 */
@Tag(name = "Portfolio", description = "The portfolios: list, create, read, export, replace and archive")
@RestController
@RequestMapping("/api/portfolios/{portfolioId}")
class ScheduleExportController {

    private static final MediaType XER = MediaType.parseMediaType("application/x-primavera-xer");

    private final LivePlans plans;

    ScheduleExportController(LivePlans plans) {
        this.plans = plans;
    }

    @Operation(summary = "The current plan as a P6 XER, P6 PMXML or MS Project MSPDI file",
            description = "format: xer, pmxml or mspdi. 503 until the portfolio's first schedule is published.")
    @GetMapping(value = "/export", params = "format")
    ResponseEntity<byte[]> export(@PathVariable String portfolioId, @RequestParam String format)
            throws IOException {
        ScheduleExporter.Format chosen = ScheduleExporter.Format.of(format);
        LivePlan plan = plans.plan(portfolioId);
        LivePlan.Publication publication = plan.latestPublication()
                .orElseThrow(() -> new ScheduleNotPublishedException());
        Portfolio portfolio = plan.portfolio();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScheduleExporter.export(portfolio, publication.projection(), chosen, out);
        return ResponseEntity.ok()
                .contentType(chosen == ScheduleExporter.Format.XER ? XER : MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(portfolioId, chosen)).build().toString())
                .header("X-Schedule-Version", Long.toString(publication.version()))
                .body(out.toByteArray());
    }

    static String fileName(String portfolioId, ScheduleExporter.Format format) {
        return switch (format) {
            case XER -> portfolioId + ".xer";
            case PMXML -> portfolioId + "-p6.xml";
            case MSPDI -> portfolioId + "-msproject.xml";
        };
    }
}
