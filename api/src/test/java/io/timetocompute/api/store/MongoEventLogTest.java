package io.timetocompute.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
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
        log = new MongoEventLog(template, Clock.systemUTC(), () -> { });
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
        assertThat(log.record(event("e1"), "APPLIED", "shipment A now expected 2027-03-01")).isTrue();
        assertThat(log.record(event("e1"), "APPLIED", "again")).isFalse();

        assertThat(log.contains("e1")).isTrue();
        assertThat(log.contains("e2")).isFalse();
        InboundEventDocument stored = template.findById("e1", InboundEventDocument.class);
        assertThat(stored.detail()).isEqualTo("shipment A now expected 2027-03-01");
        assertThat(stored.data()).isEqualTo("{\"shipmentId\":\"A\"}");
        assertThat(stored.time()).isEqualTo(Instant.parse("2027-01-10T00:00:00Z"));
    }

    @Test
    void theNewestAppliedTimeOfAnEntityOnlyMovesForward() {
        assertThat(log.lastApplied("shipment:A")).isEmpty();
        log.applied("shipment:A", Instant.parse("2027-01-10T00:00:00Z"));
        log.applied("shipment:A", Instant.parse("2027-01-09T00:00:00Z"));
        assertThat(log.lastApplied("shipment:A")).contains(Instant.parse("2027-01-10T00:00:00Z"));
        log.applied("shipment:A", Instant.parse("2027-01-11T00:00:00Z"));
        assertThat(log.lastApplied("shipment:A")).contains(Instant.parse("2027-01-11T00:00:00Z"));
    }
}
