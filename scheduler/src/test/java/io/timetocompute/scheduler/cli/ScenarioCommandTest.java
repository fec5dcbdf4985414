package io.timetocompute.scheduler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.scenario.ScenarioReport;
import io.timetocompute.scheduler.scenario.ScenarioReport.BlockDates;
import picocli.CommandLine;

class ScenarioCommandTest extends CommandLineTest {

    private static final LocalDate DAY0 = TestPortfolios.DATA_DATE;

    @TempDir
    Path dir;

    /** twoSites, whose A transformer can come 10 days early at 5,000 a day. */
    private Path portfolio() throws Exception {
        Portfolio portfolio = TestPortfolios.twoSites();
        portfolio = portfolio.withShipments(portfolio.shipments().stream()
                .map(s -> s.id().equals("A-XFMR") ? s.withExpediteTerms(s.promisedDate().minusDays(10), 5_000L) : s)
                .toList());
        Path file = dir.resolve("portfolio.json");
        PortfolioJson.write(portfolio, file);
        return file;
    }

    private static String event(String id, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","type":"%s","source":"/planners/test","time":"2027-01-04T08:00:00Z",
                 "datacontenttype":"application/json","data":%s}""".formatted(id, type, data);
    }

    @Test
    void writesEveryBlocksDateInTheLivePlanAndTheScenarioAndTheReportReadsBack() throws Exception {
        Path changes = dir.resolve("changes.json");
        Files.writeString(changes, "[" + String.join(",",
                event("e1", "io.timetocompute.supply.shipment.eta-changed.v1",
                        "{\"shipmentId\":\"B-XFMR\",\"newDate\":\"" + DAY0.plusDays(60) + "\",\"reason\":\"port\"}"),
                event("l1", "io.timetocompute.lever.expedite.v1",
                        "{\"shipmentId\":\"A-XFMR\",\"date\":\"" + DAY0.plusDays(35) + "\"}"),
                event("l2", "io.timetocompute.lever.expedite.v1",
                        "{\"shipmentId\":\"B-XFMR\",\"date\":\"" + DAY0.plusDays(35) + "\"}")) + "]");
        Path result = dir.resolve("out/report.json");

        int exit = run("scenario", "--portfolio", portfolio().toString(), "--changes", changes.toString(),
                "--seconds", "0.5", "--out", result.toString());

        assertThat(exit).as(err.toString()).isZero();
        String json = Files.readString(result);
        ScenarioReport report = PortfolioJson.mapper().readValue(json, ScenarioReport.class);
        assertThat(PortfolioJson.mapper().readTree(PortfolioJson.toJson(report)))
                .isEqualTo(PortfolioJson.mapper().readTree(json));
        Map<String, BlockDates> blocks = report.blocks().stream()
                .collect(Collectors.toMap(BlockDates::blockId, Function.identity()));
        assertThat(blocks.keySet()).containsExactlyInAnyOrder("A-H1", "A-H2", "B-H1");
        assertThat(blocks.get("A-H1").live()).isEqualTo(DAY0.plusDays(47));
        assertThat(blocks.get("A-H1").scenario()).isEqualTo(DAY0.plusDays(42));
        assertThat(blocks.get("B-H1").deltaDays()).isEqualTo(10);
        assertThat(blocks.get("A-H2").deltaDays()).isZero();
        assertThat(report.leverCost()).isEqualTo(5 * 5_000L);
        assertThat(report.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.id()).isEqualTo("l2");
            assertThat(refused.refusal()).contains("cannot be expedited");
        });
        assertThat(out.toString()).contains("A-H1", "refused l2");
    }

    @Test
    void forksAScheduleWrittenBySolve() throws Exception {
        Path portfolio = portfolio();
        Path live = dir.resolve("live.json");
        assertThat(run("solve", "--portfolio", portfolio.toString(), "--seconds", "0.5", "--out", live.toString()))
                .isZero();
        ScheduleProjection liveSchedule = PortfolioJson.mapper().readValue(live.toFile(), ScheduleProjection.class);
        Path changes = dir.resolve("changes.json");
        Files.writeString(changes, "[" + event("p1", "io.timetocompute.progress.power-date-changed.v1",
                "{\"siteId\":\"B\",\"powerAvailableDate\":\"" + DAY0.plusDays(80) + "\"}") + "]");
        Path result = dir.resolve("report.json");

        int exit = run("scenario", "--portfolio", portfolio.toString(), "--schedule", live.toString(), "--changes",
                changes.toString(), "--seconds", "0.5", "--out", result.toString());

        assertThat(exit).as(err.toString()).isZero();
        ScenarioReport report = PortfolioJson.mapper().readValue(result.toFile(), ScenarioReport.class);
        assertThat(report.liveScore()).isEqualTo(liveSchedule.score());
        assertThat(err.toString()).doesNotContain("solving the live plan");
        BlockDates b1 = report.blocks().stream().filter(b -> b.blockId().equals("B-H1")).findFirst().orElseThrow();
        // Energization (5 days) may not finish before power on day 80.
        assertThat(b1.scenario()).isEqualTo(DAY0.plusDays(81));
        assertThat(b1.live()).isEqualTo(liveSchedule.blocks().stream().filter(b -> b.blockId().equals("B-H1"))
                .findFirst().orElseThrow().onlineDate());
    }

    @Test
    void aBadChangesFileEndsWithExitCode2NamingEveryBadEvent() throws Exception {
        Path changes = dir.resolve("changes.json");
        Files.writeString(changes, "[" + String.join(",",
                event("e1", "io.timetocompute.supply.shipment.teleported.v1", "{}"),
                event("e2", "io.timetocompute.supply.shipment.eta-changed.v1", "{\"shipmentId\":\"B-XFMR\"}"),
                event("e3", "io.timetocompute.lever.headcount.v1",
                        "{\"poolId\":\"A-ELEC\",\"from\":\"2027-02-01\",\"to\":\"2027-03-01\",\"delta\":2,\"x\":1}"))
                + "]");

        int exit = run("scenario", "--portfolio", portfolio().toString(), "--changes", changes.toString(),
                "--seconds", "0.5", "--out", dir.resolve("r.json").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("event #1: unknown type io.timetocompute.supply.shipment.teleported.v1",
                "event #2: newDate is missing", "event #3: malformed data", "\"x\"");
        assertThat(dir.resolve("r.json")).doesNotExist();
    }
}
