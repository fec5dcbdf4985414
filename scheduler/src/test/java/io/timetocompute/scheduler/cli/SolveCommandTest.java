package io.timetocompute.scheduler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.timetocompute.scheduler.IndependentScheduleChecker;
import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.portfolio.Dependency;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskMode;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import picocli.CommandLine;

class SolveCommandTest extends CommandLineTest {

    @TempDir
    Path dir;

    private Path write(Portfolio portfolio) throws Exception {
        Path file = dir.resolve("portfolio.json");
        PortfolioJson.write(portfolio, file);
        return file;
    }

    @Test
    void solvesAPortfolioIntoAFeasibleProjectionWithASummary() throws Exception {
        Portfolio portfolio = TestPortfolios.twoHalls();
        Path result = dir.resolve("out/schedule.json");

        int exit = run("solve", "--portfolio", write(portfolio).toString(), "--seconds", "1", "--out",
                result.toString());

        assertThat(exit).isZero();
        ScheduleProjection projection = PortfolioJson.mapper().readValue(result.toFile(), ScheduleProjection.class);
        assertThat(projection.blocks()).hasSize(2).allSatisfy(block -> {
            assertThat(block.onlineDate()).isNotNull();
            assertThat(block.drivingPath()).isNotEmpty();
        });
        assertThat(IndependentScheduleChecker.violations(portfolio, projection)).isEmpty();
        assertThat(out.toString()).contains("H1", "H2", "utility power available");
    }

    @Test
    void aMissingFileIsNamed() {
        int exit = run("solve", "--portfolio", dir.resolve("nope.json").toString(), "--out", "x.json");
        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("not found", "nope.json");
    }

    @Test
    void invalidJsonIsReportedWithItsLocation() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"id\": \"x\", \"tasks\": [ {\"id\": ");
        int exit = run("solve", "--portfolio", file.toString(), "--out", "x.json");
        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("invalid portfolio JSON", "broken.json");
    }

    @Test
    void aDanglingPredecessorIsNamed() throws Exception {
        int exit = run("solve", "--portfolio", write(withTask(1, task -> new Task(task.id(), task.siteId(),
                task.name(), task.phase(), task.modes(), List.of(Dependency.finishToStart("GHOST")), task.materials(),
                false, null, null))).toString(), "--out", "x.json");
        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("H1-FIT", "GHOST");
    }

    @Test
    void aPrecedenceCycleIsNamed() throws Exception {
        int exit = run("solve", "--portfolio", write(withTask(0, task -> new Task(task.id(), task.siteId(),
                task.name(), task.phase(), task.modes(), List.of(Dependency.finishToStart("H1-FIT")), task.materials(),
                false, null, null))).toString(), "--out", "x.json");
        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("cycle", "PREP", "H1-FIT");
    }

    @Test
    void aTaskNoPoolCanStaffIsNamed() throws Exception {
        int exit = run("solve", "--portfolio", write(withTask(2, task -> new Task(task.id(), task.siteId(),
                task.name(), task.phase(), List.of(new TaskMode("standard", 10, Map.of("ELEC", 40), 0, Map.of())),
                task.predecessors(), task.materials(), false, null, null))).toString(), "--out", "x.json");
        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("H2-FIT", "cannot be staffed", "ELEC");
    }

    private static Portfolio withTask(int index, java.util.function.UnaryOperator<Task> change) {
        Portfolio portfolio = TestPortfolios.twoHalls();
        List<Task> tasks = new ArrayList<>(portfolio.tasks());
        tasks.set(index, change.apply(tasks.get(index)));
        return portfolio.withTasks(tasks);
    }
}
