package io.timetocompute.scheduler.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.timetocompute.scheduler.benchmark.BenchmarkChecker.Objectives;
import io.timetocompute.scheduler.benchmark.BenchmarkInstance.Project;
import io.timetocompute.scheduler.benchmark.BenchmarkSolution.Entry;
import io.timetocompute.scheduler.benchmark.References.MistaReference;

class BenchmarkCheckerTest {

    /** All 30 with the whole sets given; otherwise those of the instances shipped in the test resources. */
    static Stream<Named<MistaReference>> publishedMistaSolutions() {
        boolean wholeSets = BenchmarkTestData.givenDataFolder().isPresent();
        return BenchmarkTestData.references().publishedMistaSolutions().stream()
                .filter(reference -> wholeSets || Files.isRegularFile(reference.solutionFile()))
                .map(reference -> Named.of(reference.instanceFile() + " " + reference.source(), reference));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedMistaSolutions")
    void everyPublishedMistaScheduleIsFeasibleAndReproducesItsReportedTpdAndTms(MistaReference reference) {
        BenchmarkInstance instance = BenchmarkTestData.mista(reference.instanceFile());
        BenchmarkSolution solution = BenchmarkSolution.readMistaFormat(reference.solutionFile());

        assertThat(solution.schedule()).hasSize(instance.jobCount());
        assertThat(BenchmarkChecker.violations(instance, solution)).isEmpty();
        Objectives objectives = BenchmarkChecker.objectives(instance, solution);
        assertThat(objectives.totalProjectDelay()).isEqualTo(reference.totalProjectDelay());
        assertThat(objectives.totalMakespan()).isEqualTo(reference.totalMakespan());
    }

    @Test
    void allThirtyPublishedSchedulesAreCovered() {
        BenchmarkTestData.assumeWholeSets();
        assertThat(BenchmarkTestData.references().publishedMistaSolutions()).hasSize(30);
    }

    @Test
    void flagsAJobMovedBeforeItsPredecessorFinishes() {
        BenchmarkInstance instance = BenchmarkTestData.mista("A-1.txt");
        BenchmarkSolution published = publishedA1();
        // Project 1, job 5 follows job 2; put it at period 0, before job 2 can have finished.
        BenchmarkSolution broken = change(published, 1, 5, entry -> new Entry(1, 5, entry.mode(), 0));

        assertThat(BenchmarkChecker.violations(instance, broken))
                .anySatisfy(message -> assertThat(message).startsWith("project 1 job 5: starts at 0, before its "
                        + "predecessor job 2 finishes"));
    }

    @Test
    void flagsAJobStartedBeforeItsProjectsRelease() {
        BenchmarkInstance instance = BenchmarkTestData.mista("A-1.txt");
        BenchmarkSolution broken = change(publishedA1(), 2, 1, entry -> new Entry(2, 1, entry.mode(), 0));

        assertThat(BenchmarkChecker.violations(instance, broken))
                .contains("project 2 job 1: starts at 0, before the project's release 4");
    }

    @Test
    void flagsMissingDuplicatedAndUnknownJobsAndModes() {
        BenchmarkInstance instance = BenchmarkTestData.mista("A-1.txt");
        List<Entry> entries = new ArrayList<>(publishedA1().schedule());
        entries.removeIf(entry -> entry.project() == 1 && entry.job() == 7);
        entries.add(new Entry(2, 3, 1, 30));
        entries.add(new Entry(3, 1, 1, 0));
        entries.add(new Entry(1, 13, 1, 0));
        entries.replaceAll(entry -> entry.project() == 2 && entry.job() == 4 ? new Entry(2, 4, 4, entry.start())
                : entry);

        assertThat(BenchmarkChecker.violations(instance, new BenchmarkSolution(entries))).contains(
                "project 1 job 7: missing",
                "project 2 job 3: listed more than once",
                "project 3 job 1: project 3 does not exist",
                "project 1 job 13: job does not exist (project has 12 jobs)",
                "project 2 job 4: mode 4 does not exist (modes 1..3)");
    }

    @Test
    void flagsAnOverloadedGlobalResourceAgainstTheInstanceCapacityNotTheProjectFiles() {
        BenchmarkInstance instance = BenchmarkTestData.mista("A-1.txt");
        BenchmarkSolution published = publishedA1();
        int peak = peakUsage(instance, published, 1);
        // The shared R 1 must be checked over both projects together against the instance's 16.
        assertThat(peak).isLessThanOrEqualTo(16).isGreaterThan(instance.project(1).data().renewableCapacities().get(0));

        BenchmarkInstance tighter = withGlobalCapacity(instance, 1, peak - 1);
        assertThat(BenchmarkChecker.violations(tighter, published))
                .anySatisfy(message -> assertThat(message).startsWith("global R 1: period")
                        .endsWith("use up to " + peak + ", capacity " + (peak - 1)));
    }

    @Test
    void theBestKnownA5ScheduleIsInfeasibleUnderTheFirstColumnsReadingOfGlobalResources() {
        BenchmarkInstance positional = BenchmarkTestData.mista("A-5.txt");
        assertThat(positional.globalCapacities()).containsExactly(BenchmarkInstance.LOCAL, 13, BenchmarkInstance.LOCAL,
                BenchmarkInstance.LOCAL);
        BenchmarkSolution bestKnown = BenchmarkSolution.readMistaFormat(
                BenchmarkTestData.references().mista("A-5.txt").orElseThrow().solutionFile());
        // The importer trap: one global resource read as "R 1 is global" instead of by position.
        BenchmarkInstance firstColumns = withGlobalCapacity(withGlobalCapacity(positional, 2, BenchmarkInstance.LOCAL),
                1, 13);

        assertThat(BenchmarkChecker.violations(positional, bestKnown)).isEmpty();
        assertThat(BenchmarkChecker.violations(firstColumns, bestKnown)).isNotEmpty();
    }

    @Test
    void flagsLocalOverloadsOfAnEarliestStartScheduleThatIgnoresCapacities() {
        BenchmarkInstance instance = BenchmarkTestData.psplib("psplib/j30/j301_1.sm");
        BenchmarkSolution earliest = earliestStarts(instance, job -> 1);

        List<String> violations = BenchmarkChecker.violations(instance, earliest);
        assertThat(violations).isNotEmpty().allSatisfy(message -> assertThat(message).startsWith("project 1 R "));
        // The critical path alone gives the MPM-Time of the file.
        assertThat(BenchmarkChecker.objectives(instance, earliest).makespan()).isEqualTo(38);
    }

    @Test
    void flagsABrokenNonRenewableBudget() {
        BenchmarkInstance instance = BenchmarkTestData.psplib("psplib/mm/j10/j1010_1.mm");
        PsplibProject data = instance.project(1).data();
        // The mode with the largest N 1 of every job: 7+2+6+9+7+4+8+8+7+4 = 62 > 42.
        BenchmarkSolution greedy = earliestStarts(instance, job -> data.job(job).modes().stream()
                .max(Comparator.comparingInt(mode -> mode.nonRenewableDemands().get(0))).orElseThrow().number());

        assertThat(BenchmarkChecker.violations(instance, greedy)).contains("project 1 N 1: uses 62, budget 42");
    }

    @Test
    void aSolutionSurvivesTheJsonRoundTrip(@TempDir Path folder) {
        BenchmarkSolution published = publishedA1();
        Path file = folder.resolve("A-1.json");

        published.write(file);
        BenchmarkSolution read = BenchmarkSolution.read(file);

        assertThat(read).isEqualTo(published);
        assertThat(read.schedule().get(0)).isEqualTo(new Entry(1, 1, 1, 0));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static BenchmarkSolution publishedA1() {
        return BenchmarkSolution.readMistaFormat(
                BenchmarkTestData.references().mista("A-1.txt").orElseThrow().solutionFile());
    }

    private static BenchmarkSolution change(BenchmarkSolution solution, int project, int job,
            UnaryOperator<Entry> change) {
        List<Entry> entries = new ArrayList<>(solution.schedule());
        entries.replaceAll(entry -> entry.project() == project && entry.job() == job ? change.apply(entry) : entry);
        return new BenchmarkSolution(entries);
    }

    private static int peakUsage(BenchmarkInstance instance, BenchmarkSolution solution, int column) {
        int[] usage = new int[1000];
        for (Entry entry : solution.schedule()) {
            PsplibProject.Mode mode = instance.project(entry.project()).data().job(entry.job()).mode(entry.mode());
            for (int period = entry.start(); period < entry.start() + mode.duration(); period++) {
                usage[period] += mode.renewableDemands().get(column - 1);
            }
        }
        return Arrays.stream(usage).max().orElse(0);
    }

    private static BenchmarkInstance withGlobalCapacity(BenchmarkInstance instance, int column, int capacity) {
        List<Integer> capacities = new ArrayList<>(instance.globalCapacities());
        capacities.set(column - 1, capacity);
        return new BenchmarkInstance(instance.name(), instance.kind(), instance.portfolio(), instance.projects(),
                capacities);
    }

    /** Every job as early as its predecessors allow in the chosen mode, resources ignored (job order is topological). */
    private static BenchmarkSolution earliestStarts(BenchmarkInstance instance,
            IntUnaryOperator modeOfJob) {
        Project project = instance.project(1);
        PsplibProject data = project.data();
        int[] start = new int[data.jobCount() + 1];
        List<Entry> entries = new ArrayList<>();
        for (PsplibProject.Job job : data.jobs()) {
            int mode = modeOfJob.applyAsInt(job.number());
            entries.add(new Entry(1, job.number(), mode, start[job.number()]));
            int finish = start[job.number()] + job.mode(mode).duration();
            for (int successor : job.successors()) {
                start[successor] = Math.max(start[successor], finish);
            }
        }
        return new BenchmarkSolution(entries);
    }
}
