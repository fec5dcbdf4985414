package io.timetocompute.scheduler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.timetocompute.scheduler.portfolio.PortfolioJson;
import picocli.CommandLine;

class RiskCommandTest extends CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void writesPercentilesPerBlockAndCriticalityPerTaskLearnedFromTheHistory() throws Exception {
        Path portfolio = dir.resolve("demo.json");
        Path history = dir.resolve("history.json");
        Path risk = dir.resolve("risk.json");
        assertThat(run("generate", "--tasks", "300", "--seed", "3", "--out", portfolio.toString(), "--history",
                history.toString())).isZero();
        assertThat(run("risk", "--portfolio", portfolio.toString(), "--history", history.toString(), "--samples",
                "50", "--seed", "4", "--out", risk.toString())).as(err.toString()).isZero();
        JsonNode document = PortfolioJson.mapper().readTree(risk.toFile());
        assertThat(document.get("samples").asInt()).isEqualTo(50);
        JsonNode block = document.get("blocks").get(0);
        for (String field : new String[] {"deterministicDate", "p10", "p50", "p80", "p90"}) {
            assertThat(block.hasNonNull(field)).as(field).isTrue();
        }
        assertThat(block.get("p10").asText()).isLessThanOrEqualTo(block.get("p50").asText());
        assertThat(block.get("p80").asText()).isLessThanOrEqualTo(block.get("p90").asText());
        assertThat(document.get("tasks").size()).isGreaterThan(200);
        assertThat(document.get("tasks").get(0).has("criticality")).isTrue();
        assertThat(document.get("estimates").size()).isPositive();
        assertThat(out.toString()).contains("50 samples of");
    }

    @Test
    void badInputIsAClearErrorNotAStackTrace() {
        assertThat(run("risk", "--portfolio", dir.resolve("missing.json").toString(), "--out",
                dir.resolve("r.json").toString())).isNotZero();
        assertThat(err.toString()).contains("missing.json").doesNotContain("\tat ");
        assertThat(run("risk", "--portfolio", "x.json", "--samples", "0", "--out", "r.json")).isNotZero();
        assertThat(err.toString()).contains("--samples must be positive");
    }
}
