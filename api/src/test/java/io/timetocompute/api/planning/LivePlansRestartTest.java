package io.timetocompute.api.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.timetocompute.api.history.PublicationHistory;
import io.timetocompute.api.store.MongoEventLog;
import io.timetocompute.api.store.PortfolioStore;
import io.timetocompute.events.contract.EventTypes;
import io.timetocompute.events.contract.Suppliers;
import io.timetocompute.events.inbound.EventProcessor;
import io.timetocompute.events.inbound.EventAdmission;
import io.timetocompute.events.inbound.InvalidEventException;
import io.timetocompute.events.inbound.PortfolioRouting;
import io.timetocompute.events.inbound.OutcomeListener;
import io.timetocompute.events.inbound.InboundEvent;
import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.projection.ScheduleProjection.ShipmentProjection;
import io.timetocompute.scheduler.replanning.LivePlan.Publication;

/**
 * A restarted service plans what the stopped one planned: the stored portfolio with every applied event replayed
 * onto it, and publications go on from the last stored version instead of announcing every date again.
 */
class LivePlansRestartTest {

    private static final PlanningProperties PROPERTIES = new PlanningProperties(null, 300, 42L,
            Duration.ofMillis(50), Duration.ofMinutes(10), 1L, Duration.ZERO);

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        String uri = "mongodb://localhost:" + server.bind().getPort();
        client = MongoClients.create(uri);
        mongo = new MongoTemplate(client, "ttc");
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdown();
    }

    @Test
    void aRestartReplaysAppliedEventsAndContinuesTheVersions() throws Exception {
        Portfolio demo = DemoPortfolioGenerator.generate(300, 42);
        Shipment delayed;
        LocalDate newEta;
        long versionBeforeStop;
        String eventId = "eta-restart-1";
        try (LivePlans first = session()) {
            first.start(LivePlans.DEMO, () -> demo, "demo");
            Publication initial = awaitPublication(first, 1);
            ShipmentProjection needed = initial.projection().shipments().stream()
                    .filter(shipment -> !shipment.delivered() && shipment.neededFor() != null
                            && !shipment.neededFor().isEmpty())
                    .min(Comparator.comparing(ShipmentProjection::id)).orElseThrow();
            delayed = demo.shipments().stream().filter(s -> s.id().equals(needed.id())).findFirst().orElseThrow();
            newEta = initial.projection().portfolioFinish().plusDays(60);
            EventProcessor processor = first.processor(LivePlans.DEMO);
            EventProcessor.Outcome outcome = processor.process(etaChanged(eventId, delayed, newEta), OutcomeListener.KAFKA);
            assertThat(outcome.status()).isEqualTo(EventProcessor.Status.APPLIED);
            Publication moved = awaitPublication(first, 2);
            assertThat(moved.newlyApplied()).extracting("eventId").contains(eventId);
            versionBeforeStop = history().lastVersion(LivePlans.DEMO);
            // Dates the event moved name it; dates that the solver's improvements, published with it, moved are
            // re-optimization.
            assertThat(history().timeline(LivePlans.DEMO, 0, 100)).isNotEmpty()
                    .anySatisfy(change -> assertThat(change.eventIds()).contains(eventId))
                    .allSatisfy(change -> assertThat(change.eventIds().contains(eventId))
                            .isEqualTo(change.eventEffectDays() != 0));
        }

        try (LivePlans restarted = session()) {
            // Another starting portfolio is offered: the stored one wins.
            restarted.start(LivePlans.DEMO, () -> DemoPortfolioGenerator.generate(300, 7), "another demo");
            assertThat(restarted.plan(LivePlans.DEMO).portfolio().shipments()).filteredOn(s -> s.id().equals(delayed.id()))
                    .singleElement().extracting(Shipment::promisedDate).isEqualTo(newEta);
            Publication resumed = await().atMost(Duration.ofSeconds(30))
                    .until(() -> restarted.latestPublication(LivePlans.DEMO), publication -> publication.isPresent())
                    .orElseThrow();
            assertThat(resumed.version()).isEqualTo(versionBeforeStop + 1);
            LocalDate arrival = resumed.projection().shipments().stream()
                    .filter(shipment -> shipment.id().equals(delayed.id())).findFirst().orElseThrow().arrivalDate();
            assertThat(arrival).isEqualTo(newEta);
        }
    }

    @Test
    void twoPortfoliosWithTheSameIdsKeepTheirOwnEventsVersionsAndHistoryAcrossARestart() throws Exception {
        Portfolio demo = DemoPortfolioGenerator.generate(300, 42);
        String other = "other-program";
        Shipment delayed;
        LocalDate newEta;
        long demoVersion;
        long otherVersion;
        try (LivePlans first = session()) {
            first.start(LivePlans.DEMO, () -> demo, "demo");
            // The same portfolio file under another id: every shipment, pool and site id is in both.
            first.create(other, demo, "a copy");
            Publication initial = awaitPublication(first, LivePlans.DEMO, 1);
            awaitPublication(first, other, 1);
            ShipmentProjection needed = initial.projection().shipments().stream()
                    .filter(shipment -> !shipment.delivered() && shipment.neededFor() != null
                            && !shipment.neededFor().isEmpty())
                    .min(Comparator.comparing(ShipmentProjection::id)).orElseThrow();
            delayed = demo.shipments().stream().filter(s -> s.id().equals(needed.id())).findFirst().orElseThrow();
            newEta = initial.projection().portfolioFinish().plusDays(60);
            InboundEvent event = etaChanged("eta-apart-1", delayed, newEta);

            assertThatThrownBy(() -> first.route(null, event)).isInstanceOf(InvalidEventException.class)
                    .hasMessageContaining("ambiguous").hasMessageContaining("shipment:" + delayed.id())
                    .hasMessageContaining("[demo, other-program]");
            PortfolioRouting.Route route = first.route(other, event);
            assertThat(route.portfolioId()).isEqualTo(other);
            assertThat(route.processor().process(event, OutcomeListener.KAFKA).status())
                    .isEqualTo(EventProcessor.Status.APPLIED);
            awaitPublication(first, other, 2);
            // The same event id is a new event for the other portfolio, not a duplicate.
            assertThat(first.processor(LivePlans.DEMO).process(etaChanged("eta-apart-1", delayed,
                    newEta.plusDays(1)), OutcomeListener.KAFKA).status()).isEqualTo(EventProcessor.Status.APPLIED);
            awaitPublication(first, LivePlans.DEMO, 2);
            demoVersion = history().lastVersion(LivePlans.DEMO);
            otherVersion = history().lastVersion(other);
            assertThat(history().timeline(other, 0, 1000)).isNotEmpty()
                    .allSatisfy(change -> assertThat(change.portfolioId()).isEqualTo(other));
        }

        try (LivePlans restarted = session()) {
            restarted.start(LivePlans.DEMO, () -> demo, "demo");
            assertThat(restarted.ids()).containsExactly(LivePlans.DEMO, other);
            assertThat(restarted.plan(other).portfolio().shipments()).filteredOn(s -> s.id().equals(delayed.id()))
                    .singleElement().extracting(Shipment::promisedDate).isEqualTo(newEta);
            assertThat(restarted.plan(LivePlans.DEMO).portfolio().shipments())
                    .filteredOn(s -> s.id().equals(delayed.id()))
                    .singleElement().extracting(Shipment::promisedDate).isEqualTo(newEta.plusDays(1));
            assertThat(awaitPublication(restarted, other, otherVersion + 1).version()).isEqualTo(otherVersion + 1);
            assertThat(awaitPublication(restarted, LivePlans.DEMO, demoVersion + 1).version())
                    .isEqualTo(demoVersion + 1);

            restarted.archive(other);
            assertThat(restarted.ids()).containsExactly(LivePlans.DEMO);
            // Archived: its data stays, its events are no longer routed to it, and only the demo has the shipment.
            assertThat(new PortfolioStore(mongo, () -> { }).entry(other)).get()
                    .extracting(PortfolioStore.PortfolioEntry::status).isEqualTo(PortfolioStore.Status.ARCHIVED);
            assertThat(history().lastVersion(other)).isGreaterThan(otherVersion);
            assertThat(restarted.route(null, etaChanged("eta-apart-2", delayed, newEta)).portfolioId())
                    .isEqualTo(LivePlans.DEMO);
            assertThatThrownBy(() -> restarted.route(other, etaChanged("eta-apart-3", delayed, newEta)))
                    .isInstanceOf(InvalidEventException.class).hasMessageContaining("not an active portfolio");
        }
    }

    private LivePlans session() {
        PublicationHistory history = history();
        return new LivePlans(PROPERTIES, new PortfolioStore(mongo, () -> { }),
                portfolioId -> new MongoEventLog(portfolioId, mongo, Clock.systemUTC(), () -> { }), history,
                List.of(history), List.of(), EventAdmission.standard(), Clock.systemUTC());
    }

    private PublicationHistory history() {
        return new PublicationHistory(mongo, () -> { });
    }

    private static Publication awaitPublication(LivePlans session, long version) {
        return awaitPublication(session, LivePlans.DEMO, version);
    }

    private static Publication awaitPublication(LivePlans session, String portfolioId, long version) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> session.latestPublication(portfolioId),
                publication -> publication.isPresent() && publication.get().version() >= version).orElseThrow();
    }

    private static InboundEvent etaChanged(String id, Shipment shipment, LocalDate newEta) {
        String data = "{\"shipmentId\":\"" + shipment.id() + "\",\"newDate\":\"" + newEta
                + "\",\"reason\":\"factory test failure\"}";
        return new InboundEvent(id, EventTypes.SHIPMENT_ETA_CHANGED, Suppliers.sourceOf(shipment.supplier()),
                shipment.id(), Instant.now(), data.getBytes(StandardCharsets.UTF_8));
    }
}
