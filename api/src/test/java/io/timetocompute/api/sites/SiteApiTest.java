package io.timetocompute.api.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.timetocompute.api.ApiIntegrationTest;

class SiteApiTest extends ApiIntegrationTest {

    @Test
    void listsTheDemoSitesWithTheirBlocksAndSlip() throws Exception {
        mvc.perform(get("/api/portfolios/demo/sites").with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", contains("WTX1", "QC1", "OH1")))
                .andExpect(jsonPath("$[0].name").value("Pecos Wind Campus"))
                .andExpect(jsonPath("$[0].region", startsWith("West Texas")))
                .andExpect(jsonPath("$[0].itMw").value(43.0))
                .andExpect(jsonPath("$[0].blocks[*].id", contains("WTX1-H1", "WTX1-H2")))
                .andExpect(jsonPath("$[0].blocks[0].contractDate").value("2029-07-06"))
                .andExpect(jsonPath("$[1].itMw").value(26.0))
                .andExpect(jsonPath("$[1].blocks[0].contractDate").value("2028-10-01"))
                .andExpect(jsonPath("$[*].projectedOnline", everyItem(greaterThan("2026-12-01"))))
                .andExpect(jsonPath("$[*].baselineOnline", everyItem(greaterThan("2026-12-01"))));
    }

    @Test
    void aSitesOnlineDateIsItsLatestBlocksAndSlipIsMeasuredFromTheBaseline() throws Exception {
        String site = mvc.perform(get("/api/portfolios/demo/sites/{id}", "WTX1").with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("WTX1"))
                .andExpect(jsonPath("$.powerAvailableDate").value("2028-10-18"))
                .andReturn().getResponse().getContentAsString();
        List<String> onlineDates = JsonPath.read(site, "$.blocks[*].onlineDate");
        String latest = onlineDates.stream().max(String::compareTo).orElseThrow();
        assertThat(JsonPath.<String>read(site, "$.projectedOnline")).isEqualTo(latest);
        for (int block = 0; block < onlineDates.size(); block++) {
            LocalDate online = LocalDate.parse(JsonPath.read(site, "$.blocks[" + block + "].onlineDate"));
            LocalDate baseline = LocalDate.parse(JsonPath.read(site, "$.blocks[" + block + "].baselineDate"));
            assertThat(JsonPath.<Integer>read(site, "$.blocks[" + block + "].slipDays").longValue())
                    .isEqualTo(ChronoUnit.DAYS.between(baseline, online));
        }
        mvc.perform(get("/api/portfolios/demo/sites/{id}", "NOPE").with(planner()))
                .andExpect(problem(404, "not-found", "no site 'NOPE'"));
    }

    @Test
    void theSiteScheduleHoldsItsTasksBlocksShipmentsAndPools() throws Exception {
        mvc.perform(get("/api/portfolios/demo/sites/{id}/schedule", "OH1").with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.site.id").value("OH1"))
                .andExpect(jsonPath("$.site.name").value("Lima Works"))
                .andExpect(jsonPath("$.tasks[*].id", hasItem("OH1-MOBILIZE")))
                .andExpect(jsonPath("$.tasks[?(@.id == 'OH1-MOBILIZE')].status", contains("DONE")))
                .andExpect(jsonPath("$.tasks[*].id", everyItem(startsWith("OH1-"))))
                .andExpect(jsonPath("$.tasks[?(@.onDrivingPath == true)]", hasSize(greaterThan(0))))
                .andExpect(jsonPath("$.tasks[*].poolIds[*]", hasItem("OH1-CIVIL")))
                .andExpect(jsonPath("$.blocks[*].blockId", contains("OH1-H1")))
                .andExpect(jsonPath("$.blocks[0].drivingPath[0].kind").value("TASK"))
                .andExpect(jsonPath("$.shipments[*].id", everyItem(startsWith("SHP-OH1-"))))
                .andExpect(jsonPath("$.shipments", hasSize(greaterThan(0))))
                .andExpect(jsonPath("$.pools[*].poolId", hasItem("OH1-ELEC")))
                .andExpect(jsonPath("$.pools[*].poolId", everyItem(
                        anyOf(startsWith("OH1-"), startsWith("TRAVEL-")))))
                .andExpect(jsonPath("$.pools[0].segments[0].capacity").isNumber());
    }

    @Test
    void tasksOnTheDrivingPathAreTheBlocksTaskSteps() throws Exception {
        String schedule = mvc.perform(get("/api/portfolios/demo/sites/{id}/schedule", "QC1").with(planner()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> pathTasks = JsonPath.read(schedule, "$.blocks[*].drivingPath[?(@.kind == 'TASK')].id");
        List<String> flagged = JsonPath.read(schedule, "$.tasks[?(@.onDrivingPath == true)].id");
        assertThat(flagged).isNotEmpty().containsExactlyInAnyOrderElementsOf(
                pathTasks.stream().distinct().toList());
    }

    @Test
    void theDashboardSumsTheMegawattsOnline() throws Exception {
        String dashboard = mvc.perform(get("/api/portfolios/demo/dashboard").with(executive()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.portfolioId").value("demo-300-tasks"))
                .andExpect(jsonPath("$.portfolioName", startsWith("Demo portfolio: 3 sites")))
                .andExpect(jsonPath("$.dataDate").value("2026-12-01"))
                .andExpect(jsonPath("$.version", greaterThan(0)))
                .andExpect(jsonPath("$.feasible").value(true))
                .andExpect(jsonPath("$.sites[*].id", containsInAnyOrder("WTX1", "QC1", "OH1")))
                .andReturn().getResponse().getContentAsString();
        List<String> dates = JsonPath.read(dashboard, "$.mwOnline[*].date");
        List<Double> megawatts = JsonPath.read(dashboard, "$.mwOnline[*].mw");
        assertThat(dates).isSorted().doesNotHaveDuplicates();
        assertThat(megawatts).isSorted();
        // 20 + 23 + 26 + 20 MW of IT load in the four demo halls
        assertThat(megawatts.get(megawatts.size() - 1)).isEqualTo(89.0);
    }

    @Test
    void aPowerDateWhatIfIsAccepted() throws Exception {
        mvc.perform(post("/api/portfolios/demo/sites/{id}/power-date", "OH1").with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"2027-07-01\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("APPLIED"))
                .andExpect(jsonPath("$.detail").value("site OH1 power available 2027-07-01"));
        mvc.perform(post("/api/portfolios/demo/sites/{id}/power-date", "OH1").with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(problem(400, "invalid-request", "date: must not be null"));
        mvc.perform(post("/api/portfolios/demo/sites/{id}/power-date", "NOPE").with(planner())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"2027-07-01\"}"))
                .andExpect(problem(404, "not-found", "no site 'NOPE'"));
        mvc.perform(get("/api/portfolios/demo/sites/{id}", "OH1").with(planner()))
                .andExpect(jsonPath("$.powerAvailableDate", is("2027-07-01")));
    }
}
