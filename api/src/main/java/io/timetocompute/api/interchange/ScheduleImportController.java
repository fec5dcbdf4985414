package io.timetocompute.api.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.scheduler.interchange.BlockMapping;
import io.timetocompute.scheduler.interchange.ImportException;
import io.timetocompute.scheduler.interchange.ImportReport;
import io.timetocompute.scheduler.interchange.ScheduleImporter;
import io.timetocompute.scheduler.portfolio.Portfolio;

/**
 * Imports a P6 XER, P6 PMXML, MS Project MSPDI or MPP file as a new portfolio, in two calls: a preview that maps the
 * file and answers its import report without keeping anything, then a confirm that maps the same file again (the
 * client sends it again) and creates the portfolio. Nothing is kept between the two, so there is no state to expire
 * or to lose on a restart, and what is created is exactly what the file gives with the options of the confirm.
 */
@Tag(name = "Portfolio", description = "The portfolios: list, create, read, export, replace and archive")
@RestController
@RequestMapping("/api/portfolios/imports")
class ScheduleImportController {

    /** File names go into messages and the portfolio's origin: at most this long. */
    private static final int MAX_NAME = 120;

    private final LivePlans plans;

    ScheduleImportController(LivePlans plans) {
        this.plans = plans;
    }

    /**
     * What an import would create.
     *
     * @param portfolioId the id the confirm would use unless given another one
     * @param name the portfolio's name (the first imported project's)
     */
    record ImportPreview(String portfolioId, String name, int sites, int tasks, int pools, int blocks,
            int shipments, ImportReport report) {
    }

    /** An import done: the new portfolio, planned from now on, and the report of its file. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ImportedPortfolio(String portfolioId, String name, int sites, int tasks, int pools, int blocks,
            int shipments, String origin, ImportReport report) {
    }

    @Operation(summary = "Maps a schedule file (P6 XER or PMXML, MS Project MSPDI or MPP) and answers the import "
            + "report, creating nothing",
            description = "Multipart: file (the schedule), project (repeatable: the projects of a multi-project file "
                    + "to import; none: all), crossProjectLinks, blocks (optional JSON block mapping, "
                    + "docs/interchange.md). The report lists the file's projects.")
    @PostMapping(value = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportPreview preview(@RequestPart("file") MultipartFile file,
            @RequestParam(name = "project", required = false) List<String> projects,
            @RequestParam(defaultValue = "false") boolean crossProjectLinks,
            @RequestPart(name = "blocks", required = false) MultipartFile blocks) throws IOException {
        ScheduleImporter.Result result = importFile(file, projects, crossProjectLinks, blocks);
        Portfolio portfolio = result.portfolio();
        return new ImportPreview(suggestedId(fileName(file)), portfolio.name(), portfolio.sites().size(),
                portfolio.tasks().size(), portfolio.pools().size(), blocks(portfolio), portfolio.shipments().size(),
                result.report());
    }

    @Operation(summary = "Imports a schedule file as a new portfolio and starts planning it",
            description = "The same parts as the preview, plus portfolioId (default: from the file name). A file "
                    + "that cannot be imported, or a taken id, creates nothing.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportedPortfolio> confirm(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String portfolioId,
            @RequestParam(name = "project", required = false) List<String> projects,
            @RequestParam(defaultValue = "false") boolean crossProjectLinks,
            @RequestPart(name = "blocks", required = false) MultipartFile blocks, Principal principal)
            throws IOException, InterruptedException {
        String name = fileName(file);
        String id = portfolioId == null || portfolioId.isBlank() ? suggestedId(name) : portfolioId;
        ScheduleImporter.Result result = importFile(file, projects, crossProjectLinks, blocks);
        Portfolio portfolio = result.portfolio();
        String origin = "imported from " + name + " (" + result.report().format() + ") through the API by "
                + principal.getName();
        plans.create(id, portfolio, origin);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/portfolios/{portfolioId}").buildAndExpand(id).toUri())
                .body(new ImportedPortfolio(id, portfolio.name(), portfolio.sites().size(), portfolio.tasks().size(),
                        portfolio.pools().size(), blocks(portfolio), portfolio.shipments().size(), origin,
                        result.report()));
    }

    private static ScheduleImporter.Result importFile(MultipartFile file, List<String> projects,
            boolean crossProjectLinks, MultipartFile blocks) throws IOException {
        String name = fileName(file);
        if (file.isEmpty()) {
            throw new ImportException(name + " is empty");
        }
        BlockMapping mapping = BlockMapping.NONE;
        if (blocks != null && !blocks.isEmpty()) {
            try (InputStream in = blocks.getInputStream()) {
                mapping = BlockMapping.read(in, "'" + fileName(blocks) + "'");
            }
        }
        List<String> wanted = projects == null ? List.of()
                : projects.stream().map(String::strip).filter(project -> !project.isEmpty()).toList();
        return ScheduleImporter.importBytes(file.getBytes(), name,
                new ScheduleImporter.Options(wanted, mapping, crossProjectLinks));
    }

    /** The upload's own name, without any path a browser may send, and shortened. */
    private static String fileName(MultipartFile file) {
        String original = file.getOriginalFilename();
        if (original == null || original.isBlank()) {
            return file.getName();
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "");
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    /** A portfolio id from a file name: {@code DC1 Abilene.xer} gives {@code dc1-abilene}. */
    static String suggestedId(String fileName) {
        String id = fileName.replaceAll("\\.[A-Za-z0-9]+$", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (id.length() > 40) {
            id = id.substring(0, 40).replaceAll("-+$", "");
        }
        return id.isEmpty() ? "imported" : id;
    }

    private static int blocks(Portfolio portfolio) {
        return portfolio.sites().stream().mapToInt(site -> site.computeBlocks().size()).sum();
    }
}
