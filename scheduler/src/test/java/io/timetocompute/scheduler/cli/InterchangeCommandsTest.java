package io.timetocompute.scheduler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.reader.UniversalProjectReader;
import net.sf.mpxj.writer.FileFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.timetocompute.scheduler.interchange.ScheduleFixtures;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import picocli.CommandLine;

class InterchangeCommandsTest extends CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void importsSolvesAndExportsAP6Schedule() throws Exception {
        Path xer = ScheduleFixtures.write(ScheduleFixtures.dataCenter(false), FileFormat.XER, dir, "dc1.xer");
        Path blocks = Files.writeString(dir.resolve("blocks.json"),
                "{\"blocks\":[{\"activityId\":\"A1080\",\"blockId\":\"H1\",\"itMw\":36,\"valuePerDay\":1000000}],"
                        + "\"deliveries\":{\"nameContains\":\"delivery\"}}");
        Path portfolioFile = dir.resolve("portfolio.json");
        Path report = dir.resolve("report.json");

        assertThat(run("import", "--file", xer.toString(), "--list")).isZero();
        assertThat(out.toString()).contains("DC1");
        assertThat(run("import", "--file", xer.toString(), "--project", "DC1", "--blocks", blocks.toString(),
                "--out", portfolioFile.toString(), "--report", report.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("10 tasks on 1 sites").contains("early dates: 9 of 10");
        Portfolio portfolio = PortfolioJson.read(portfolioFile);
        assertThat(portfolio.sites().get(0).computeBlocks()).hasSize(1);
        assertThat(Files.readString(report)).contains("\"dropped\"").contains("level of effort");

        Path schedule = dir.resolve("schedule.json");
        assertThat(run("solve", "--portfolio", portfolioFile.toString(), "--seconds", "1", "--out",
                schedule.toString())).isZero();
        for (String format : new String[] {"xer", "pmxml", "mspdi"}) {
            Path exported = dir.resolve("out." + format);
            assertThat(run("export", "--portfolio", portfolioFile.toString(), "--schedule", schedule.toString(),
                    "--format", format, "--out", exported.toString())).as(err.toString()).isZero();
            ProjectFile back = new UniversalProjectReader().read(exported.toFile());
            assertThat(back.getTasks().stream().filter(task -> !task.getSummary())).hasSize(10);
        }
    }

    @Test
    void aBadFileEndsWithExitCode2AndWritesNothing() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.xer"), "ERMHDR\t19.12\nnothing else");
        Path portfolioFile = dir.resolve("portfolio.json");
        assertThat(run("import", "--file", bad.toString(), "--out", portfolioFile.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("truncated XER");
        assertThat(portfolioFile).doesNotExist();
        assertThat(run("export", "--portfolio", portfolioFile.toString(), "--schedule", "none.json", "--format",
                "xls", "--out", dir.resolve("x").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown export format xls");
    }
}
