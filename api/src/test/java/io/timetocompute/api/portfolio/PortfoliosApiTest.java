package io.timetocompute.api.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.timetocompute.api.ApiIntegrationTest;
import io.timetocompute.api.TestEvents;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.scheduler.projection.ScheduleProjection.ShipmentProjection;

/**
 * Many portfolios through the API: list, create from a portfolio file, read, archive; unknown ids answered with 404
 * problems, bad ones refused; and a copy of the demo (every shipment, pool, site and task id in both) whose events,
 * dates and log stay its own. The copy is archived after each test, so that the other tests' events stay
 * unambiguous.
 */
class PortfoliosApiTest extends ApiIntegrationTest {

    private String copy;

    @BeforeEach
    void createACopyOfTheDemo() throws Exception {
        copy = "copy-" + UUID.randomUUID().toString().substring(0, 8);
        String exported = mvc.perform(get("/api/portfolios/demo/export").with(planner()))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/portfolios").param("portfolioId", copy).with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content(exported))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/api/portfolios/" + copy)))
                .andExpect(jsonPath("$.portfolioId").value(copy))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.tasks").value(301))
                .andExpect(jsonPath("$.origin").value("created through the API by planner"));
        await().atMost(Duration.ofSeconds(60)).until(() -> session.latestPublication(copy).isPresent());
    }

    @AfterEach
    void archiveTheCopy() {
        if (session.ids().contains(copy)) {
            session.archive(copy);
        }
    }

    @Test
    void listsReadsAndArchivesPortfolios() throws Exception {
        mvc.perform(get("/api/portfolios").with(executive()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].portfolioId", hasItem(LivePlans.DEMO)))
                .andExpect(jsonPath("$[*].portfolioId", hasItem(copy)));
        mvc.perform(get("/api/portfolios/{id}/sites", copy).with(executive()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem("WTX1")));

        mvc.perform(post("/api/portfolios/{id}/archive", copy).with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ARCHIVED"))
                .andExpect(jsonPath("$.archivedAt").isString());
        mvc.perform(get("/api/portfolios/{id}", copy).with(planner()))
                .andExpect(jsonPath("$.status").value("ARCHIVED"));
        mvc.perform(get("/api/portfolios/{id}/sites", copy).with(planner()))
                .andExpect(problem(404, "not-found", "no portfolio '" + copy + "'"));
        // Archived portfolios keep their id.
        mvc.perform(post("/api/portfolios").param("portfolioId", copy).with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content(exportOfDemo()))
                .andExpect(problem(409, "portfolio-exists", copy));
    }

    @Test
    void unknownPortfoliosAreNotFoundAndBadIdsAreRefused() throws Exception {
        for (String path : new String[] {"/api/portfolios/nope", "/api/portfolios/nope/sites",
                "/api/portfolios/nope/projections", "/api/portfolios/nope/events", "/api/portfolios/nope/timeline",
                "/api/portfolios/nope/shipments/SHP-WTX1-XFMR-1"}) {
            mvc.perform(get(path).with(planner())).andExpect(problem(404, "not-found", "no portfolio 'nope'"));
        }
        String long200 = "a".repeat(200);
        mvc.perform(get("/api/portfolios/{id}/sites", long200).with(planner()))
                .andExpect(problem(404, "not-found", "no portfolio '" + "a".repeat(80) + "...'"));
        for (String id : new String[] {"Upper", "with_underscore", "-dash-first", "x".repeat(41)}) {
            mvc.perform(post("/api/portfolios").param("portfolioId", id).with(planner())
                            .contentType(MediaType.APPLICATION_JSON).content(exportOfDemo()))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post("/api/portfolios").param("portfolioId", "Upper").with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content(exportOfDemo()))
                .andExpect(problem(400, "invalid-portfolio-id", "lowercase letters"));
        mvc.perform(post("/api/portfolios").param("portfolioId", LivePlans.DEMO).with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content(exportOfDemo()))
                .andExpect(problem(409, "portfolio-exists", "demo"));
        mvc.perform(post("/api/portfolios").param("portfolioId", "by-an-executive").with(executive())
                        .contentType(MediaType.APPLICATION_JSON).content(exportOfDemo()))
                .andExpect(status().isForbidden());
        assertThat(session.ids()).doesNotContain("by-an-executive", "upper");
    }

    @Test
    void twoPortfoliosWithTheSameShipmentPoolAndSiteIdsStayApart() throws Exception {
        ShipmentProjection shipment = TestEvents.tightestShipment(session);
        LocalDate demoArrival = arrival(LivePlans.DEMO, shipment.id());

        // A what-if on the copy's shipment, pool and site: the demo's do not move.
        LocalDate newEta = demoArrival.plusDays(45);
        String accepted = mvc.perform(post("/api/portfolios/{id}/shipments/{s}/eta", copy, shipment.id())
                        .with(planner()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"newDate\":\"" + newEta + "\",\"reason\":\"copy only\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("APPLIED"))
                .andReturn().getResponse().getContentAsString();
        String eventId = JsonPath.read(accepted, "$.eventId");
        mvc.perform(post("/api/portfolios/{id}/pools/{p}/capacity", copy, "OH1-CIVIL").with(planner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"2027-01-04\",\"to\":\"2027-01-29\",\"delta\":-3,\"reason\":\"copy\"}"))
                .andExpect(status().isAccepted());
        mvc.perform(post("/api/portfolios/{id}/sites/{s}/power-date", copy, "OH1").with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"2029-06-01\"}"))
                .andExpect(status().isAccepted());

        await().atMost(Duration.ofSeconds(60)).until(() -> newEta.equals(arrival(copy, shipment.id())));
        assertThat(arrival(LivePlans.DEMO, shipment.id())).isEqualTo(demoArrival);
        assertThat(session.plan(LivePlans.DEMO).portfolio().sites().stream()
                .filter(site -> site.id().equals("OH1")).findFirst().orElseThrow().powerAvailableDate())
                .isNotEqualTo(LocalDate.parse("2029-06-01"));
        assertThat(session.plan(copy).portfolio().sites().stream()
                .filter(site -> site.id().equals("OH1")).findFirst().orElseThrow().powerAvailableDate())
                .isEqualTo(LocalDate.parse("2029-06-01"));

        mvc.perform(get("/api/portfolios/{id}/events/{e}", copy, eventId).with(planner()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPLIED"));
        mvc.perform(get("/api/portfolios/demo/events/{e}", eventId).with(planner()))
                .andExpect(problem(404, "not-found", eventId));
        mvc.perform(get("/api/portfolios/{id}/timeline", copy).with(planner()))
                .andExpect(jsonPath("$.items[*].siteId", hasItem(shipment.siteId())));
    }

    @Test
    void httpIngestRoutesByThePathsPortfolioOrByAnIdOnlyOnePortfolioHas() throws Exception {
        ShipmentProjection shipment = TestEvents.tightestShipment(session);
        String supplier = TestEvents.slugOf(shipment);

        // Both portfolios have the shipment: without a portfolio, the event is ambiguous and nothing is recorded.
        String ambiguous = TestEvents.newId("ambiguous");
        mvc.perform(event("/api/events", ambiguous, shipment, 20, null).with(httpBasic(supplier, "demo")))
                .andExpect(problem(400, "invalid-event", "ambiguous"));
        mvc.perform(get("/api/portfolios/{id}/events/{e}", copy, ambiguous).with(planner()))
                .andExpect(status().isNotFound());

        // Named by the attribute, or by the path: it goes there.
        mvc.perform(event("/api/events", TestEvents.newId("named"), shipment, 20, copy)
                        .with(httpBasic(supplier, "demo")))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("APPLIED"));
        String byPath = TestEvents.newId("by-path");
        mvc.perform(event("/api/portfolios/" + copy + "/events", byPath, shipment, 25, null)
                        .with(httpBasic(supplier, "demo")))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("APPLIED"));
        mvc.perform(get("/api/portfolios/{id}/events/{e}", copy, byPath).with(planner()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/portfolios/demo/events/{e}", byPath).with(planner()))
                .andExpect(status().isNotFound());

        // A path and an attribute that disagree, and a portfolio that does not exist, are refused.
        mvc.perform(event("/api/portfolios/" + copy + "/events", TestEvents.newId("disagree"), shipment, 20,
                        LivePlans.DEMO).with(httpBasic(supplier, "demo")))
                .andExpect(problem(400, "invalid-event", "names portfolio 'demo'"));
        mvc.perform(event("/api/events", TestEvents.newId("unknown"), shipment, 20, "nowhere")
                        .with(httpBasic(supplier, "demo")))
                .andExpect(problem(400, "invalid-event", "not an active portfolio"));

        // Once the copy is archived, the shipment is the demo's alone again.
        session.archive(copy);
        String routed = TestEvents.newId("routed");
        mvc.perform(event("/api/events", routed, shipment, 1, null).with(httpBasic(supplier, "demo")))
                .andExpect(status().isAccepted());
        mvc.perform(get("/api/portfolios/demo/events/{e}", routed).with(planner()))
                .andExpect(status().isOk());
    }

    private String exportOfDemo() throws Exception {
        return mvc.perform(get("/api/portfolios/demo/export").with(planner())).andReturn().getResponse()
                .getContentAsString();
    }

    private LocalDate arrival(String portfolioId, String shipmentId) {
        return session.latestPublication(portfolioId).orElseThrow().projection().shipments().stream()
                .filter(s -> s.id().equals(shipmentId)).findFirst().orElseThrow().arrivalDate();
    }

    private static MockHttpServletRequestBuilder event(String path, String id, ShipmentProjection shipment,
            int days, String portfolio) {
        MockHttpServletRequestBuilder request = post(path).contentType(MediaType.APPLICATION_JSON)
                .header("ce-specversion", "1.0")
                .header("ce-id", id)
                .header("ce-type", TestEvents.ETA_CHANGED)
                .header("ce-source", TestEvents.sourceOf(shipment))
                .header("ce-time", TestEvents.now())
                .content(TestEvents.etaChangedData(shipment, days));
        return portfolio == null ? request : request.header("ce-ttcportfolio", portfolio);
    }
}
