package io.timetocompute.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.timetocompute.api.planning.LivePlans;

/**
 * The REST API tests: all of them run against one full service (one Spring context, shared through the test
 * context cache, so keep these annotations on this class only) on the 300-task demo portfolio, as the demo users.
 * The portfolio is shared too: a test that changes it picks ids no other test reads dates from.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "ttc.planning.demo-tasks=300"})
@EmbeddedKafka(partitions = 1)
@AutoConfigureMockMvc
public abstract class ApiIntegrationTest {

    protected static final String PROBLEM_TYPES = "https://timetocompute.io/problems/";

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected LivePlans session;

    /** Publication is asynchronous: right after start or an import, the API answers 503 for a moment. */
    @BeforeEach
    protected void awaitPublishedSchedule() {
        await().atMost(Duration.ofSeconds(60)).until(() -> session.latestPublication(LivePlans.DEMO).isPresent());
    }

    protected static RequestPostProcessor planner() {
        return httpBasic("planner", "demo");
    }

    protected static RequestPostProcessor executive() {
        return httpBasic("executive", "demo");
    }

    /** A demo supplier of the demo portfolio. */
    protected static RequestPostProcessor supplier() {
        return httpBasic("meridian-switchgear", "demo");
    }

    /** An RFC 9457 problem of one of the service's types, whose detail says what is wrong. */
    protected static ResultMatcher problem(int status, String type, String detailFragment) {
        List<ResultMatcher> matchers = List.of(
                status().is(status),
                content().contentType(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.status").value(status),
                jsonPath("$.type").value(PROBLEM_TYPES + type),
                jsonPath("$.detail", containsString(detailFragment)));
        return result -> {
            for (ResultMatcher matcher : matchers) {
                matcher.match(result);
            }
        };
    }
}
