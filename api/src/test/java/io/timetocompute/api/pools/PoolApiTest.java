package io.timetocompute.api.pools;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.timetocompute.api.ApiIntegrationTest;

class PoolApiTest extends ApiIntegrationTest {

    @Test
    void listsLocalAndTravelingPools() throws Exception {
        mvc.perform(get("/api/portfolios/demo/pools").with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(21)))
                .andExpect(jsonPath("$[?(@.id == 'QC1-ELEC')].trade", contains("electrical")))
                .andExpect(jsonPath("$[?(@.id == 'QC1-ELEC')].site", contains("QC1")))
                .andExpect(jsonPath("$[?(@.id == 'QC1-ELEC')].baseHeadcount", contains(98)))
                .andExpect(jsonPath("$[?(@.id == 'TRAVEL-HV-1')].traveling", contains(true)))
                .andExpect(jsonPath("$[?(@.id == 'TRAVEL-HV-1')].siteIds[*]",
                        containsInAnyOrder("WTX1", "QC1", "OH1")))
                .andExpect(jsonPath("$[?(@.id == 'TRAVEL-HV-1')].site", hasSize(0)));
    }

    @Test
    void aPoolsScheduleHasItsLoadAndTheTasksUsingIt() throws Exception {
        mvc.perform(get("/api/portfolios/demo/pools/{id}/schedule", "OH1-CIVIL").with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.poolId").value("OH1-CIVIL"))
                .andExpect(jsonPath("$.trade").value("civil"))
                .andExpect(jsonPath("$.segments", hasSize(greaterThan(0))))
                .andExpect(jsonPath("$.segments[0].from").isString())
                .andExpect(jsonPath("$.tasks[*].id", hasItem("OH1-CLEAR-GRADE")))
                .andExpect(jsonPath("$.tasks[*].siteId", everyItem(is("OH1"))))
                .andExpect(jsonPath("$.tasks[*].headcount", everyItem(greaterThan(0))));
        mvc.perform(get("/api/portfolios/demo/pools/{id}/schedule", "NOPE").with(planner()))
                .andExpect(problem(404, "not-found", "no pool 'NOPE'"));
    }

    @Test
    void aCapacityWhatIfIsAddedToThePool() throws Exception {
        mvc.perform(post("/api/portfolios/demo/pools/{id}/capacity", "OH1-NET").with(planner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"2027-03-01\",\"to\":\"2027-03-05\",\"delta\":2,\"reason\":\"loaned crew\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("APPLIED"))
                .andExpect(jsonPath("$.detail")
                        .value("pool OH1-NET headcount +2 from 2027-03-01 to 2027-03-05 (loaned crew)"));
        mvc.perform(get("/api/portfolios/demo/pools").with(planner()))
                .andExpect(jsonPath("$[?(@.id == 'OH1-NET')].adjustments[*].reason", hasItem("loaned crew")));
    }

    @Test
    void invalidCapacityWhatIfsAreProblems() throws Exception {
        mvc.perform(post("/api/portfolios/demo/pools/{id}/capacity", "OH1-NET").with(planner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"2027-03-01\",\"headcount\":5,\"delta\":2}"))
                .andExpect(problem(400, "invalid-request", "exactlyOneOfHeadcountAndDelta: give exactly one of headcount and delta"));
        mvc.perform(post("/api/portfolios/demo/pools/{id}/capacity", "OH1-NET").with(planner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"2027-03-05\",\"to\":\"2027-03-01\",\"headcount\":-1}"))
                .andExpect(problem(400, "invalid-request", "rangeInOrder: to must not be before from"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("rangeInOrder", "headcount")));
        mvc.perform(post("/api/portfolios/demo/pools/{id}/capacity", "NOPE").with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"2027-03-01\",\"delta\":1}"))
                .andExpect(problem(404, "not-found", "no pool 'NOPE'"));
    }
}
