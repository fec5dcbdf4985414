package io.timetocompute.api.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;

import io.timetocompute.api.ApiIntegrationTest;

class ScoreApiTest extends ApiIntegrationTest {

    @Test
    void explainsTheScoreMostExpensiveConstraintFirst() throws Exception {
        String explanation = mvc.perform(get("/api/portfolios/demo/score").param("matches", "2").with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.feasible").value(true))
                .andExpect(jsonPath("$.score").isString())
                .andExpect(jsonPath("$.constraints", hasSize(greaterThan(0))))
                .andExpect(jsonPath("$.constraints[*].topMatches.length()", everyItem(lessThanOrEqualTo(2))))
                .andExpect(jsonPath("$.constraints[0].topMatches[0].description").isString())
                .andReturn().getResponse().getContentAsString();
        List<Integer> matchCounts = JsonPath.read(explanation, "$.constraints[*].matchCount");
        assertThat(matchCounts).allMatch(count -> count > 0);
    }

    @Test
    void theNumberOfMatchesIsBounded() throws Exception {
        mvc.perform(get("/api/portfolios/demo/score").param("matches", "0").with(planner()))
                .andExpect(problem(400, "invalid-request", "matches: must be greater than or equal to 1"));
        mvc.perform(get("/api/portfolios/demo/score").param("matches", "101").with(planner()))
                .andExpect(problem(400, "invalid-request", "matches: must be less than or equal to 100"));
    }
}
