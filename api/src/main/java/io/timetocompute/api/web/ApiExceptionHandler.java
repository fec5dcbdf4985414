package io.timetocompute.api.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.timetocompute.events.inbound.InvalidEventException;
import io.timetocompute.scheduler.portfolio.InvalidPortfolioException;
import io.timetocompute.scheduler.replanning.InvalidChangeException;

/**
 * Every error as an RFC 9457 problem (Spring's own ones through {@link ResponseEntityExceptionHandler}), with a
 * detail that says what is wrong. Problem types are documented in docs/api.md.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    static final String TYPES = "https://timetocompute.io/problems/";

    @ExceptionHandler
    ProblemDetail invalidPortfolio(InvalidPortfolioException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-portfolio", "Invalid portfolio",
                e.getMessage());
        // The validator lists every offending item, one per line.
        List<String> errors = Arrays.stream(e.getMessage().split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidEvent(InvalidEventException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-event", "Invalid event", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail changeRefused(InvalidChangeException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "change-refused", "Change refused", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(ResourceNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }
}
