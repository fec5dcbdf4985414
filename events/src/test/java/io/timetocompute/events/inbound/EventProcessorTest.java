package io.timetocompute.events.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.timetocompute.events.contract.EventTypes;
import io.timetocompute.events.contract.Suppliers;
import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.replanning.PlanIntake;
import io.timetocompute.scheduler.replanning.PortfolioChange;
import io.timetocompute.scheduler.replanning.RefusedChange;
import io.timetocompute.scheduler.replanning.LivePlan;
import io.timetocompute.scheduler.solver.ImprovementGate;

class EventProcessorTest {

    private static final String NORTHGATE = Suppliers.sourceOf("Northgate");
    /** The service's clock in these tests: the events are dated around it. */
    private static final Instant NOW = Instant.parse("2027-01-12T12:00:00Z");

    private LivePlan service;
    private EventProcessor processor;
    private final InMemoryEventLog processed = new InMemoryEventLog();
    private final List<String> told = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws InterruptedException {
        service = new LivePlan(TestPortfolios.twoSites(), publication -> { }, Duration.ofMillis(50), Duration.ZERO, 1)
                .start();
        processor = new EventProcessor(service, processed,
                List.of((transport, status) -> told.add(transport + " " + status)),
                new EventAdmission(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5)));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private static InboundEvent eta(String id, Instant time, String date) {
        return new InboundEvent(id, EventTypes.SHIPMENT_ETA_CHANGED, NORTHGATE, null, time,
                ("{\"shipmentId\":\"A-XFMR\",\"newDate\":\"" + date + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private String promisedDate() {
        return service.portfolio().shipments().stream().filter(s -> s.id().equals("A-XFMR")).findFirst()
                .orElseThrow().promisedDate().toString();
    }

    @Test
    void theSolverHoldsItsImprovementFromBeforeABatchIsAppliedUntilItIsRecorded() {
        List<String> steps = new CopyOnWriteArrayList<>();
        PlanIntake observedPlan = new PlanIntake() {
            @Override
            public Portfolio portfolio() {
                return service.portfolio();
            }

            @Override
            public List<RefusedChange> submitAll(List<PortfolioChange> changes) {
                steps.add("submitted");
                return service.submitAll(changes);
            }

            @Override
            public ImprovementGate.Hold holdImprovement() {
                steps.add("held");
                ImprovementGate.Hold hold = service.holdImprovement();
                return () -> {
                    steps.add("released");
                    hold.close();
                };
            }
        };
        EventLog observedLog = new EventLog() {
            @Override
            public void recordAll(List<Entry> entries, Map<String, Instant> appliedTimes) {
                steps.add("recorded");
                processed.recordAll(entries, appliedTimes);
            }

            @Override
            public Set<String> recordedAmong(Collection<String> eventIds) {
                return processed.recordedAmong(eventIds);
            }

            @Override
            public Map<String, Instant> lastApplied(Collection<String> entityKeys) {
                return processed.lastApplied(entityKeys);
            }

            @Override
            public List<InboundEvent> appliedSince(Instant since) {
                return processed.appliedSince(since);
            }
        };

        new EventProcessor(observedPlan, observedLog, List.of(),
                new EventAdmission(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5))).processAll(
                List.of(eta("e1", Instant.parse("2027-01-10T00:00:00Z"), "2027-03-01")), OutcomeListener.KAFKA,
                (index, reason) -> { });

        assertThat(steps).containsExactly("held", "submitted", "recorded", "released");
    }

    @Test
    void aReplayedEventIsAppliedOnce() {
        Instant time = Instant.parse("2027-01-10T00:00:00Z");
        assertThat(processor.process(eta("e1", time, "2027-03-01"), OutcomeListener.HTTP).status())
                .isEqualTo(EventProcessor.Status.APPLIED);
        var afterFirst = service.portfolio();

        assertThat(processor.process(eta("e1", time, "2027-03-01"), OutcomeListener.HTTP).status())
                .isEqualTo(EventProcessor.Status.DUPLICATE);
        assertThat(service.portfolio()).isSameAs(afterFirst);
    }

    @Test
    void anOlderEventDoesNotOverwriteANewerOne() {
        processor.process(eta("newer", Instant.parse("2027-01-10T00:00:00Z"), "2027-03-01"), OutcomeListener.HTTP);

        EventProcessor.Outcome outcome = processor.process(eta("older", Instant.parse("2027-01-09T00:00:00Z"),
                "2027-02-01"), OutcomeListener.HTTP);

        assertThat(outcome.status()).isEqualTo(EventProcessor.Status.STALE);
        assertThat(promisedDate()).isEqualTo("2027-03-01");
        assertThat(processed.contains(InboundEvent.key(NORTHGATE, "older"))).isTrue();
    }

    @Test
    void aRejectedEventIsRejectedAgainWhenReplayedAndKeptForAuditWithoutTakingItsKey() {
        InboundEvent bad = new InboundEvent("bad-1", EventTypes.TASK_STARTED, "/field/a", null,
                Instant.parse("2027-01-10T00:00:00Z"),
                "{\"taskId\":\"GHOST\",\"startedOn\":\"2027-01-05\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> processor.process(bad, OutcomeListener.HTTP))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("unknown task GHOST");
        assertThatThrownBy(() -> processor.process(bad, OutcomeListener.HTTP))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("unknown task GHOST");
        assertThat(told).containsExactly("http REJECTED", "http REJECTED");
        assertThat(processed.contains(bad.key())).isFalse();
        assertThat(processed.rejected()).hasSize(2);
    }

    @Test
    void eventsAreDuplicatesByTheirSourceAndIdTogether() {
        assertThat(processor.process(eta("same-id", Instant.parse("2027-01-10T00:00:00Z"), "2027-03-01"),
                OutcomeListener.HTTP).status()).isEqualTo(EventProcessor.Status.APPLIED);
        InboundEvent fromAPlanner = new InboundEvent("same-id", EventTypes.SHIPMENT_ETA_CHANGED,
                Suppliers.plannerSource("pat"), null, Instant.parse("2027-01-11T00:00:00Z"),
                "{\"shipmentId\":\"A-XFMR\",\"newDate\":\"2027-03-09\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(processor.process(fromAPlanner, OutcomeListener.HTTP).status())
                .isEqualTo(EventProcessor.Status.APPLIED);
        assertThat(promisedDate()).isEqualTo("2027-03-09");
        assertThat(processor.process(fromAPlanner, OutcomeListener.HTTP).status())
                .isEqualTo(EventProcessor.Status.DUPLICATE);
    }

    @Test
    void aRefusedEventNeverBlocksALaterValidOneWithTheSameSourceAndId() {
        InboundEvent squatted = new InboundEvent("squat", EventTypes.SHIPMENT_ETA_CHANGED, NORTHGATE, null,
                Instant.parse("2027-01-10T00:00:00Z"),
                "{\"shipmentId\":\"A-XFMR\",\"newDate\":\"1900-01-01\"}".getBytes(StandardCharsets.UTF_8));
        List<String> rejections = new ArrayList<>();

        List<EventProcessor.Outcome> outcomes = processor.processAll(List.of(squatted,
                eta("squat", Instant.parse("2027-01-10T00:00:00Z"), "2027-03-01")), OutcomeListener.KAFKA,
                (index, reason) -> rejections.add(index + " " + reason));
        EventProcessor.Outcome later = processor.process(eta("squat", Instant.parse("2027-01-11T00:00:00Z"),
                "2027-03-05"), OutcomeListener.HTTP);

        assertThat(outcomes).extracting(EventProcessor.Outcome::status).containsExactly(
                EventProcessor.Status.REJECTED, EventProcessor.Status.APPLIED);
        assertThat(rejections).singleElement().asString().startsWith("0 ").contains("not a plausible date");
        assertThat(later.status()).isEqualTo(EventProcessor.Status.DUPLICATE);
        assertThat(promisedDate()).isEqualTo("2027-03-01");
    }

    @Test
    void anEventDatedMoreThanTheSkewIntoTheFutureIsRefused() {
        List<String> rejections = new ArrayList<>();

        List<EventProcessor.Outcome> outcomes = processor.processAll(List.of(
                eta("from-2099", Instant.parse("2099-01-01T00:00:00Z"), "2027-02-01"),
                eta("six-minutes-ahead", NOW.plus(Duration.ofMinutes(6)), "2027-02-02"),
                eta("four-minutes-ahead", NOW.plus(Duration.ofMinutes(4)), "2027-03-01")),
                OutcomeListener.KAFKA, (index, reason) -> rejections.add(index + " " + reason));

        assertThat(outcomes).extracting(EventProcessor.Outcome::status).containsExactly(
                EventProcessor.Status.REJECTED, EventProcessor.Status.REJECTED, EventProcessor.Status.APPLIED);
        assertThat(rejections).containsExactly(
                "0 event from-2099: time 2099-01-01T00:00:00Z is more than PT5M ahead of the service's clock",
                "1 event six-minutes-ahead: time 2027-01-12T12:06:00Z is more than PT5M ahead of the service's clock");
        // The refused one set no version: a later event of the same shipment is not stale.
        assertThat(processor.process(eta("next", NOW.plus(Duration.ofMinutes(5)), "2027-03-07"), OutcomeListener.HTTP)
                .status())
                .isEqualTo(EventProcessor.Status.APPLIED);
        assertThat(promisedDate()).isEqualTo("2027-03-07");
    }

    @Test
    void aSupplierSourceMaySendOnlySupplyEventsOnEveryTransport() {
        InboundEvent headcountZero = new InboundEvent("zero", EventTypes.LABOR_CAPACITY_CHANGED, NORTHGATE, null,
                NOW, "{\"poolId\":\"A-ELEC\",\"headcount\":0}".getBytes(StandardCharsets.UTF_8));
        int before = service.portfolio().pools().stream().filter(pool -> pool.id().equals("A-ELEC")).findFirst()
                .orElseThrow().adjustments().size();

        for (String transport : List.of(OutcomeListener.KAFKA, OutcomeListener.HTTP)) {
            assertThatThrownBy(() -> processor.process(headcountZero, transport))
                    .isInstanceOf(InvalidEventException.class)
                    .hasMessage("event zero: source /suppliers/northgate is a supplier, which may send only supply "
                            + "events, not " + EventTypes.LABOR_CAPACITY_CHANGED);
        }
        assertThat(service.portfolio().pools().stream().filter(pool -> pool.id().equals("A-ELEC")).findFirst()
                .orElseThrow().adjustments()).hasSize(before);
    }

    @Test
    void aPlannersSourceIsNotAcceptedOnKafka() {
        InboundEvent claimed = new InboundEvent("claimed", EventTypes.SHIPMENT_ETA_CHANGED,
                Suppliers.plannerSource("anyone"), null, NOW,
                "{\"shipmentId\":\"A-XFMR\",\"newDate\":\"2027-09-01\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> processor.process(claimed, OutcomeListener.KAFKA))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not accepted on Kafka");
        assertThat(processor.process(claimed, OutcomeListener.API).status()).isEqualTo(EventProcessor.Status.APPLIED);
    }

    @Test
    void aRefusalNamesNeitherAnotherSuppliersShipmentNorItsSupplier() {
        String helix = Suppliers.sourceOf("Helix Compute Systems");
        InboundEvent foreign = new InboundEvent("f1", EventTypes.SHIPMENT_ETA_CHANGED, helix, null, NOW,
                "{\"shipmentId\":\"A-XFMR\",\"newDate\":\"2027-09-01\"}".getBytes(StandardCharsets.UTF_8));
        InboundEvent unknown = new InboundEvent("f1", EventTypes.SHIPMENT_ETA_CHANGED, helix, null, NOW,
                "{\"shipmentId\":\"NOPE\",\"newDate\":\"2027-09-01\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> processor.process(foreign, OutcomeListener.KAFKA))
                .hasMessage("event f1: source /suppliers/helix-compute-systems has no shipment A-XFMR")
                .message().doesNotContain("Northgate").doesNotContain("northgate");
        // The same answer as for a shipment that does not exist: a supplier cannot probe for others' shipments.
        assertThatThrownBy(() -> processor.process(unknown, OutcomeListener.KAFKA))
                .hasMessage("event f1: source /suppliers/helix-compute-systems has no shipment NOPE");
    }

    @Test
    void oversizedTextIsRefusedBeforeItReachesThePlanOrThePublications() {
        String longReason = "x".repeat(EventTranslator.MAX_TEXT_LENGTH + 1);
        InboundEvent tooLong = new InboundEvent("long", EventTypes.SHIPMENT_ETA_CHANGED, NORTHGATE, null, NOW,
                ("{\"shipmentId\":\"A-XFMR\",\"newDate\":\"2027-09-01\",\"reason\":\"" + longReason + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        InboundEvent huge = new InboundEvent("huge", EventTypes.SHIPMENT_ETA_CHANGED, NORTHGATE, null, NOW,
                new byte[EventAdmission.MAX_DATA_BYTES + 1]);
        InboundEvent longSubject = new InboundEvent("subject", EventTypes.SHIPMENT_ETA_CHANGED, NORTHGATE,
                "s".repeat(EventAdmission.MAX_ATTRIBUTE_LENGTH + 1), NOW, "{}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> processor.process(tooLong, OutcomeListener.KAFKA))
                .hasMessage("reason is longer than 500 characters");
        assertThatThrownBy(() -> processor.process(huge, OutcomeListener.KAFKA))
                .hasMessage("event huge: data of 16385 bytes is larger than 16384");
        assertThatThrownBy(() -> processor.process(longSubject, OutcomeListener.KAFKA))
                .hasMessage("event subject: subject is longer than 256 characters");
    }

    @Test
    void withinTheSameSecondTheEventProcessedLaterWinsAndReplayKeepsThatOrder() {
        // A sender with milliseconds, then one with whole seconds (kcat's date -u +%FT%TZ), in the same second.
        InboundEvent precise = eta("precise", Instant.parse("2027-01-10T08:00:00.700Z"), "2027-03-01");
        InboundEvent wholeSecond = eta("whole-second", Instant.parse("2027-01-10T08:00:00Z"), "2027-03-04");
        InboundEvent earlierSecond = eta("earlier-second", Instant.parse("2027-01-10T07:59:59.900Z"), "2027-02-01");

        assertThat(processor.process(precise, OutcomeListener.KAFKA).status()).isEqualTo(EventProcessor.Status.APPLIED);
        assertThat(processor.process(wholeSecond, OutcomeListener.KAFKA).status())
                .isEqualTo(EventProcessor.Status.APPLIED);
        assertThat(processor.process(earlierSecond, OutcomeListener.KAFKA).status())
                .isEqualTo(EventProcessor.Status.STALE);
        assertThat(promisedDate()).isEqualTo("2027-03-04");
        // In one batch the same: log order within the second.
        List<EventProcessor.Outcome> batch = processor.processAll(List.of(
                eta("b-late", Instant.parse("2027-01-10T09:00:00.900Z"), "2027-03-06"),
                eta("b-early", Instant.parse("2027-01-10T09:00:00.100Z"), "2027-03-08")),
                OutcomeListener.KAFKA, (index, reason) -> { });
        assertThat(batch).extracting(EventProcessor.Outcome::status).containsExactly(
                EventProcessor.Status.APPLIED, EventProcessor.Status.APPLIED);
        assertThat(promisedDate()).isEqualTo("2027-03-08");
        // A restart replays them in the order they applied, not by their times, and ends where the plan is.
        assertThat(processed.appliedSince(Instant.EPOCH)).extracting(InboundEvent::id)
                .containsExactly("precise", "whole-second", "b-late", "b-early");
    }

    @Test
    void aBatchSortsOutDuplicatesStaleAndInvalidEventsAndAppliesTheRestTogether() {
        processor.process(eta("before", Instant.parse("2027-01-10T00:00:00Z"), "2027-02-20"), OutcomeListener.HTTP);
        InboundEvent ghost = new InboundEvent("ghost", EventTypes.TASK_STARTED, "/field/a", null,
                Instant.parse("2027-01-10T00:00:00Z"),
                "{\"taskId\":\"GHOST\",\"startedOn\":\"2027-01-05\"}".getBytes(StandardCharsets.UTF_8));
        List<String> rejections = new ArrayList<>();

        List<EventProcessor.Outcome> outcomes = processor.processAll(List.of(
                eta("before", Instant.parse("2027-01-10T00:00:00Z"), "2027-02-20"),
                eta("b1", Instant.parse("2027-01-11T00:00:00Z"), "2027-03-01"),
                ghost,
                eta("b1", Instant.parse("2027-01-11T00:00:00Z"), "2027-03-01"),
                eta("b2", Instant.parse("2027-01-09T00:00:00Z"), "2027-01-20"),
                eta("b3", Instant.parse("2027-01-12T00:00:00Z"), "2027-03-15")),
                OutcomeListener.KAFKA, (index, reason) -> rejections.add(index + " " + reason));

        assertThat(outcomes).extracting(EventProcessor.Outcome::status).containsExactly(
                EventProcessor.Status.DUPLICATE, EventProcessor.Status.APPLIED, EventProcessor.Status.REJECTED,
                EventProcessor.Status.DUPLICATE, EventProcessor.Status.STALE, EventProcessor.Status.APPLIED);
        assertThat(rejections).singleElement().asString().startsWith("2 ").contains("unknown task GHOST");
        assertThat(told).containsExactly("http APPLIED", "kafka DUPLICATE", "kafka APPLIED", "kafka REJECTED",
                "kafka DUPLICATE", "kafka STALE", "kafka APPLIED");
        assertThat(promisedDate()).isEqualTo("2027-03-15");
        assertThat(processed.recordedAmong(List.of(InboundEvent.key(NORTHGATE, "b1"), ghost.key(),
                InboundEvent.key(NORTHGATE, "b2"), InboundEvent.key(NORTHGATE, "b3"), "unknown")))
                .containsExactlyInAnyOrder(InboundEvent.key(NORTHGATE, "b1"), InboundEvent.key(NORTHGATE, "b2"),
                        InboundEvent.key(NORTHGATE, "b3"));
        assertThat(processed.lastApplied(List.of("shipment:A-XFMR")))
                .containsEntry("shipment:A-XFMR", Instant.parse("2027-01-12T00:00:00Z"));
    }
}
