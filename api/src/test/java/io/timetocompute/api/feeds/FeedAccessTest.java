package io.timetocompute.api.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.timetocompute.api.FullServiceTest;
import io.timetocompute.api.TestEvents;
import io.timetocompute.api.planning.LivePlans;

/** Who may use the feeds, the ingest endpoint and the event log. */
@FullServiceTest
class FeedAccessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    LivePlans session;

    @Test
    void anExecutiveReadsTheFeedsButSendsNoEvents() throws Exception {
        mvc.perform(get("/api/portfolios/demo/timeline").with(httpBasic("executive", "demo"))).andExpect(status().isOk());
        mvc.perform(get("/api/portfolios/demo/calendar.ics").with(httpBasic("executive", "demo"))).andExpect(status().isOk());
        mvc.perform(post("/api/portfolios/demo/events").contentType(MediaType.APPLICATION_JSON).content("{}")
                        .with(httpBasic("executive", "demo")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(get("/api/portfolios/demo/events").with(httpBasic("executive", "demo"))).andExpect(status().isForbidden());
    }

    @Test
    void aSupplierSendsEventsButReadsNoFeeds() throws Exception {
        String supplier = TestEvents.slugOf(TestEvents.tightestShipment(session));
        mvc.perform(get("/api/portfolios/demo/timeline").with(httpBasic(supplier, "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/portfolios/demo/calendar.ics").with(httpBasic(supplier, "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/portfolios/demo/events").with(httpBasic(supplier, "demo"))).andExpect(status().isForbidden());
    }

    @Test
    void anonymousCallersMustAuthenticate() throws Exception {
        mvc.perform(get("/api/portfolios/demo/timeline").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/portfolios/demo/calendar.ics").accept("text/calendar")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/portfolios/demo/events").contentType(MediaType.APPLICATION_JSON).content("{}")
                        .header("Authorization", "Basic bm9ib2R5Om5vbmU="))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aSignedLinkOpensTheCalendarWithoutCredentialsAndNothingElse() throws Exception {
        String link = JsonPath.read(mvc.perform(get("/api/portfolios/demo/calendar/link").with(httpBasic("executive", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user").value("executive"))
                .andReturn().getResponse().getContentAsString(), "$.url");
        assertThat(link).startsWith("http://localhost/api/portfolios/demo/calendar.ics?token=");
        String token = link.substring(link.indexOf("token=") + "token=".length());

        mvc.perform(get("/api/portfolios/demo/calendar.ics").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"));
        mvc.perform(get("/api/portfolios/demo/calendar.ics").param("token", token.substring(0, token.length() - 2) + "xx")
                .accept("text/calendar")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/portfolios/demo/timeline").param("token", token).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized());

        String supplier = TestEvents.slugOf(TestEvents.tightestShipment(session));
        mvc.perform(get("/api/portfolios/demo/calendar/link").with(httpBasic(supplier, "demo"))).andExpect(status().isForbidden());
    }

    @Test
    void timelinePagingIsValidated() throws Exception {
        mvc.perform(get("/api/portfolios/demo/timeline").param("size", "0").with(httpBasic("executive", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
        mvc.perform(get("/api/portfolios/demo/timeline").param("size", "501").with(httpBasic("executive", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/portfolios/demo/timeline").param("page", "-1").with(httpBasic("executive", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/portfolios/demo/timeline").param("page", "0").param("size", "500").with(httpBasic("executive", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(500));
    }
}
