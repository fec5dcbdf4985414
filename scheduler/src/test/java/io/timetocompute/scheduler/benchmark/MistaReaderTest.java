package io.timetocompute.scheduler.benchmark;

import static io.timetocompute.scheduler.benchmark.PsplibReaderTest.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.benchmark.BenchmarkInstance.Kind;
import io.timetocompute.scheduler.portfolio.Budget;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.TaskMode;
import io.timetocompute.scheduler.problem.ProblemCompiler;

class MistaReaderTest {

    @Test
    void readsA1WithTwoProjectsReleaseDatesAndTheGlobalResource() {
        BenchmarkInstance instance = BenchmarkTestData.mista("A-1.txt");

        assertThat(instance.name()).isEqualTo("A-1");
        assertThat(instance.fileName()).isEqualTo("A-1.txt");
        assertThat(instance.kind()).isEqualTo(Kind.MISTA);
        assertThat(instance.projects()).extracting(p -> p.number(), p -> p.release(), p -> p.criticalPathDuration(),
                p -> p.data().fileName(), p -> p.jobCount())
                .containsExactly(tuple(1, 0, 10, "j1011_7.mm", 12), tuple(2, 4, 19, "j1060_2.mm", 12));
        assertThat(instance.globalCapacities()).containsExactly(16, BenchmarkInstance.LOCAL, BenchmarkInstance.LOCAL,
                BenchmarkInstance.LOCAL);
        assertThat(instance.isGlobal(1)).isTrue();
        assertThat(instance.isGlobal(2)).isFalse();

        Portfolio portfolio = instance.portfolio();
        assertThat(portfolio.sites()).extracting(Site::id, Site::name, Site::startNotBefore).containsExactly(
                tuple("P1", "j1011_7.mm", null), tuple("P2", "j1060_2.mm", LocalDate.of(2000, 1, 7)));
        // R 1 is shared with the instance's capacity (the project files say 12 and 18); R 2 stays per project.
        assertThat(portfolio.pools()).extracting(LaborPool::id, LaborPool::baseHeadcount, LaborPool::siteIds)
                .containsExactlyInAnyOrder(tuple("R1", 16, List.of("P1", "P2")), tuple("P1-R2", 13, List.of("P1")),
                        tuple("P2-R2", 24, List.of("P2")));
        assertThat(portfolio.budgets()).extracting(Budget::id, Budget::siteId, Budget::capacity).containsExactly(
                tuple("P1-N1", "P1", 44L), tuple("P1-N2", "P1", 39L), tuple("P2-N1", "P2", 66L),
                tuple("P2-N2", "P2", 56L));
        // Project 1, job 2: "1 1 8 0 0 7", "2 5 0 6 3 0", "3 6 0 6 0 5".
        assertThat(task(portfolio, "P1-J2").modes()).containsExactly(
                new TaskMode("M1", 1, Map.of("R1", 8), 0, Map.of("P1-N2", 7)),
                new TaskMode("M2", 5, Map.of("P1-R2", 6), 0, Map.of("P1-N1", 3)),
                new TaskMode("M3", 6, Map.of("P1-R2", 6), 0, Map.of("P1-N2", 5)));
        assertThat(task(portfolio, "P2-J12").bringsOnline()).isEqualTo("P2-DONE");
        assertThat(task(portfolio, "P2-J12").siteId()).isEqualTo("P2");
        assertThat(instance.jobOfTask("P2-J12")).isEqualTo(new BenchmarkInstance.JobRef(2, 12));
    }

    @Test
    void readsA3WhereTheGlobalResourceIsR2ByPosition() {
        BenchmarkInstance instance = BenchmarkTestData.mista("A-3.txt");

        assertThat(instance.globalCapacities()).containsExactly(BenchmarkInstance.LOCAL, 49, BenchmarkInstance.LOCAL,
                BenchmarkInstance.LOCAL);
        assertThat(instance.projects()).extracting(p -> p.release(), p -> p.criticalPathDuration())
                .containsExactly(tuple(0, 29), tuple(12, 38));
        // R 1 keeps each project's own capacity (47 and 30); R 2 is shared with 49, not the files' 55 and 35.
        assertThat(instance.portfolio().pools()).extracting(LaborPool::id, LaborPool::baseHeadcount,
                LaborPool::siteIds).containsExactlyInAnyOrder(tuple("R2", 49, List.of("P1", "P2")),
                        tuple("P1-R1", 47, List.of("P1")), tuple("P2-R1", 30, List.of("P2")));
        // Project 1 (j3056_5.mm), job 2, mode 1: duration 4, R 1 7, R 2 2, N 1 6, N 2 8.
        assertThat(task(instance.portfolio(), "P1-J2").modes().get(0)).isEqualTo(
                new TaskMode("M1", 4, Map.of("P1-R1", 7, "R2", 2), 0, Map.of("P1-N1", 6, "P1-N2", 8)));
    }

    @Test
    void everyMistaInstanceCompiles() throws IOException {
        List<Path> files = BenchmarkTestData.filesIn("mista2013/instances");
        assertThat(files).hasSize(20);
        for (Path file : files) {
            BenchmarkInstance instance = MistaReader.read(file);
            assertThatCode(() -> ProblemCompiler.compile(instance.portfolio())).as(file.toString())
                    .doesNotThrowAnyException();
        }
    }
}
