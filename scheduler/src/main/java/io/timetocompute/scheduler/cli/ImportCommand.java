package io.timetocompute.scheduler.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.timetocompute.scheduler.interchange.BlockMapping;
import io.timetocompute.scheduler.interchange.ImportReport;
import io.timetocompute.scheduler.interchange.ScheduleImporter;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports a Primavera P6 (XER, PMXML) or Microsoft Project (MSPDI, MPP) schedule as a portfolio "
                + "and reports what was mapped, dropped and assumed (docs/interchange.md).")
final class ImportCommand implements Callable<Integer> {

    @Option(names = "--file", required = true, description = "The schedule file.")
    Path file;

    @Option(names = "--project", arity = "1..*",
            description = "Projects to import as sites (P6 project short names); default: all. --list shows them.")
    List<String> projects = List.of();

    @Option(names = "--list", description = "Only list the projects of the file.")
    boolean list;

    @Option(names = "--cross-project-links", description = "Keep relationships between the imported P6 projects.")
    boolean crossProjectLinks;

    @Option(names = "--blocks", description = "Mapping file: which milestones bring compute online, which activities "
            + "are deliveries.")
    Path blocks;

    @Option(names = "--out", description = "Portfolio JSON file to write.")
    Path out;

    @Option(names = "--report", description = "Import report JSON file to write.")
    Path report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        if (list) {
            for (ImportReport.ProjectEntry project : ScheduleImporter.listProjects(file)) {
                stdout.printf("%-20s %6d activities  %s%n", project.id(), project.activities(), project.name());
            }
            stdout.flush();
            return 0;
        }
        if (out == null) {
            spec.commandLine().getErr().println("error: --out is required (or --list)");
            return 2;
        }
        BlockMapping mapping = blocks == null ? BlockMapping.NONE : BlockMapping.read(blocks);
        long started = System.nanoTime();
        ScheduleImporter.Result result = ScheduleImporter.importFile(file,
                new ScheduleImporter.Options(projects, mapping, crossProjectLinks));
        double seconds = (System.nanoTime() - started) / 1e9;
        // Both files are written only once the import succeeded as a whole.
        PortfolioJson.write(result.portfolio(), out);
        if (report != null) {
            PortfolioJson.write(result.report(), report);
        }
        ImportReport r = result.report();
        stdout.printf("%s (%s): %d tasks on %d sites, %d pools, %d shipments imported in %.2fs%n", r.source(),
                r.format(), result.portfolio().tasks().size(), result.portfolio().sites().size(),
                result.portfolio().pools().size(), result.portfolio().shipments().size(), seconds);
        stdout.printf("counts: %s%n", r.counts());
        stdout.printf("%d dropped, %d assumptions%s%n", r.dropped().size(), r.assumptions().size(),
                report == null ? " (see --report)" : ", listed in " + report);
        ImportReport.Agreement agreement = r.agreement();
        if (agreement.computed()) {
            stdout.printf("early dates: %d of %d activities agree with the file (%.1f %%)%s%n", agreement.agreeing(),
                    agreement.compared(), agreement.percent(), reasons(agreement.disagreementsByReason()));
        } else {
            stdout.printf("early dates: not compared, %s%n", agreement.reason());
        }
        stdout.printf("portfolio written to %s%n", out);
        stdout.flush();
        return 0;
    }

    private static String reasons(Map<String, Integer> byReason) {
        return byReason.isEmpty() ? "" : "; disagreements: " + byReason;
    }
}
