package io.timetocompute.events.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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

    private LivePlan service;
    private EventProcessor processor;
    private final InMemoryEventLog processed = new InMemoryEventLog();
    private final List<String> told = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws InterruptedException {
        service = new LivePlan(TestPortfolios.twoSites(), publication -> { }, Duration.ofMillis(50), Duration.ZERO, 1)
                .start();
        processor = new EventProcessor(service, processed,
                List.of((transport, status) -> told.add(transport + " " + status)));
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

        new EventProcessor(observedPlan, observedLog).processAll(
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
        assertThat(processed.contains("older")).isTrue();
    }

    @Test
    void aRejectedEventIsRecordedSoThatAReplayIsNotDeadLetteredTwice() {
        InboundEvent bad = new InboundEvent("bad-1", EventTypes.TASK_STARTED, "/field/a", null,
                Instant.parse("2027-01-10T00:00:00Z"),
                "{\"taskId\":\"GHOST\",\"startedOn\":\"2027-01-05\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> processor.process(bad, OutcomeListener.HTTP))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("unknown task GHOST");
        assertThat(processor.process(bad, OutcomeListener.HTTP).status()).isEqualTo(EventProcessor.Status.DUPLICATE);
        assertThat(told).containsExactly("http REJECTED", "http DUPLICATE");
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
        assertThat(processed.recordedAmong(List.of("b1", "ghost", "b2", "b3", "unknown")))
                .containsExactlyInAnyOrder("b1", "ghost", "b2", "b3");
        assertThat(processed.lastApplied(List.of("shipment:A-XFMR")))
                .containsEntry("shipment:A-XFMR", Instant.parse("2027-01-12T00:00:00Z"));
    }
}
