package io.timetocompute.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may call what: planners everything, executives the portfolios' projections, site views and feeds, suppliers
 * only their own shipments (SupplierApiTest).
 */
class ApiAccessTest extends ApiIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/portfolios", "/api/portfolios/demo", "/api/portfolios/demo/sites",
            "/api/portfolios/demo/dashboard", "/api/portfolios/demo/projections", "/api/portfolios/demo/blocks/WTX1-H1",
            "/api/portfolios/demo/blocks/WTX1-H1/history", "/api/portfolios/demo/sites/WTX1",
            "/api/portfolios/demo/sites/WTX1/schedule"})
    void executivesReadPortfoliosProjectionsTheDashboardAndSiteViews(String path) throws Exception {
        mvc.perform(get(path).with(executive())).andExpect(status().isOk());
        mvc.perform(get(path).with(planner())).andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/portfolios/demo/export", "/api/portfolios/demo/events",
            "/api/portfolios/demo/tasks", "/api/portfolios/demo/tasks/OH1-MOBILIZE", "/api/portfolios/demo/shipments", "/api/portfolios/demo/shipments/SHP-WTX1-XFMR-1",
            "/api/portfolios/demo/pools", "/api/portfolios/demo/pools/OH1-CIVIL/schedule", "/api/portfolios/demo/score"})
    void planningDetailIsForPlannersOnly(String path) throws Exception {
        mvc.perform(get(path).with(planner())).andExpect(status().isOk());
        mvc.perform(get(path).with(executive()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://timetocompute.io/problems/forbidden"))
                .andExpect(jsonPath("$.detail").value("your role may not GET " + path))
                .andExpect(jsonPath("$.instance").value(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/portfolios/demo/sites", "/api/portfolios/demo/dashboard", "/api/portfolios/demo/projections", "/api/portfolios/demo/blocks/WTX1-H1",
            "/api/portfolios/demo/shipments", "/api/portfolios/demo"})
    void suppliersReadNothing(String path) throws Exception {
        mvc.perform(get(path).with(supplier())).andExpect(status().isForbidden());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/portfolios/demo/sites", "/api/portfolios/demo/dashboard", "/api/portfolios/demo/projections", "/api/portfolios/demo", "/api/portfolios/demo/score"})
    void anonymousCallersMustAuthenticate(String path) throws Exception {
        mvc.perform(get(path).accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/portfolios/demo/shipments/SHP-WTX1-XFMR-1/eta", "/api/portfolios/demo/shipments/SHP-WTX1-XFMR-1/delivery",
            "/api/portfolios/demo/pools/OH1-CIVIL/capacity", "/api/portfolios/demo/tasks/OH1-MOBILIZE/progress", "/api/portfolios/demo/sites/OH1/power-date"})
    void onlyPlannersMakeWhatIfs(String path) throws Exception {
        mvc.perform(whatIf(path).with(executive())).andExpect(status().isForbidden());
        mvc.perform(whatIf(path).with(supplier())).andExpect(status().isForbidden());
        mvc.perform(whatIf(path).with(csrf()).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"executive", "meridian-switchgear"})
    void onlyPlannersImportPortfolios(String user) throws Exception {
        mvc.perform(put("/api/portfolios/demo").with(httpBasic(user, "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    /** The body does not matter: the role is checked before the request is read. */
    private static MockHttpServletRequestBuilder whatIf(String path) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content("{}");
    }
}
