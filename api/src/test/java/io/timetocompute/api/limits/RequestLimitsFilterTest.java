package io.timetocompute.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.databind.JsonNode;

import io.timetocompute.scheduler.portfolio.PortfolioJson;
import jakarta.servlet.ServletException;

class RequestLimitsFilterTest {

    private final RequestLimitsFilter filter = new RequestLimitsFilter(DataSize.ofKilobytes(1),
            DataSize.ofKilobytes(4), 2, 3);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
                "n/a", List.of(new SimpleGrantedAuthority("ROLE_SUPPLIER"))));
    }

    private static MockHttpServletRequest post(String uri, int bytes) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setContent(new byte[bytes]);
        return request;
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws ServletException, IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static JsonNode problem(MockHttpServletResponse response) throws IOException {
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        return PortfolioJson.mapper().readTree(response.getContentAsByteArray());
    }

    @Test
    void aBodyOverTheLimitIsAnswered413AsAProblemBeforeItIsRead() throws Exception {
        signIn("baltic-magnetics");
        MockHttpServletRequest request = post("/api/events", 1025);

        MockHttpServletResponse response = run(request);

        assertThat(response.getStatus()).isEqualTo(413);
        JsonNode problem = problem(response);
        assertThat(problem.get("type").asText()).isEqualTo("https://timetocompute.io/problems/content-too-large");
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("detail").asText()).contains("1025 bytes", "1024 bytes");
        assertThat(request.getInputStream().available()).isEqualTo(1025);
        assertThat(run(post("/api/events", 1024)).getStatus()).isEqualTo(200);
    }

    @Test
    void aBodyWithoutALengthIsCutOffAtTheLimit() throws Exception {
        signIn("planner");
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/events") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        chunked.setContent(new byte[5000]);

        assertThat(run(chunked).getStatus()).isEqualTo(413);
    }

    @Test
    void portfolioImportsHaveTheirOwnLimit() throws Exception {
        signIn("planner");
        MockHttpServletRequest importing = post("/api/portfolio", 3000);
        importing.setMethod("PUT");
        MockHttpServletRequest tooLarge = post("/api/portfolio", 5000);
        tooLarge.setMethod("PUT");

        assertThat(run(importing).getStatus()).isEqualTo(200);
        assertThat(run(tooLarge).getStatus()).isEqualTo(413);
    }

    @Test
    void scheduleFileUploadsHaveTheImportLimit() throws Exception {
        signIn("planner");
        assertThat(run(post("/api/portfolios/imports/preview", 3000)).getStatus()).isEqualTo(200);
        assertThat(run(post("/api/portfolios/imports", 3000)).getStatus()).isEqualTo(200);
        MockHttpServletResponse tooLarge = run(post("/api/portfolios/imports", 5000));
        assertThat(tooLarge.getStatus()).isEqualTo(413);
        assertThat(problem(tooLarge).get("detail").asText()).contains("5000 bytes").contains("4096 bytes");
        // Other writes keep the small limit (another user: the burst of 3 writes is spent).
        signIn("another-planner");
        assertThat(run(post("/api/portfolios", 3000)).getStatus()).isEqualTo(413);
    }

    @Test
    void eachPrincipalHasItsOwnRateAndIsToldWhenToRetry() throws Exception {
        signIn("baltic-magnetics");
        for (int i = 0; i < 3; i++) {
            assertThat(run(post("/api/events", 10)).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse limited = run(post("/api/events", 10));
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeader("Retry-After")).isEqualTo("1");
        assertThat(problem(limited).get("type").asText()).isEqualTo("https://timetocompute.io/problems/too-many-requests");
        // Another supplier is not held up by the first one's flood, and reads are never limited.
        signIn("helix-compute");
        assertThat(run(post("/api/events", 10)).getStatus()).isEqualTo(200);
        signIn("baltic-magnetics");
        assertThat(run(new MockHttpServletRequest("GET", "/api/events")).getStatus()).isEqualTo(200);
    }

    @Test
    void theBucketRefillsAtTheConfiguredRate() {
        AtomicLong now = new AtomicLong();
        PrincipalRateLimiter limiter = new PrincipalRateLimiter(2, 1, now::get);

        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isEqualTo(Duration.ofMillis(500));
        now.addAndGet(Duration.ofMillis(499).toNanos());
        assertThat(limiter.tryAcquire("a")).isPositive();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(limiter.tryAcquire("a")).isZero();
    }
}
