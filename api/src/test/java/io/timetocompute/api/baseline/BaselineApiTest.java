package io.timetocompute.api.baseline;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.timetocompute.api.FullServiceTest;
import io.timetocompute.api.TestEvents;
import io.timetocompute.api.planning.LivePlans;

/** A planner keeps the current plan as a named baseline; slip is then against it, and says so. */
@FullServiceTest
class BaselineApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    LivePlans plans;

    @Test
    void aKeptBaselineIsListedUsedForSlipAndNamedUntilThePlannerGoesBackToTheFirstPublishedPlan() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> plans.latestPublication().isPresent());
        String name = "board " + TestEvents.newId("b");
        String body = "{\"name\":\"" + name + "\"}";
        try {
            mvc.perform(post("/api/baselines").with(httpBasic("executive", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
            mvc.perform(post("/api/baselines").with(httpBasic("planner", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"<script>\"}"))
                    .andExpect(status().isBadRequest());

            mvc.perform(post("/api/baselines").with(httpBasic("planner", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.name").value(name))
                    .andExpect(jsonPath("$.active").value(true))
                    .andExpect(jsonPath("$.setBy").value("planner"));
            mvc.perform(post("/api/baselines").with(httpBasic("planner", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isConflict());

            mvc.perform(get("/api/baselines").with(httpBasic("planner", "demo")))
                    .andExpect(jsonPath("$[0].name").value("first published plan"))
                    .andExpect(jsonPath("$[?(@.active == true)].name").value(hasItem(name)));
            mvc.perform(get("/api/dashboard").with(httpBasic("executive", "demo")))
                    .andExpect(jsonPath("$.baseline.name").value(name));
            mvc.perform(get("/api/calendar.ics").with(httpBasic("executive", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(org.hamcrest.Matchers.containsString("Slip against baseline")));

            mvc.perform(put("/api/baselines/active").with(httpBasic("planner", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"no such plan\"}"))
                    .andExpect(status().isNotFound());
        } finally {
            mvc.perform(put("/api/baselines/active").with(httpBasic("planner", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"first published plan\"}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/dashboard").with(httpBasic("executive", "demo")))
                .andExpect(jsonPath("$.baseline.name").value("first published plan"));
    }
}
