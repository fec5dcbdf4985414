package io.timetocompute.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.timetocompute.events.inbound.EventLog;
import io.timetocompute.events.inbound.InboundEvent;

/** The MongoDB event log against the MongoDB wire protocol (an in-memory mongo-java-server). */
class MongoEventLogTest {

    private MongoServer server;
    private MongoClient client;
    private MongoEventLog log;
    private MongoTemplate template;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        String uri = "mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort();
        client = MongoClients.create(uri);
        template = new MongoTemplate(client, "ttc");
        log = new MongoEventLog("p1", template, Clock.systemUTC(), () -> { });
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private static InboundEvent event(String id) {
        return new InboundEvent(id, "io.timetocompute.supply.shipment.eta-changed.v1", "/suppliers/northgate", null,
                Instant.parse("2027-01-10T00:00:00Z"), "{\"shipmentId\":\"A\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEventIsRecordedOnceWithItsOutcomeAndData() {
        log.recordAll(List.of(new EventLog.Entry(event("e1"), "APPLIED", "shipment A now expected 2027-03-01")),
                Map.of());
        log.recordAll(List.of(new EventLog.Entry(event("e1"), "APPLIED", "again"),
                new EventLog.Entry(event("e3"), "STALE", "older")), Map.of());

        assertThat(log.contains(event("e1").key())).isTrue();
        assertThat(log.contains(event("e2").key())).isFalse();
        assertThat(log.contains(InboundEvent.key("/suppliers/helix", "e1"))).isFalse();
        assertThat(log.recordedAmong(List.of(event("e1").key(), event("e2").key(), event("e3").key())))
                .containsExactlyInAnyOrder(event("e1").key(), event("e3").key());
        InboundEventDocument stored = template.findById("p1/" + event("e1").key(), InboundEventDocument.class);
        assertThat(stored.portfolioId()).isEqualTo("p1");
        assertThat(stored.eventId()).isEqualTo("e1");
        assertThat(stored.detail()).isEqualTo("shipment A now expected 2027-03-01");
        assertThat(stored.data()).isEqualTo("{\"shipmentId\":\"A\"}");
        assertThat(stored.time()).isEqualTo(Instant.parse("2027-01-10T00:00:00Z"));
        assertThat(template.count(new Query(), InboundEventDocument.class)).isEqualTo(2);
    }

    @Test
    void aRejectedEventIsKeptForAuditWithoutTakingTheKeyOfALaterValidOne() {
        log.recordAll(List.of(new EventLog.Entry(event("e1"), "REJECTED", "newDate is missing")), Map.of());
        log.recordAll(List.of(new EventLog.Entry(event("e1"), "REJECTED", "newDate is missing")), Map.of());
        assertThat(log.contains(event("e1").key())).isFalse();

        log.recordAll(List.of(new EventLog.Entry(event("e1"), "APPLIED", "shipment A now expected 2027-03-01")),
                Map.of());

        assertThat(log.contains(event("e1").key())).isTrue();
        assertThat(template.findAll(InboundEventDocument.class)).extracting(InboundEventDocument::status)
                .containsExactlyInAnyOrder("REJECTED", "REJECTED", "APPLIED");
    }

    @Test
    void appliedEventsReplayInTheOrderTheyWereRecordedNotByTheirTimes() {
        InboundEvent later = new InboundEvent("later", "t", "/suppliers/northgate", null,
                Instant.parse("2027-01-10T08:00:00.700Z"), null);
        InboundEvent wholeSecond = new InboundEvent("whole", "t", "/suppliers/northgate", null,
                Instant.parse("2027-01-10T08:00:00Z"), null);
        log.recordAll(List.of(new EventLog.Entry(later, "APPLIED", "a"), new EventLog.Entry(wholeSecond, "APPLIED",
                "b")), Map.of());

        assertThat(log.appliedSince(Instant.EPOCH)).extracting(InboundEvent::id).containsExactly("later", "whole");
    }

    @Test
    void theNewestAppliedTimeOfAnEntityOnlyMovesForward() {
        assertThat(log.lastApplied(List.of("shipment:A"))).isEmpty();
        log.recordAll(List.of(), Map.of("shipment:A", Instant.parse("2027-01-10T00:00:00Z"),
                "pool:P", Instant.parse("2027-01-05T00:00:00Z")));
        log.recordAll(List.of(), Map.of("shipment:A", Instant.parse("2027-01-09T00:00:00Z")));
        assertThat(log.lastApplied(List.of("shipment:A", "pool:P", "task:T"))).isEqualTo(Map.of(
                "shipment:A", Instant.parse("2027-01-10T00:00:00Z"), "pool:P", Instant.parse("2027-01-05T00:00:00Z")));
        log.recordAll(List.of(), Map.of("shipment:A", Instant.parse("2027-01-11T00:00:00Z")));
        assertThat(log.lastApplied(List.of("shipment:A")))
                .containsEntry("shipment:A", Instant.parse("2027-01-11T00:00:00Z"));
    }

    @Test
    void twoPortfoliosKeepTheirOwnEventsAndEntityTimes() {
        MongoEventLog other = new MongoEventLog("p2", template, Clock.systemUTC(), () -> { });
        log.recordAll(List.of(new EventLog.Entry(event("e1"), "APPLIED", "in p1")),
                Map.of("shipment:A", Instant.parse("2027-01-10T00:00:00Z")));

        assertThat(other.contains(event("e1").key())).isFalse();
        assertThat(other.lastApplied(List.of("shipment:A"))).isEmpty();
        assertThat(other.appliedSince(Instant.EPOCH)).isEmpty();
        other.recordAll(List.of(new EventLog.Entry(event("e1"), "APPLIED", "in p2")),
                Map.of("shipment:A", Instant.parse("2027-01-01T00:00:00Z")));

        assertThat(template.findById("p2/" + event("e1").key(), InboundEventDocument.class).detail()).isEqualTo("in p2");
        assertThat(template.findById("p1/" + event("e1").key(), InboundEventDocument.class).detail()).isEqualTo("in p1");
        assertThat(log.lastApplied(List.of("shipment:A")))
                .containsEntry("shipment:A", Instant.parse("2027-01-10T00:00:00Z"));
        assertThat(other.lastApplied(List.of("shipment:A")))
                .containsEntry("shipment:A", Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(log.appliedSince(Instant.EPOCH)).singleElement().extracting(InboundEvent::id).isEqualTo("e1");
    }

    @Test
    void theIndexesDeclaredOnTheEventLogAreCreated() {
        StoreIndexes.create(template, InboundEventDocument.class);
        assertThat(template.indexOps(InboundEventDocument.class).getIndexInfo())
                .extracting(IndexInfo::getName)
                .contains("portfolio_replay", "portfolio_log", "portfolio_status_log");
    }
}
