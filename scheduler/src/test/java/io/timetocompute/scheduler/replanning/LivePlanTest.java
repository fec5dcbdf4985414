package io.timetocompute.scheduler.replanning;

import io.timetocompute.scheduler.solver.ImprovementGate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.IndependentScheduleChecker;
import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.portfolio.CapacityAdjustment;
import io.timetocompute.scheduler.portfolio.TaskStatus;
import io.timetocompute.scheduler.projection.ScheduleProjection.BlockProjection;
import io.timetocompute.scheduler.replanning.LivePlan.BlockDateChange;
import io.timetocompute.scheduler.replanning.LivePlan.Publication;
import io.timetocompute.scheduler.solver.AppliedChange;

class LivePlanTest {

    private static final LocalDate DAY0 = TestPortfolios.DATA_DATE;

    private final List<Publication> publications = new CopyOnWriteArrayList<>();
    private LivePlan service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private LivePlan started() throws InterruptedException {
        service = new LivePlan(TestPortfolios.twoSites(), publications::add, Duration.ofMillis(100), Duration.ZERO, 1)
                .start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !publications.isEmpty());
        return service;
    }

    private Map<String, LocalDate> latestDates() {
        return service.latestPublication().orElseThrow().projection().blocks().stream()
                .collect(Collectors.toMap(BlockProjection::blockId, BlockProjection::onlineDate));
    }

    @Test
    void theFirstPublicationProjectsEveryBlock() throws InterruptedException {
        started();
        Publication first = publications.get(0);
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.changes()).extracting(BlockDateChange::blockId)
                .containsExactlyInAnyOrder("A-H1", "A-H2", "B-H1");
    }

    @Test
    void aShipmentDelayMovesOnlyTheBlockThatWaitsForItAndNamesTheEvent() throws InterruptedException {
        started();
        await().atMost(Duration.ofSeconds(10)).until(() -> latestDates().get("A-H1").equals(DAY0.plusDays(47)));
        Map<String, LocalDate> before = latestDates();

        service.submit(new ShipmentEtaChange("evt-1", Instant.now(), "A-XFMR", DAY0.plusDays(70), "port congestion"));

        await().atMost(Duration.ofSeconds(10)).until(() -> latestDates().get("A-H1").equals(DAY0.plusDays(77)));
        BlockDateChange moved = publications.stream().flatMap(p -> p.changes().stream())
                .filter(change -> change.blockId().equals("A-H1") && change.newDate().equals(DAY0.plusDays(77)))
                .findFirst().orElseThrow();
        assertThat(moved.deltaDays()).isEqualTo(30);
        assertThat(moved.causes()).extracting(AppliedChange::eventId).containsExactly("evt-1");
        assertThat(latestDates().get("A-H2")).isEqualTo(before.get("A-H2"));
        assertThat(latestDates().get("B-H1")).isEqualTo(before.get("B-H1"));
        assertThat(IndependentScheduleChecker.violations(service.portfolio(),
                service.latestPublication().orElseThrow().projection())).isEmpty();
    }

    @Test
    void aChangeThatMovesNoDateIsStillPublishedAndNamed() throws InterruptedException {
        started();
        Map<String, LocalDate> before = latestDates();

        // More electricians long after all work is done: nothing can move.
        service.submit(new PoolCapacityChange("evt-idle", Instant.now(), "A-ELEC",
                new CapacityAdjustment(DAY0.plusDays(900), DAY0.plusDays(950), null, 5, "idle crew")));

        Publication quiet = await().atMost(Duration.ofSeconds(10)).until(() -> publications.stream()
                .filter(p -> p.newlyApplied().stream().anyMatch(c -> c.eventId().equals("evt-idle"))).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(quiet.changes()).isEmpty();
        assertThat(latestDates()).isEqualTo(before);
    }

    @Test
    void anEarlierDeliveryNamesTheEventOnTheDatesItsRepairPullsIn() throws InterruptedException {
        started();
        await().atMost(Duration.ofSeconds(10)).until(() -> latestDates().get("A-H1").equals(DAY0.plusDays(47)));

        // The schedule as it stands stays feasible (nothing starts before the transformer is in), so it may be
        // published before its repair; the dates the repair then pulls in are still this event's doing.
        service.submit(new ShipmentEtaChange("evt-early", Instant.now(), "A-XFMR", DAY0.plusDays(20), "air freight"));

        await().atMost(Duration.ofSeconds(10)).until(() -> latestDates().get("A-H1").equals(DAY0.plusDays(27)));
        BlockDateChange pulledIn = publications.stream().flatMap(p -> p.changes().stream())
                .filter(change -> change.blockId().equals("A-H1") && change.newDate().equals(DAY0.plusDays(27)))
                .findFirst().orElseThrow();
        assertThat(pulledIn.deltaDays()).isEqualTo(-20);
        assertThat(pulledIn.causes()).extracting(AppliedChange::eventId).containsExactly("evt-early");
    }

    @Test
    void anInvalidChangeIsRefusedAndChangesNothing() throws InterruptedException {
        started();
        var before = service.portfolio();

        assertThatThrownBy(() -> service.submit(
                new ShipmentEtaChange("evt-bad", Instant.now(), "NO-SUCH-SHIPMENT", DAY0.plusDays(5), null)))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("NO-SUCH-SHIPMENT");
        assertThatThrownBy(() -> service.submit(new PoolCapacityChange("evt-bad-2", Instant.now(), "A-ELEC",
                new CapacityAdjustment(DAY0.plusDays(9), DAY0.plusDays(3), 5, null, "typo"))))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("before it starts");

        assertThat(service.portfolio()).isSameAs(before);
    }

    @Test
    void aBatchAppliesItsValidChangesTogetherRefusesTheInvalidOneAndNamesEveryEvent() throws InterruptedException {
        started();
        await().atMost(Duration.ofSeconds(10)).until(() -> latestDates().get("A-H1").equals(DAY0.plusDays(47)));
        long versionBefore = service.latestPublication().orElseThrow().version();

        List<RefusedChange> refused = service.submitAll(List.of(
                new ShipmentEtaChange("batch-1", Instant.now(), "A-XFMR", DAY0.plusDays(60), null),
                new ShipmentEtaChange("batch-bad", Instant.now(), "NO-SUCH-SHIPMENT", DAY0.plusDays(5), null),
                new ShipmentEtaChange("batch-2", Instant.now(), "A-XFMR", DAY0.plusDays(70), "port congestion"),
                new ShipmentEtaChange("batch-3", Instant.now(), "B-XFMR", DAY0.plusDays(80), null)));

        assertThat(refused).extracting(r -> r.change().eventId()).containsExactly("batch-bad");
        assertThat(refused.get(0).reason()).contains("NO-SUCH-SHIPMENT");
        // in order: the later ETA of A-XFMR wins
        assertThat(service.portfolio().shipments()).filteredOn(s -> s.id().equals("A-XFMR"))
                .extracting(s -> s.promisedDate()).containsExactly(DAY0.plusDays(70));
        await().atMost(Duration.ofSeconds(10)).until(() -> latestDates().get("A-H1").equals(DAY0.plusDays(77))
                && latestDates().get("B-H1").equals(DAY0.plusDays(87)));
        List<Publication> after = publications.stream().filter(p -> p.version() > versionBefore).toList();
        assertThat(after.stream().flatMap(p -> p.newlyApplied().stream()).map(AppliedChange::eventId))
                .containsExactly("batch-1", "batch-2", "batch-3");
        // Each block names the events about what its date waits for, not every event of the batch.
        BlockDateChange movedA = after.stream().flatMap(p -> p.changes().stream())
                .filter(change -> change.blockId().equals("A-H1")).findFirst().orElseThrow();
        assertThat(movedA.causes()).extracting(AppliedChange::eventId).containsExactly("batch-1", "batch-2");
        BlockDateChange movedB = after.stream().flatMap(p -> p.changes().stream())
                .filter(change -> change.blockId().equals("B-H1")).findFirst().orElseThrow();
        assertThat(movedB.causes()).extracting(AppliedChange::eventId).containsExactly("batch-3");
    }

    @Test
    void aBurstOfChangesEndsInTheLastStateWithEveryEventAccountedForOnce() throws InterruptedException {
        started();
        for (int i = 1; i <= 10; i++) {
            service.submit(new ShipmentEtaChange("burst-" + i, Instant.now(), "B-XFMR", DAY0.plusDays(50 + 3 * i),
                    null));
        }
        // B-XFMR last at day 80, +2 receiving, 5 days of energization: online on day 87
        await().atMost(Duration.ofSeconds(10)).until(() -> latestDates().get("B-H1").equals(DAY0.plusDays(87)));
        List<String> attributed = publications.stream().flatMap(p -> p.newlyApplied().stream())
                .map(AppliedChange::eventId).toList();
        assertThat(attributed).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(publications.stream()
                .flatMap(p -> p.newlyApplied().stream()).map(AppliedChange::eventId).toList())
                .containsAll(List.of("burst-1", "burst-10")));
        assertThat(publications.size()).isLessThan(12);
    }

    /** Delays a shipment that sets some block's date, so that the delay must move that date. */
    private void delayADrivingShipmentAndAwaitItsRepair(String eventId) {
        String shipment = publications.get(0).projection().blocks().stream()
                .flatMap(block -> block.drivingPath().stream()).filter(step -> step.kind().equals("SHIPMENT"))
                .findFirst().orElseThrow().id();
        LocalDate later = service.portfolio().shipments().stream().filter(s -> s.id().equals(shipment))
                .findFirst().orElseThrow().promisedDate().plusDays(200);
        service.submit(new ShipmentEtaChange(eventId, Instant.now(), shipment, later, "test"));
        await().atMost(Duration.ofSeconds(10)).until(() -> publications.stream()
                .anyMatch(p -> p.newlyApplied().stream().anyMatch(c -> c.eventId().equals(eventId))));
    }

    @Test
    void theSolversOwnImprovementsWaitForTheIntervalButEventsDoNot() throws InterruptedException {
        // A demo portfolio that the solver keeps improving for a while after its first schedule.
        service = new LivePlan(io.timetocompute.scheduler.demo.DemoPortfolioGenerator.generate(1000, 3),
                publications::add, Duration.ofMillis(50), Duration.ofHours(1), 1).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !publications.isEmpty());
        Thread.sleep(3000);
        assertThat(publications).hasSize(1);

        delayADrivingShipmentAndAwaitItsRepair("evt-late");
        assertThat(publications).allMatch(p -> p.version() == 1 || !p.newlyApplied().isEmpty());
    }

    @Test
    void whileIngestionHoldsImprovementTheSolverRepairsChangesButImprovesOnlyAfterwards() throws InterruptedException {
        service = new LivePlan(io.timetocompute.scheduler.demo.DemoPortfolioGenerator.generate(1000, 3),
                publications::add, Duration.ofMillis(50), Duration.ZERO, 1);
        ImprovementGate.Hold hold = service.holdImprovement();
        service.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !publications.isEmpty());

        delayADrivingShipmentAndAwaitItsRepair("evt-held");
        Thread.sleep(2000);
        assertThat(publications).as("only the first schedule and the repair, no improvement")
                .allMatch(p -> p.version() == 1 || !p.newlyApplied().isEmpty());

        hold.close();
        await().atMost(Duration.ofSeconds(20)).until(() -> publications.stream()
                .anyMatch(p -> p.version() > 1 && p.newlyApplied().isEmpty()));
    }

    @Test
    void reportedProgressIsPinnedAndMovesTheDataDate() throws InterruptedException {
        started();
        service.submit(TaskProgressChange.started("evt-start", Instant.now(), "A-PREP", DAY0.plusDays(3), null));

        assertThat(service.portfolio().dataDate()).isEqualTo(DAY0.plusDays(3));
        assertThat(service.portfolio().tasks().stream().filter(t -> t.id().equals("A-PREP")).findFirst()
                .orElseThrow().progress().status()).isEqualTo(TaskStatus.IN_PROGRESS);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var tasks = service.latestPublication().orElseThrow().projection().tasks().stream()
                    .collect(Collectors.toMap(t -> t.id(), Function.identity()));
            assertThat(tasks.get("A-PREP").status()).isEqualTo("IN_PROGRESS");
            assertThat(tasks.get("A-PREP").start()).isEqualTo(DAY0.plusDays(3));
        });
    }

    @Test
    void theFirstScheduleIsPublishedOnceTheFirstSolveHadItsBudget() throws InterruptedException {
        service = new LivePlan(TestPortfolios.twoSites(), publications::add, Duration.ofMillis(50), Duration.ZERO, 1)
                .publishFirstAfter(Duration.ofMillis(1500)).start();
        Thread.sleep(700);
        assertThat(publications).isEmpty();
        LivePlan.FirstSolve progress = service.firstSolve();
        assertThat(progress.published()).isFalse();
        assertThat(progress.elapsed()).isPositive().isLessThan(progress.budget());
        assertThat(progress.score()).isNotNull();

        await().atMost(Duration.ofSeconds(10)).until(() -> !publications.isEmpty());
        assertThat(publications.get(0).version()).isEqualTo(1);
        assertThat(Duration.between(publications.get(0).publishedAt(), Instant.now())).isLessThan(Duration.ofSeconds(9));
        assertThat(service.firstSolve().published()).isTrue();
    }

    @Test
    void aPlannerMayApproveTheFirstScheduleBeforeItsBudget() throws InterruptedException {
        service = new LivePlan(TestPortfolios.twoSites(), publications::add, Duration.ofMillis(50), Duration.ZERO, 1)
                .publishFirstAfter(Duration.ofHours(1)).start();
        Thread.sleep(500);
        assertThat(publications).isEmpty();

        service.approveFirstPlan();

        await().atMost(Duration.ofSeconds(5)).until(() -> !publications.isEmpty());
        assertThat(publications.get(0).changes()).hasSize(3);
    }
}
