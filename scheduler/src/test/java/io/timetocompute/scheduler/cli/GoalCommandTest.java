package io.timetocompute.scheduler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.goal.GoalResult;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import picocli.CommandLine;

class GoalCommandTest extends CommandLineTest {

    private static final LocalDate DAY0 = TestPortfolios.DATA_DATE;

    @TempDir
    Path dir;

    /** twoSites (A-H1 online on day 47, behind a transformer promised for day 40) whose transformer can come on day 30 at 5,000 a day. */
    private Path portfolio() throws Exception {
        Portfolio portfolio = TestPortfolios.twoSites();
        portfolio = portfolio.withShipments(portfolio.shipments().stream()
                .map(s -> s.withExpediteTerms(s.promisedDate().minusDays(10), 5_000L)).toList());
        Path file = dir.resolve("portfolio.json");
        PortfolioJson.write(portfolio, file);
        return file;
    }

    @Test
    void writesTheActionsTheirCostsAndEveryBlocksDate() throws Exception {
        Path result = dir.resolve("goal.json");

        int exit = run("goal", "--portfolio", portfolio().toString(), "--block", "A-H1", "--by",
                DAY0.plusDays(43).toString(), "--seconds", "2", "--out", result.toString());

        assertThat(exit).as(err.toString()).isZero();
        String json = Files.readString(result);
        GoalResult goal = PortfolioJson.mapper().readValue(json, GoalResult.class);
        assertThat(PortfolioJson.mapper().readTree(PortfolioJson.toJson(goal)))
                .isEqualTo(PortfolioJson.mapper().readTree(json));
        assertThat(goal.reached()).isTrue();
        assertThat(goal.bestDate()).isEqualTo(DAY0.plusDays(43));
        assertThat(goal.actions()).singleElement().satisfies(action -> {
            assertThat(action.description()).isEqualTo("shipment A-XFMR expedited to " + DAY0.plusDays(36));
            assertThat(action.cost()).isEqualTo(20_000);
        });
        assertThat(goal.blocks()).hasSize(3);
        assertThat(out.toString()).contains("reached", "A-XFMR");
    }

    @Test
    void anUnknownBlockOrAMissingDateIsBadInput() throws Exception {
        assertThat(run("goal", "--portfolio", portfolio().toString(), "--block", "NOPE", "--by", "2027-03-01",
                "--seconds", "0.5", "--out", dir.resolve("g.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown compute block NOPE");
        assertThat(run("goal", "--portfolio", portfolio().toString(), "--block", "A-H1", "--seconds", "0.5",
                "--out", dir.resolve("g.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--block needs --by");
    }
}
