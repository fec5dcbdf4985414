package io.timetocompute.api.portfolio;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.api.ApiIntegrationTest;

class PortfolioApiTest extends ApiIntegrationTest {

    @Test
    void summarizesTheDemoPortfolio() throws Exception {
        mvc.perform(get("/api/portfolios/demo").with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("demo-300-tasks"))
                .andExpect(jsonPath("$.dataDate").value("2026-12-01"))
                .andExpect(jsonPath("$.sites").value(3))
                .andExpect(jsonPath("$.blocks").value(4))
                .andExpect(jsonPath("$.tasks").value(301))
                .andExpect(jsonPath("$.pools").value(21))
                .andExpect(jsonPath("$.shipments").value(44))
                .andExpect(jsonPath("$.origin").isString());
    }

    @Test
    void exportsThePortfolioFormat() throws Exception {
        mvc.perform(get("/api/portfolios/demo/export").with(planner()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("demo-300-tasks.json")))
                .andExpect(jsonPath("$.id").value("demo-300-tasks"))
                .andExpect(jsonPath("$.sites[0].computeBlocks[0].id").value("WTX1-H1"))
                .andExpect(jsonPath("$.tasks", hasSize(301)))
                .andExpect(jsonPath("$.shipments[0].promisedDate").isString());
    }

    @Test
    void anExportedPortfolioImportsAgain() throws Exception {
        String exported = mvc.perform(get("/api/portfolios/demo/export").with(planner()))
                .andReturn().getResponse().getContentAsString();
        long versionBefore = session.latestPublication(LivePlans.DEMO).orElseThrow().version();
        mvc.perform(put("/api/portfolios/demo").with(planner()).contentType(MediaType.APPLICATION_JSON).content(exported))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value("demo-300-tasks"))
                .andExpect(jsonPath("$.tasks").value(301))
                .andExpect(jsonPath("$.origin").value("imported through the API by planner"));
        mvc.perform(get("/api/portfolios/demo").with(planner()))
                .andExpect(jsonPath("$.origin").value("imported through the API by planner"));
        awaitPublishedSchedule();
        mvc.perform(get("/api/portfolios/demo/projections").with(planner()))
                .andExpect(jsonPath("$.version", greaterThan((int) versionBefore)));
    }

    @Test
    void anInvalidPortfolioIsRefusedWithEveryError() throws Exception {
        String portfolio = """
                {"id": "broken", "name": "Broken", "dataDate": "2027-01-01",
                 "sites": [{"id": "S1", "name": "Site 1", "computeBlocks": [{"id": "B1", "name": "Block 1",
                   "itMw": 10, "valuePerDay": 1, "penaltyPerDayLate": 0}]}],
                 "tasks": [
                   {"id": "T1", "siteId": "NOWHERE", "name": "Orphan", "phase": "civil", "requiresPower": false,
                    "modes": [{"name": "standard", "durationDays": 5, "cost": 0}]},
                   {"id": "T2", "siteId": "S1", "name": "Online", "phase": "cx", "requiresPower": false, "bringsOnline": "B1",
                    "predecessors": [{"taskId": "T9", "lagDays": 0}],
                    "modes": [{"name": "standard", "durationDays": 5, "cost": 0}]}]}
                """;
        mvc.perform(put("/api/portfolios/demo").with(planner()).contentType(MediaType.APPLICATION_JSON).content(portfolio))
                .andExpect(problem(400, "invalid-portfolio", "NOWHERE"))
                .andExpect(jsonPath("$.errors", hasSize(greaterThan(1))))
                .andExpect(jsonPath("$.detail", containsString("T9")));
        mvc.perform(get("/api/portfolios/demo").with(planner()))
                .andExpect(jsonPath("$.id").value("demo-300-tasks"));
    }

    @Test
    void unreadablePortfolioJsonIsAProblemToo() throws Exception {
        mvc.perform(put("/api/portfolios/demo").with(planner()).contentType(MediaType.APPLICATION_JSON).content("{\"id\": "))
                .andExpect(problem(400, "invalid-portfolio", "invalid portfolio JSON in the request body"));
        mvc.perform(put("/api/portfolios/demo").with(planner()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\": \"x\", \"colour\": \"blue\"}"))
                .andExpect(problem(400, "invalid-portfolio", "colour"))
                .andExpect(jsonPath("$.errors[0]", startsWith("invalid portfolio JSON")));
    }
}
