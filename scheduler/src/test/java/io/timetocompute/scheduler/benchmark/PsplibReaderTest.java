package io.timetocompute.scheduler.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.timetocompute.scheduler.benchmark.BenchmarkInstance.Kind;
import io.timetocompute.scheduler.portfolio.Budget;
import io.timetocompute.scheduler.portfolio.Dependency;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.portfolio.TaskMode;
import io.timetocompute.scheduler.problem.ProblemCompiler;

class PsplibReaderTest {

    @Test
    void readsTheSingleModeJ30FileJ301_1() {
        BenchmarkInstance instance = BenchmarkTestData.psplib("psplib/j30/j301_1.sm");

        assertThat(instance.name()).isEqualTo("j301_1");
        assertThat(instance.fileName()).isEqualTo("j301_1.sm");
        assertThat(instance.kind()).isEqualTo(Kind.PSPLIB_SM);
        assertThat(instance.projects()).hasSize(1);
        BenchmarkInstance.Project project = instance.project(1);
        assertThat(project.release()).isZero();
        assertThat(project.criticalPathDuration()).isZero();
        assertThat(project.jobCount()).isEqualTo(32);
        assertThat(project.data().mpmTime()).isEqualTo(38);
        assertThat(project.data().renewableCapacities()).containsExactly(12, 13, 4, 12);
        assertThat(project.data().nonRenewableCapacities()).isEmpty();
        assertThat(instance.globalCapacities()).containsOnly(BenchmarkInstance.LOCAL).hasSize(4);

        Portfolio portfolio = instance.portfolio();
        assertThat(portfolio.dataDate()).isEqualTo(LocalDate.of(2000, 1, 3));
        assertThat(portfolio.defaultCalendar()).isEqualTo("every-day");
        assertThat(portfolio.freezeWindowDays()).isZero();
        assertThat(portfolio.disruptionCostPerDay()).isZero();
        assertThat(portfolio.tasks()).hasSize(32);
        assertThat(portfolio.budgets()).isEmpty();
        assertThat(portfolio.pools()).extracting(LaborPool::id, LaborPool::baseHeadcount, LaborPool::siteIds)
                .containsExactly(
                        tuple("P1-R1", 12, List.of("P1")),
                        tuple("P1-R2", 13, List.of("P1")),
                        tuple("P1-R3", 4, List.of("P1")),
                        tuple("P1-R4", 12, List.of("P1")));

        Site site = portfolio.sites().get(0);
        assertThat(site.id()).isEqualTo("P1");
        assertThat(site.name()).isEqualTo("j301_1.sm");
        assertThat(site.startNotBefore()).isNull();
        assertThat(site.powerAvailableDate()).isNull();
        assertThat(site.computeBlocks()).singleElement().satisfies(block -> {
            assertThat(block.id()).isEqualTo("P1-DONE");
            assertThat(block.valuePerDay()).isEqualTo(1);
            assertThat(block.itMw()).isZero();
            assertThat(block.contractDate()).isNull();
        });

        // Job 2: duration 8, 4 of R 1; successors 6, 11, 15; its only predecessor is the source.
        Task job2 = task(portfolio, "P1-J2");
        assertThat(job2.name()).isEqualTo("job 2");
        assertThat(job2.phase()).isEqualTo("benchmark");
        assertThat(job2.predecessors()).containsExactly(Dependency.finishToStart("P1-J1"));
        assertThat(job2.modes()).containsExactly(new TaskMode("M1", 8, Map.of("P1-R1", 4), 0, Map.of()));
        assertThat(task(portfolio, "P1-J6").predecessors()).containsExactly(Dependency.finishToStart("P1-J2"));
        // The sink waits for jobs 29, 30 and 31 and brings the project's block online.
        Task sink = task(portfolio, "P1-J32");
        assertThat(sink.predecessors()).extracting(Dependency::taskId).containsExactly("P1-J29", "P1-J30", "P1-J31");
        assertThat(sink.bringsOnline()).isEqualTo("P1-DONE");
        assertThat(sink.modes()).containsExactly(new TaskMode("M1", 0, Map.of(), 0, Map.of()));
        assertThat(portfolio.tasks()).filteredOn(task -> task.bringsOnline() != null).hasSize(1);
    }

    @Test
    void readsTheMultiModeJ10FileWithModesAndBudgets() {
        BenchmarkInstance instance = BenchmarkTestData.psplib("psplib/mm/j10/j1010_1.mm");

        assertThat(instance.kind()).isEqualTo(Kind.PSPLIB_MM);
        assertThat(instance.fileName()).isEqualTo("j1010_1.mm");
        BenchmarkInstance.Project project = instance.project(1);
        assertThat(project.jobCount()).isEqualTo(12);
        assertThat(project.modeCount(1)).isEqualTo(1);
        assertThat(project.modeCount(2)).isEqualTo(3);
        assertThat(project.modeCount(12)).isEqualTo(1);
        assertThat(project.data().renewableCapacities()).containsExactly(11, 9);
        assertThat(project.data().nonRenewableCapacities()).containsExactly(42, 17);

        Portfolio portfolio = instance.portfolio();
        assertThat(portfolio.pools()).extracting(LaborPool::id).containsExactly("P1-R1", "P1-R2");
        assertThat(portfolio.budgets()).containsExactly(new Budget("P1-N1", "P1", "project 1 resource N 1", 42),
                new Budget("P1-N2", "P1", "project 1 resource N 2", 17));
        // Job 3: "1 1 0 6 2 0", "2 7 0 6 0 6", "3 10 8 0 0 6" (mode, duration, R 1, R 2, N 1, N 2).
        assertThat(task(portfolio, "P1-J3").modes()).containsExactly(
                new TaskMode("M1", 1, Map.of("P1-R2", 6), 0, Map.of("P1-N1", 2)),
                new TaskMode("M2", 7, Map.of("P1-R2", 6), 0, Map.of("P1-N2", 6)),
                new TaskMode("M3", 10, Map.of("P1-R1", 8), 0, Map.of("P1-N2", 6)));
        assertThat(task(portfolio, "P1-J11").predecessors()).extracting(Dependency::taskId)
                .containsExactly("P1-J2", "P1-J3", "P1-J4");
        assertThat(instance.jobOfTask("P1-J11")).isEqualTo(new BenchmarkInstance.JobRef(1, 11));
        assertThat(BenchmarkInstance.modeNumber("M3")).isEqualTo(3);
    }

    @Test
    void everyJ30SingleModeInstanceCompiles() throws IOException {
        List<Path> files = BenchmarkTestData.filesIn("psplib/j30");
        assertThat(files).hasSize(480);
        for (Path file : files) {
            BenchmarkInstance instance = PsplibReader.read(file);
            assertThat(instance.jobCount()).as(file.toString()).isEqualTo(32);
            assertThatCode(() -> ProblemCompiler.compile(instance.portfolio())).as(file.toString())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void everyJ10MultiModeInstanceCompilesEvenWithModesAboveCapacity() throws IOException {
        // Some j10 modes need more of a renewable than its capacity; each job keeps at least one staffable mode.
        List<Path> files = BenchmarkTestData.filesIn("psplib/mm/j10");
        assertThat(files).hasSize(536);
        for (Path file : files) {
            BenchmarkInstance instance = PsplibReader.read(file);
            assertThatCode(() -> ProblemCompiler.compile(instance.portfolio())).as(file.toString())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aTruncatedFileFailsWithItsNameAndLine(@TempDir Path folder) throws IOException {
        List<String> lines = Files.readAllLines(BenchmarkTestData.root().resolve("psplib/j30/j301_1.sm"));
        Path truncated = folder.resolve("truncated.sm");
        Files.write(truncated, lines.subList(0, 30));

        assertThatThrownBy(() -> PsplibReader.read(truncated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated.sm");
    }

    static Task task(Portfolio portfolio, String id) {
        return portfolio.tasks().stream().filter(task -> task.id().equals(id)).findFirst().orElseThrow();
    }
}
