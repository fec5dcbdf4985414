package io.timetocompute.api.eventlog;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.timetocompute.api.FullServiceTest;
import io.timetocompute.api.TestEvents;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.scheduler.projection.ScheduleProjection.ShipmentProjection;

/** The event log: newest first, filtered by outcome, one event by id. */
@FullServiceTest
class EventLogControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    LivePlans session;

    @Test
    void listsTheNewestEventFirstAndFiltersByStatus() throws Exception {
        ShipmentProjection shipment = TestEvents.tightestShipment(session);
        String older = TestEvents.newId("older");
        String newer = TestEvents.newId("newer");
        send(older, shipment, TestEvents.etaChangedData(shipment, 2));
        // The store keeps recordedAt in milliseconds: make sure the two are not recorded in the same one.
        Thread.sleep(5);
        send(newer, shipment, "not json");

        mvc.perform(get("/api/portfolios/demo/events").param("size", "2").with(httpBasic("planner", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.total").value(Matchers.greaterThanOrEqualTo(2)))
                .andExpect(jsonPath("$.items[0].id").value(newer))
                .andExpect(jsonPath("$.items[0].status").value("REJECTED"))
                .andExpect(jsonPath("$.items[1].id").value(older))
                .andExpect(jsonPath("$.items[1].status").value("APPLIED"));
        mvc.perform(get("/api/portfolios/demo/events").param("status", "REJECTED").param("size", "500")
                        .with(httpBasic("planner", "demo")))
                .andExpect(jsonPath("$.items[*].status").value(Matchers.everyItem(Matchers.is("REJECTED"))))
                .andExpect(jsonPath("$.items[*].id").value(Matchers.hasItem(newer)))
                .andExpect(jsonPath("$.items[*].id").value(Matchers.not(Matchers.hasItem(older))));
    }

    @Test
    void anUnknownEventIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/portfolios/demo/events/{id}", "no-such-event").with(httpBasic("planner", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://timetocompute.io/problems/not-found"));
    }

    @Test
    void anUnknownStatusOrPageSizeIsABadRequest() throws Exception {
        mvc.perform(get("/api/portfolios/demo/events").param("status", "LOST").with(httpBasic("planner", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/portfolios/demo/events").param("size", "501").with(httpBasic("planner", "demo")))
                .andExpect(status().isBadRequest());
    }

    private void send(String id, ShipmentProjection shipment, String data) throws Exception {
        mvc.perform(post("/api/portfolios/demo/events").contentType(MediaType.APPLICATION_JSON)
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-type", TestEvents.ETA_CHANGED)
                .header("ce-source", TestEvents.sourceOf(shipment)).header("ce-time", TestEvents.now())
                .content(data).with(httpBasic("planner", "demo")));
    }
}
