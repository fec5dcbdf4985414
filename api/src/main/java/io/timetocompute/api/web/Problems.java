package io.timetocompute.api.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The service's RFC 9457 problems: one namespace of types, documented in docs/api.md. */
public final class Problems {

    static final String TYPES = "https://timetocompute.io/problems/";

    private Problems() {
    }

    /** @param type the last segment of the problem type, e.g. {@code not-found} */
    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }
}
