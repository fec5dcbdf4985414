package io.timetocompute.api.limits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import io.timetocompute.scheduler.portfolio.PortfolioJson;

/**
 * Abuse limits on every write to the API ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} under
 * {@code /api/}): a per-principal rate ({@code 429 Too Many Requests} with {@code Retry-After}, so that one
 * client's flood cannot crowd out the others), and a body size limit ({@code 413 Content Too Large}; a body is
 * refused before it is read, or, without a {@code Content-Length}, as soon as it passes the limit). Both answer an
 * RFC 9457 problem. Portfolio imports have a limit of their own, since a large portfolio is tens of megabytes.
 * <p>
 * Runs after Spring Security's filters (a plain filter bean is ordered after them), so the principal is known; an
 * unauthenticated write never gets here.
 */
@Component
class RequestLimitsFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String TYPES = "https://timetocompute.io/problems/";

    private final long maxBodyBytes;
    private final long maxImportBytes;
    private final PrincipalRateLimiter rateLimiter;

    RequestLimitsFilter(@Value("${ttc.http.max-body-size:1MB}") DataSize maxBodySize,
            @Value("${ttc.http.max-import-size:64MB}") DataSize maxImportSize,
            @Value("${ttc.http.writes-per-second:50}") double writesPerSecond,
            @Value("${ttc.http.write-burst:200}") int writeBurst) {
        this.maxBodyBytes = maxBodySize.toBytes();
        this.maxImportBytes = maxImportSize.toBytes();
        this.rateLimiter = new PrincipalRateLimiter(writesPerSecond, writeBurst, System::nanoTime);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
            Duration wait = rateLimiter.tryAcquire(user.getName());
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                response.setHeader("Retry-After", Long.toString(seconds));
                problem(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                        "more than " + rateLimiter.describe() + " writes by " + user.getName() + "; retry in "
                                + seconds + " s");
                return;
            }
        }
        long limit = isImport(request) ? maxImportBytes : maxBodyBytes;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(response, declared + " bytes", limit);
            return;
        }
        if (declared < 0) {
            // No length given (chunked): read up to the limit, and refuse as soon as the body passes it.
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                tooLarge(response, "more than " + limit + " bytes", limit);
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isImport(HttpServletRequest request) {
        return ("PUT".equals(request.getMethod()) && request.getRequestURI().startsWith("/api/portfolio"))
                || ("POST".equals(request.getMethod()) && request.getRequestURI().startsWith("/api/portfolios/imports"));
    }

    private static void tooLarge(HttpServletResponse response, String size, long limit) throws IOException {
        // The connection is closed rather than the rest of a large body read and thrown away.
        response.setHeader("Connection", "close");
        problem(response, HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large",
                "the request body of " + size + " is larger than the limit of " + limit + " bytes");
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String type, String title,
            String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPES + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(PortfolioJson.mapper().writeValueAsBytes(problem));
    }

    /** The request with its body already read into memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
