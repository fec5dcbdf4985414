package io.timetocompute.api;

import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/** The OpenAPI document behind the Swagger UI describes the API, with summaries, for anyone. */
class ApiDocumentationTest extends ApiIntegrationTest {

    @Test
    void theOpenApiDocumentListsTheEndpointsByFeature() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Time-to-Compute API"))
                .andExpect(jsonPath("$.info.version").value(org.hamcrest.Matchers.matchesPattern("\\d+\\.\\d+\\.\\d+.*")))
                .andExpect(jsonPath("$.tags[*].name", hasItems("Portfolio", "Sites", "Dashboard", "Projections",
                        "Tasks", "Shipments", "Labor pools", "Score")))
                .andExpect(jsonPath("$.paths['/api/portfolios/{portfolioId}/sites/{siteId}/schedule'].get.summary")
                        .value("A site's schedule: tasks with float and driving path, blocks, shipments, pool loads"))
                .andExpect(jsonPath("$.paths['/api/portfolios/{portfolioId}/shipments/{shipmentId}/eta'].post.tags[0]").value("Shipments"))
                .andExpect(jsonPath("$.paths['/api/portfolios/{portfolioId}/blocks/{blockId}'].get.summary").isString())
                .andExpect(jsonPath("$.paths['/api/portfolios'].post.summary").isString())
                .andExpect(jsonPath("$.paths['/api/portfolios/{portfolioId}/archive'].post.summary").isString())
                .andExpect(jsonPath("$.paths['/api/portfolios/{portfolioId}/baselines'].post.summary").isString())
                .andExpect(jsonPath("$.paths['/api/portfolios/{portfolioId}/baselines/active'].put.summary").isString())
                .andExpect(jsonPath("$.paths['/api/portfolios/{portfolioId}/plan/first/approve'].post.summary").isString())
                .andExpect(jsonPath("$.paths['/api/suppliers/{supplier}/shipments'].get.tags[0]").value("Suppliers"));
    }
}
