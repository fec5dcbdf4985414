package io.timetocompute.api.ingest;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.timetocompute.api.FullServiceTest;
import io.timetocompute.api.TestEvents;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.scheduler.projection.ScheduleProjection.ShipmentProjection;

/** POST /api/events: CloudEvents over HTTP, binary and structured, through the same processor as Kafka's. */
@FullServiceTest
class EventIngestControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    LivePlans session;

    ShipmentProjection shipment;
    ShipmentProjection othersShipment;

    @BeforeEach
    void pickShipments() {
        shipment = TestEvents.tightestShipment(session);
        othersShipment = session.latestPublication(LivePlans.DEMO).orElseThrow().projection().shipments().stream()
                .filter(other -> !other.supplier().equals(shipment.supplier()) && !other.delivered())
                .findFirst().orElseThrow();
    }

    @Test
    void aSupplierSendsAnEtaChangeInBinaryMode() throws Exception {
        String id = TestEvents.newId("binary");
        mvc.perform(binary(id, TestEvents.sourceOf(shipment), TestEvents.etaChangedData(shipment, 30))
                        .with(httpBasic(TestEvents.slugOf(shipment), "demo")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("APPLIED"))
                .andExpect(jsonPath("$.eventId").value(id))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(shipment.id())));
        mvc.perform(get("/api/portfolios/demo/events/{id}", id).with(httpBasic("planner", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPLIED"))
                .andExpect(jsonPath("$.type").value(TestEvents.ETA_CHANGED))
                .andExpect(jsonPath("$.source").value(TestEvents.sourceOf(shipment)));
    }

    @Test
    void aPlannerSendsAnEtaChangeInStructuredMode() throws Exception {
        String id = TestEvents.newId("structured");
        String event = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"" + TestEvents.ETA_CHANGED
                + "\",\"source\":\"" + TestEvents.sourceOf(shipment) + "\",\"subject\":\"" + shipment.id()
                + "\",\"time\":\"" + TestEvents.now() + "\",\"datacontenttype\":\"application/json\",\"data\":"
                + TestEvents.etaChangedData(shipment, 10) + "}";
        mvc.perform(post("/api/portfolios/demo/events").contentType("application/cloudevents+json").content(event)
                        .with(httpBasic("planner", "demo")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("APPLIED"))
                .andExpect(jsonPath("$.eventId").value(id));
        mvc.perform(get("/api/portfolios/demo/events/{id}", id).with(httpBasic("planner", "demo")))
                .andExpect(jsonPath("$.subject").value(shipment.id()));
    }

    @Test
    void aSupplierSendingAsAnotherSupplierIsRefusedAndNothingIsRecorded() throws Exception {
        String id = TestEvents.newId("spoofed");
        mvc.perform(binary(id, TestEvents.sourceOf(othersShipment), TestEvents.etaChangedData(othersShipment, 30))
                        .with(httpBasic(TestEvents.slugOf(shipment), "demo")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://timetocompute.io/problems/source-not-allowed"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(TestEvents.sourceOf(othersShipment))));
        mvc.perform(get("/api/portfolios/demo/events/{id}", id).with(httpBasic("planner", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aBodyOverTheLimitIsAnswered413AsAProblemNot500() throws Exception {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(twoMegabytes, (byte) ' ');
        mvc.perform(post("/api/events").contentType(MediaType.APPLICATION_JSON)
                        .header("ce-specversion", "1.0").header("ce-id", TestEvents.newId("huge"))
                        .header("ce-type", TestEvents.ETA_CHANGED).header("ce-source", TestEvents.sourceOf(shipment))
                        .content(twoMegabytes).with(httpBasic(TestEvents.slugOf(shipment), "demo")))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://timetocompute.io/problems/content-too-large"));
    }

    @Test
    void anEventDatedIntoTheFutureIsRefusedOverHttpAsOnKafka() throws Exception {
        String id = TestEvents.newId("future");
        mvc.perform(binary(id, TestEvents.sourceOf(shipment), TestEvents.etaChangedData(shipment, 30))
                        .header("ce-time", java.time.Instant.now().plus(java.time.Duration.ofDays(365)).toString())
                        .with(httpBasic(TestEvents.slugOf(shipment), "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://timetocompute.io/problems/invalid-event"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("ahead of the service's clock")));
    }

    @Test
    void aSupplierWritingAboutAnotherSuppliersShipmentUnderItsOwnSourceIsRejected() throws Exception {
        String id = TestEvents.newId("foreign-shipment");
        mvc.perform(binary(id, TestEvents.sourceOf(shipment), TestEvents.etaChangedData(othersShipment, 30))
                        .with(httpBasic(TestEvents.slugOf(shipment), "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://timetocompute.io/problems/invalid-event"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("has no shipment "
                        + othersShipment.id())))
                // Nothing about the other supplier: neither its name nor its source.
                .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString(othersShipment.supplier()))))
                .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString(
                        TestEvents.sourceOf(othersShipment)))));
        mvc.perform(get("/api/portfolios/demo/events/{id}", id).with(httpBasic("planner", "demo")))
                .andExpect(jsonPath("$.status").value("REJECTED"));
    }

    @Test
    void aSupplierMayNotSendLaborEvents() throws Exception {
        mvc.perform(post("/api/portfolios/demo/events").contentType(MediaType.APPLICATION_JSON)
                        .header("ce-specversion", "1.0").header("ce-id", TestEvents.newId("labor"))
                        .header("ce-type", "io.timetocompute.labor.unavailable.v1")
                        .header("ce-source", TestEvents.sourceOf(shipment)).header("ce-time", TestEvents.now())
                        .content("{\"poolId\":\"any\",\"from\":\"2027-01-04\",\"to\":\"2027-01-05\"}")
                        .with(httpBasic(TestEvents.slugOf(shipment), "demo")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("only send supply events")));
    }

    @Test
    void malformedDataIsABadRequestProblemAndIsRecordedAsRejected() throws Exception {
        String id = TestEvents.newId("malformed");
        mvc.perform(binary(id, TestEvents.sourceOf(shipment), "{\"shipmentId\": ")
                        .with(httpBasic("planner", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://timetocompute.io/problems/invalid-event"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("malformed data")));
        mvc.perform(get("/api/portfolios/demo/events/{id}", id).with(httpBasic("planner", "demo")))
                .andExpect(jsonPath("$.status").value("REJECTED"));
    }

    @Test
    void aRequestThatIsNoCloudEventIsABadRequestProblem() throws Exception {
        mvc.perform(post("/api/portfolios/demo/events").contentType(MediaType.APPLICATION_JSON)
                        .content(TestEvents.etaChangedData(shipment, 3)).with(httpBasic("planner", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://timetocompute.io/problems/invalid-event"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("not a CloudEvent")));
    }

    @Test
    void aRepeatedEventIsADuplicate() throws Exception {
        String id = TestEvents.newId("repeated");
        String data = TestEvents.etaChangedData(shipment, 5);
        mvc.perform(binary(id, TestEvents.sourceOf(shipment), data).with(httpBasic("planner", "demo")))
                .andExpect(status().isAccepted());
        mvc.perform(binary(id, TestEvents.sourceOf(shipment), data).with(httpBasic("planner", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DUPLICATE"))
                .andExpect(jsonPath("$.eventId").value(id));
    }

    static MockHttpServletRequestBuilder binary(String id, String source, String data) {
        return post("/api/portfolios/demo/events").contentType(MediaType.APPLICATION_JSON)
                .header("ce-specversion", "1.0")
                .header("ce-id", id)
                .header("ce-type", TestEvents.ETA_CHANGED)
                .header("ce-source", source)
                .header("ce-time", TestEvents.now())
                .content(data);
    }
}
