package io.timetocompute.scheduler.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.benchmark.References.MakespanReference;
import io.timetocompute.scheduler.benchmark.References.MistaReference;

class ReferencesTest {

    @Test
    void singleModeJ30HasItsOptimum() {
        MakespanReference j301 = BenchmarkTestData.references().makespan("j301_1.sm").orElseThrow();

        assertThat(j301.upperBound()).isEqualTo(43);
        assertThat(j301.lowerBound()).isEqualTo(43);
        assertThat(j301.optimal()).isTrue();
    }

    @Test
    void openJ120InstancesHaveAnUpperBoundOnly() {
        MakespanReference open = BenchmarkTestData.references().makespan("j12060_10.sm").orElseThrow();

        assertThat(open.set()).isEqualTo("j120");
        assertThat(open.upperBound()).isNotNull();
        assertThat(open.lowerBound()).isNull();
        assertThat(open.optimal()).isFalse();
    }

    @Test
    void multiModeNamesDoNotCollideWithSingleModeNames() {
        // j301_1 exists in both J30 sets: optimal 43 as .sm, no feasible schedule listed as .mm.
        assertThat(BenchmarkTestData.references().makespan("j301_1.mm").orElseThrow().status()).isEqualTo("no_feasible_solution_listed");
        assertThat(BenchmarkTestData.references().makespan("j301_1.mm").orElseThrow().upperBound()).isNull();
        assertThat(BenchmarkTestData.references().makespan("j1010_1.mm").orElseThrow().upperBound()).isEqualTo(17);
        assertThat(BenchmarkTestData.references().makespan("j101_1.mm").orElseThrow().status()).isEqualTo("infeasible");
    }

    @Test
    void mistaSetAUsesThe2013BestKnownAndSetBTheChallengeEntry() {
        MistaReference a10 = BenchmarkTestData.references().mista("A-10.txt").orElseThrow();
        assertThat(a10.totalProjectDelay()).isEqualTo(969);
        assertThat(a10.totalMakespan()).isEqualTo(314);
        assertThat(a10.source()).isEqualTo(References.BEST_KNOWN_2013);

        MistaReference b1 = BenchmarkTestData.references().mista("B-1.txt").orElseThrow();
        assertThat(b1.totalProjectDelay()).isEqualTo(445);
        assertThat(b1.totalMakespan()).isEqualTo(136);
        assertThat(b1.source()).isEqualTo(References.TRICEO);
        assertThat(b1.solutionFile()).exists();
    }

    @Test
    void findsTheReferenceOfAnInstance() {
        BenchmarkInstance a1 = BenchmarkTestData.mista("A-1.txt");

        assertThat(BenchmarkTestData.references().mista(a1)).map(MistaReference::totalProjectDelay).contains(1);
        assertThat(BenchmarkTestData.references().makespan(a1)).isEmpty();
    }
}
