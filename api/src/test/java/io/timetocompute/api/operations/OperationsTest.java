package io.timetocompute.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.timetocompute.api.FullServiceTest;
import io.timetocompute.api.TestEvents;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.events.contract.Topics;
import io.timetocompute.scheduler.projection.ScheduleProjection.ShipmentProjection;

/** Health for load balancers and operators, and the metrics that say how events and the solver are doing. */
@FullServiceTest
class OperationsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry registry;

    @Autowired
    LivePlans session;

    @Autowired
    KafkaTemplate<String, byte[]> template;

    @Test
    void healthIsOpenAndUp() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> session.latestPublication(LivePlans.DEMO).isPresent());
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void aPlannerSeesKafkaMongoAndTheSolverInTheDetails() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> session.latestPublication(LivePlans.DEMO).isPresent());
        mvc.perform(get("/actuator/health").with(httpBasic("planner", "demo")))
                .andExpect(jsonPath("$.components.kafka.status").value("UP"))
                .andExpect(jsonPath("$.components.kafka.details.brokers").value(1))
                .andExpect(jsonPath("$.components.mongo.status").value("UP"))
                .andExpect(jsonPath("$.components.solver.status").value("UP"))
                .andExpect(jsonPath("$.components.solver.details.demo.version").isNumber())
                .andExpect(jsonPath("$.components.solver.details.demo.feasible").isBoolean());
    }

    @Test
    void eventsAreCountedByTransportAndStatusAndTheirPublicationIsTimed() throws Exception {
        double appliedOverHttp = count("APPLIED", "http");
        double rejectedOverHttp = count("REJECTED", "http");
        ShipmentProjection shipment = TestEvents.tightestShipment(session);
        String id = TestEvents.newId("metered");
        send(id, shipment, TestEvents.etaChangedData(shipment, 20));
        send(TestEvents.newId("metered-bad"), shipment, "[]");

        assertThat(count("APPLIED", "http")).isEqualTo(appliedOverHttp + 1);
        assertThat(count("REJECTED", "http")).isEqualTo(rejectedOverHttp + 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Timer latency = registry.find(PublicationMetrics.LATENCY).tag("kind", "shipment ETA changed").timer();
            assertThat(latency).isNotNull();
            assertThat(latency.count()).isPositive();
            assertThat(registry.get(PublicationMetrics.PUBLICATIONS).counter().count()).isPositive();
        });
    }

    @Test
    void aPlannersWhatIfThroughTheApiIsCountedToo() throws Exception {
        double appliedOverApi = count("APPLIED", "api");
        double rejectedOverApi = count("REJECTED", "api");
        ShipmentProjection open = TestEvents.tightestShipment(session);
        String delivered = session.plan(LivePlans.DEMO).portfolio().shipments().stream()
                .filter(shipment -> shipment.deliveredDate() != null).findFirst().orElseThrow().id();

        mvc.perform(post("/api/portfolios/demo/shipments/{id}/eta", open.id()).with(httpBasic("planner", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"newDate\":\"2031-01-06\"}"))
                .andExpect(status().isAccepted());
        // refused by the plan: a delivered shipment has no ETA any more
        mvc.perform(post("/api/portfolios/demo/shipments/{id}/eta", delivered).with(httpBasic("planner", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"newDate\":\"2031-01-06\"}"))
                .andExpect(status().isUnprocessableEntity());

        assertThat(count("APPLIED", "api")).isEqualTo(appliedOverApi + 1);
        assertThat(count("REJECTED", "api")).isEqualTo(rejectedOverApi + 1);
    }

    @Test
    void aRecordThatIsNoCloudEventOnKafkaIsCountedAsRejectedAndDeadLettered() {
        double deadLetters = registry.get(DeadLetterMetrics.DEAD_LETTERS).counter().count();
        double rejectedOverKafka = count("REJECTED", "kafka");
        template.send(new ProducerRecord<>(Topics.SUPPLY, "no-headers", "{}".getBytes(StandardCharsets.UTF_8)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(registry.get(DeadLetterMetrics.DEAD_LETTERS).counter().count()).isEqualTo(deadLetters + 1);
            assertThat(count("REJECTED", "kafka")).isEqualTo(rejectedOverKafka + 1);
        });
    }

    private double count(String status, String transport) {
        Counter counter = registry.find(EventMetrics.PROCESSED).tag("status", status).tag("transport", transport)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private void send(String id, ShipmentProjection shipment, String data) throws Exception {
        mvc.perform(post("/api/portfolios/demo/events").contentType(MediaType.APPLICATION_JSON)
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-type", TestEvents.ETA_CHANGED)
                .header("ce-source", TestEvents.sourceOf(shipment)).header("ce-time", TestEvents.now())
                .content(data).with(httpBasic("planner", "demo")));
    }
}
