package io.timetocompute.api.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.api.ApiIntegrationTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import io.timetocompute.api.store.MongoEventLog;
import java.time.Clock;
import io.timetocompute.events.inbound.EventLog;
import io.timetocompute.scheduler.projection.ScheduleProjection.ShipmentProjection;

class ShipmentApiTest extends ApiIntegrationTest {

    /** Delivered before the demo's data date. */
    private static final String DELIVERED_TRANSFORMER = "SHP-WTX1-XFMR-1";

    @Test
    void showsAShipmentWithItsArrival() throws Exception {
        mvc.perform(get("/api/portfolios/demo/shipments/{id}", DELIVERED_TRANSFORMER).with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(DELIVERED_TRANSFORMER))
                .andExpect(jsonPath("$.supplier").value("Ridgeline Power Equipment"))
                .andExpect(jsonPath("$.siteId").value("WTX1"))
                .andExpect(jsonPath("$.delivered").value(true))
                .andExpect(jsonPath("$.arrivalDate").value("2026-11-03"))
                .andExpect(jsonPath("$.late").value(false));
    }

    @Test
    void filtersBySiteAndLateness() throws Exception {
        mvc.perform(get("/api/portfolios/demo/shipments").param("siteId", "QC1").with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()", greaterThan(0)))
                .andExpect(jsonPath("$[*].siteId", everyItem(is("QC1"))));
        String late = mvc.perform(get("/api/portfolios/demo/shipments").param("late", "true").with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].late", everyItem(is(true))))
                .andExpect(jsonPath("$[*].slackDays", everyItem(lessThan(0))))
                .andReturn().getResponse().getContentAsString();
        String onTime = mvc.perform(get("/api/portfolios/demo/shipments").param("late", "false").with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].late", everyItem(is(false))))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<?>>read(late, "$").size() + JsonPath.<List<?>>read(onTime, "$").size())
                .as("late and on-time shipments together").isEqualTo(session.plan(LivePlans.DEMO).portfolio().shipments().size());
    }

    @Test
    void unknownShipmentsAndSitesAreNotFound() throws Exception {
        mvc.perform(get("/api/portfolios/demo/shipments/{id}", "SHP-NOPE").with(planner()))
                .andExpect(problem(404, "not-found", "no shipment 'SHP-NOPE'"));
        mvc.perform(get("/api/portfolios/demo/shipments").param("siteId", "NOPE").with(planner()))
                .andExpect(problem(404, "not-found", "no site 'NOPE'"));
        mvc.perform(post("/api/portfolios/demo/shipments/{id}/eta", "SHP-NOPE").with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"newDate\":\"2028-01-10\"}"))
                .andExpect(problem(404, "not-found", "no shipment 'SHP-NOPE'"));
    }

    @Autowired
    MongoTemplate mongo;

    @Test
    void anEtaWhatIfMovesTheBlockItFeedsAndIsNamedAsTheCause() throws Exception {
        String blockId = "WTX1-H2";
        ShipmentProjection shipment = session.latestPublication(LivePlans.DEMO).orElseThrow().projection().shipments().stream()
                .filter(candidate -> !candidate.delivered() && candidate.neededFor() != null
                        && candidate.neededFor().stream().anyMatch(task -> task.startsWith(blockId + "-")))
                .findFirst().orElseThrow();
        LocalDate promised = session.plan(LivePlans.DEMO).portfolio().shipments().stream()
                .filter(candidate -> candidate.id().equals(shipment.id())).findFirst().orElseThrow().promisedDate();
        String response = mvc.perform(post("/api/portfolios/demo/shipments/{id}/eta", shipment.id()).with(planner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"newDate\":\"2031-01-06\",\"reason\":\"factory fire\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("APPLIED"))
                .andExpect(jsonPath("$.detail").value("shipment " + shipment.id()
                        + " now expected 2031-01-06 (factory fire)"))
                .andExpect(jsonPath("$.eventId", startsWith("api-")))
                .andReturn().getResponse().getContentAsString();
        String eventId = JsonPath.read(response, "$.eventId");
        // Recorded like any inbound event, so that a restart replays it.
        assertThat(demoEventLog().appliedSince(Instant.EPOCH)).filteredOn(event -> event.id().equals(eventId))
                .singleElement().satisfies(event -> assertThat(event.source()).isEqualTo("/planners/planner"));
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc
                    .perform(get("/api/portfolios/demo/blocks/{id}", blockId).with(planner()))
                    .andExpect(jsonPath("$.onlineDate", greaterThan("2031-01-06")))
                    .andExpect(jsonPath("$.slipDays", greaterThan(0))));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> mvc
                    .perform(get("/api/portfolios/demo/blocks/{id}/history", blockId).with(planner()))
                    .andExpect(jsonPath("$[*].eventIds[*]", hasItem(eventId)))
                    .andExpect(jsonPath("$[*].cause", hasItem(containsString("now expected 2031-01-06")))));
        } finally {
            mvc.perform(post("/api/portfolios/demo/shipments/{id}/eta", shipment.id()).with(planner())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"newDate\":\"" + promised + "\"}"))
                    .andExpect(status().isAccepted());
        }
    }

    @Test
    void aDeliveryIsShownAndRefusesLaterEtas() throws Exception {
        String shipmentId = session.plan(LivePlans.DEMO).portfolio().shipments().stream()
                .filter(shipment -> shipment.siteId().equals("QC1") && shipment.deliveredDate() == null)
                .findFirst().orElseThrow().id();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        mvc.perform(post("/api/portfolios/demo/shipments/{id}/delivery", shipmentId).with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"deliveredDate\":\"" + today + "\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.detail").value("shipment " + shipmentId + " delivered " + today));
        mvc.perform(post("/api/portfolios/demo/shipments/{id}/eta", shipmentId).with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"newDate\":\"2028-01-10\"}"))
                .andExpect(problem(422, "change-refused", "was already delivered on " + today));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc
                .perform(get("/api/portfolios/demo/shipments/{id}", shipmentId).with(planner()))
                .andExpect(jsonPath("$.delivered").value(true))
                .andExpect(jsonPath("$.arrivalDate").value(today.toString())));
    }

    @Test
    void invalidWhatIfsNameTheField() throws Exception {
        mvc.perform(post("/api/portfolios/demo/shipments/{id}/eta", DELIVERED_TRANSFORMER).with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"no date\"}"))
                .andExpect(problem(400, "invalid-request", "newDate: must not be null"))
                .andExpect(jsonPath("$.errors[0].field").value("newDate"));
        mvc.perform(post("/api/portfolios/demo/shipments/{id}/eta", DELIVERED_TRANSFORMER).with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"newDate\":\"2031-02-30\"}"))
                .andExpect(problem(400, "invalid-request", "newDate: "));
        mvc.perform(post("/api/portfolios/demo/shipments/{id}/delivery", DELIVERED_TRANSFORMER).with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"deliveredDate\":\"2099-01-01\"}"))
                .andExpect(problem(400, "invalid-request",
                        "deliveredDate: must be a date in the past or in the present"));
    }

    /** The demo portfolio's event log, as the service keeps it. */
    private EventLog demoEventLog() {
        return new MongoEventLog(LivePlans.DEMO, mongo, Clock.systemUTC(), () -> { });
    }
}
