package io.timetocompute.api.baseline;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.timetocompute.api.FullServiceTest;
import io.timetocompute.api.TestEvents;
import io.timetocompute.api.planning.LivePlans;

/**
 * A planner keeps a portfolio's current plan as a named baseline; that portfolio's slip is then against it, and says
 * so, while other portfolios keep theirs.
 */
@FullServiceTest
class BaselineApiTest {

    private static final String DEMO_BASELINES = "/api/portfolios/demo/baselines";

    @Autowired
    MockMvc mvc;

    @Autowired
    LivePlans plans;

    @Test
    void aKeptBaselineIsListedUsedForSlipAndNamedUntilThePlannerGoesBackToTheFirstPublishedPlan() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> plans.latestPublication(LivePlans.DEMO).isPresent());
        String name = "board " + TestEvents.newId("b");
        String body = "{\"name\":\"" + name + "\"}";
        String other = "baseline-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            mvc.perform(post(DEMO_BASELINES).with(httpBasic("executive", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
            mvc.perform(post(DEMO_BASELINES).with(httpBasic("planner", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"<script>\"}"))
                    .andExpect(status().isBadRequest());
            mvc.perform(post("/api/portfolios/nope/baselines").with(httpBasic("planner", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isNotFound());

            mvc.perform(post(DEMO_BASELINES).with(httpBasic("planner", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.name").value(name))
                    .andExpect(jsonPath("$.active").value(true))
                    .andExpect(jsonPath("$.setBy").value("planner"));
            mvc.perform(post(DEMO_BASELINES).with(httpBasic("planner", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isConflict());

            mvc.perform(get(DEMO_BASELINES).with(httpBasic("planner", "demo")))
                    .andExpect(jsonPath("$[0].name").value("first published plan"))
                    .andExpect(jsonPath("$[?(@.active == true)].name").value(hasItem(name)));
            mvc.perform(get("/api/portfolios/demo/dashboard").with(httpBasic("executive", "demo")))
                    .andExpect(jsonPath("$.baseline.name").value(name));
            mvc.perform(get("/api/portfolios/demo/calendar.ics").with(httpBasic("executive", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Slip against baseline")));

            // Another portfolio with the same blocks keeps its own baseline, and may keep one of the same name.
            plans.create(other, plans.plan(LivePlans.DEMO).portfolio(), "baseline test");
            await().atMost(Duration.ofSeconds(60)).until(() -> plans.latestPublication(other).isPresent());
            mvc.perform(get("/api/portfolios/{id}/baselines", other).with(httpBasic("planner", "demo")))
                    .andExpect(jsonPath("$", hasSize(1)))
                    .andExpect(jsonPath("$[0].name").value("first published plan"))
                    .andExpect(jsonPath("$[0].active").value(true));
            mvc.perform(get("/api/portfolios/{id}/dashboard", other).with(httpBasic("executive", "demo")))
                    .andExpect(jsonPath("$.baseline.name").value("first published plan"));
            mvc.perform(put("/api/portfolios/{id}/baselines/active", other).with(httpBasic("planner", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/api/portfolios/{id}/baselines", other).with(httpBasic("planner", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isCreated());

            mvc.perform(put(DEMO_BASELINES + "/active").with(httpBasic("planner", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"no such plan\"}"))
                    .andExpect(status().isNotFound());
        } finally {
            if (plans.ids().contains(other)) {
                plans.archive(other);
            }
            mvc.perform(put(DEMO_BASELINES + "/active").with(httpBasic("planner", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"first published plan\"}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/portfolios/demo/dashboard").with(httpBasic("executive", "demo")))
                .andExpect(jsonPath("$.baseline.name").value("first published plan"));
    }
}
