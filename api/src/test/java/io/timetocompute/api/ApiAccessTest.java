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

/** Who may call what: planners everything, executives the projections and feeds, suppliers none of the API. */
class ApiAccessTest extends ApiIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/sites", "/api/dashboard", "/api/projections", "/api/blocks/WTX1-H1",
            "/api/blocks/WTX1-H1/history"})
    void executivesReadProjectionsAndTheDashboard(String path) throws Exception {
        mvc.perform(get(path).with(executive())).andExpect(status().isOk());
        mvc.perform(get(path).with(planner())).andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/sites/WTX1", "/api/sites/WTX1/schedule", "/api/portfolio", "/api/portfolio/export",
            "/api/tasks", "/api/tasks/OH1-MOBILIZE", "/api/shipments", "/api/shipments/SHP-WTX1-XFMR-1",
            "/api/pools", "/api/pools/OH1-CIVIL/schedule", "/api/score"})
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
    @ValueSource(strings = {"/api/sites", "/api/dashboard", "/api/projections", "/api/blocks/WTX1-H1",
            "/api/shipments", "/api/portfolio"})
    void suppliersReadNothing(String path) throws Exception {
        mvc.perform(get(path).with(supplier())).andExpect(status().isForbidden());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/sites", "/api/dashboard", "/api/projections", "/api/portfolio", "/api/score"})
    void anonymousCallersMustAuthenticate(String path) throws Exception {
        mvc.perform(get(path).accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/shipments/SHP-WTX1-XFMR-1/eta", "/api/shipments/SHP-WTX1-XFMR-1/delivery",
            "/api/pools/OH1-CIVIL/capacity", "/api/tasks/OH1-MOBILIZE/progress", "/api/sites/OH1/power-date"})
    void onlyPlannersMakeWhatIfs(String path) throws Exception {
        mvc.perform(whatIf(path).with(executive())).andExpect(status().isForbidden());
        mvc.perform(whatIf(path).with(supplier())).andExpect(status().isForbidden());
        mvc.perform(whatIf(path).with(csrf()).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"executive", "meridian-switchgear"})
    void onlyPlannersImportPortfolios(String user) throws Exception {
        mvc.perform(put("/api/portfolio").with(httpBasic(user, "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    /** The body does not matter: the role is checked before the request is read. */
    private static MockHttpServletRequestBuilder whatIf(String path) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content("{}");
    }
}
