package io.timetocompute.api.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The first plan executives see is the converged one: nothing is published while the first solve runs for its
 * budget (health and the API say how far it is), unless a planner approves it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "ttc.planning.demo-tasks=300", "ttc.planning.first-publication-budget=1h"})
@EmbeddedKafka(partitions = 1)
@AutoConfigureMockMvc
class FirstPlanTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    LivePlans plans;

    @Test
    void nothingIsPublishedWhileTheFirstSolveRunsUntilAPlannerApprovesIt() throws Exception {
        mvc.perform(get("/api/portfolios/demo/dashboard").with(httpBasic("executive", "demo")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.firstSolveBudgetSeconds").value(3600))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("of 3600 s")));
        mvc.perform(get("/actuator/health").with(httpBasic("planner", "demo")))
                .andExpect(jsonPath("$.components.solver.details.demo.firstSolveBudgetSeconds").value(3600));
        mvc.perform(get("/api/portfolios/demo/plan/first").with(httpBasic("planner", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.published").value(false));
        mvc.perform(post("/api/portfolios/demo/plan/first/approve").with(httpBasic("executive", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/portfolios/nope/plan/first/approve").with(httpBasic("planner", "demo")))
                .andExpect(status().isNotFound());
        assertThat(plans.latestPublication(LivePlans.DEMO)).isEmpty();

        mvc.perform(post("/api/portfolios/demo/plan/first/approve").with(httpBasic("planner", "demo")))
                .andExpect(status().isAccepted());

        await().atMost(Duration.ofSeconds(20)).until(() -> plans.latestPublication(LivePlans.DEMO).isPresent());
        mvc.perform(get("/api/portfolios/demo/dashboard").with(httpBasic("executive", "demo")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/portfolios/demo/plan/first").with(httpBasic("planner", "demo")))
                .andExpect(jsonPath("$.published").value(true));
    }
}
