package io.timetocompute.scheduler.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.timetocompute.scheduler.interchange.ScheduleExporter;
import io.timetocompute.scheduler.portfolio.InvalidPortfolioException;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes a solved schedule as Primavera P6 XER or PMXML, or Microsoft Project MSPDI "
                + "(docs/interchange.md).")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--portfolio", required = true, description = "Portfolio JSON file.")
    Path portfolioFile;

    @Option(names = "--schedule", required = true, description = "Schedule JSON file written by solve.")
    Path scheduleFile;

    @Option(names = "--format", required = true, description = "xer, pmxml or mspdi.")
    String format;

    @Option(names = "--out", required = true, description = "File to write.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ScheduleExporter.Format chosen = ScheduleExporter.Format.of(format);
        Portfolio portfolio = PortfolioJson.read(portfolioFile);
        ScheduleProjection projection = readSchedule(scheduleFile);
        long started = System.nanoTime();
        Path temporary = Files.createTempFile(out.toAbsolutePath().getParent(), ".ttc-export", ".tmp");
        try (OutputStream stream = Files.newOutputStream(temporary)) {
            ScheduleExporter.export(portfolio, projection, chosen, stream);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        spec.commandLine().getOut().printf("%d tasks written to %s (%s) in %.2fs%n", projection.tasks().size(), out,
                chosen, (System.nanoTime() - started) / 1e9);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static ScheduleProjection readSchedule(Path file) {
        try {
            return PortfolioJson.mapper().readValue(file.toFile(), ScheduleProjection.class);
        } catch (NoSuchFileException e) {
            throw new InvalidPortfolioException("schedule file not found: " + file);
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new InvalidPortfolioException("schedule file not found: " + file);
            }
            throw new InvalidPortfolioException("invalid schedule JSON in " + file + ": " + e.getMessage());
        }
    }
}
