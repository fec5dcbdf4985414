package io.timetocompute.api.projections;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import io.timetocompute.api.ApiIntegrationTest;

class ProjectionApiTest extends ApiIntegrationTest {

    @Test
    void theProjectionHasEveryBlockWithItsDrivingPath() throws Exception {
        mvc.perform(get("/api/portfolios/demo/projections").with(executive()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version", greaterThan(0)))
                .andExpect(jsonPath("$.publishedAt", notNullValue()))
                .andExpect(jsonPath("$.feasible").value(true))
                .andExpect(jsonPath("$.score").isString())
                .andExpect(jsonPath("$.portfolioFinish", greaterThan("2026-12-01")))
                .andExpect(jsonPath("$.blocks[*].blockId", containsInAnyOrder("WTX1-H1", "WTX1-H2", "QC1-H1",
                        "OH1-H1")))
                .andExpect(jsonPath("$.blocks[?(@.blockId == 'QC1-H1')].siteName").value("Baie-Comeau Hydro Campus"))
                .andExpect(jsonPath("$.blocks[0].drivingPath", hasSize(greaterThan(1))));
    }

    @Test
    void aBlockHasItsBaselineAndSlip() throws Exception {
        mvc.perform(get("/api/portfolios/demo/blocks/{id}", "QC1-H1").with(executive()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.blockId").value("QC1-H1"))
                .andExpect(jsonPath("$.siteId").value("QC1"))
                .andExpect(jsonPath("$.itMw").value(26.0))
                .andExpect(jsonPath("$.contractDate").value("2028-10-01"))
                .andExpect(jsonPath("$.onlineDate", greaterThan("2026-12-01")))
                .andExpect(jsonPath("$.baselineDate", greaterThan("2026-12-01")))
                .andExpect(jsonPath("$.slipDays").isNumber())
                .andExpect(jsonPath("$.drivingPath[0].kind").value("TASK"))
                .andExpect(jsonPath("$.onlineTaskId").value("QC1-H1-ONLINE"));
        mvc.perform(get("/api/portfolios/demo/blocks/{id}", "NOPE").with(executive()))
                .andExpect(problem(404, "not-found", "no block 'NOPE'"));
    }

    @Test
    void aBlocksHistoryStartsWithItsBaseline() throws Exception {
        mvc.perform(get("/api/portfolios/demo/blocks/{id}/history", "OH1-H1").with(executive()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].version", greaterThan(0)))
                .andExpect(jsonPath("$[0].oldDate", nullValue()))
                .andExpect(jsonPath("$[0].newDate", greaterThan("2026-12-01")))
                .andExpect(jsonPath("$[0].deltaDays").value(0))
                .andExpect(jsonPath("$[0].cause").value("re-optimization"))
                .andExpect(jsonPath("$[0].eventIds", hasSize(0)));
        mvc.perform(get("/api/portfolios/demo/blocks/{id}/history", "NOPE").with(executive()))
                .andExpect(problem(404, "not-found", "no block 'NOPE'"));
    }
}
