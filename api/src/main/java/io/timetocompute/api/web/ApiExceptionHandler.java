package io.timetocompute.api.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.timetocompute.events.inbound.InvalidEventException;
import io.timetocompute.scheduler.interchange.ImportException;
import io.timetocompute.scheduler.portfolio.InvalidPortfolioException;
import io.timetocompute.scheduler.replanning.InvalidChangeException;

/**
 * Every error as an RFC 9457 problem (Spring's own ones through {@link ResponseEntityExceptionHandler}), with a
 * detail that says what is wrong. Problem types are documented in docs/api.md.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

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

    /** A schedule file (P6, MS Project) that cannot be imported: the detail names the problem; nothing was kept. */
    @ExceptionHandler
    ProblemDetail invalidScheduleFile(ImportException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-schedule-file", "Invalid schedule file", e.getMessage());
    }

    /** A multipart request without a part the call needs (the schedule file of an import). */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalidRequest(List.of(new FieldProblem(e.getRequestPartName(), "is missing")), headers);
    }

    @ExceptionHandler
    ProblemDetail invalidEvent(InvalidEventException e) {
        if (e.getCause() instanceof InvalidChangeException refused) {
            // Well-formed, but the plan cannot take it (a task finishing before it started...).
            return changeRefused(refused);
        }
        return problem(HttpStatus.BAD_REQUEST, "invalid-event", "Invalid event", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail changeRefused(InvalidChangeException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "change-refused", "Change refused", e.getMessage());
    }

    /** From the security filters as well as from method security: the caller's role may not make this call. */
    @ExceptionHandler
    ProblemDetail forbidden(AccessDeniedException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "your role may not " + request.getMethod() + " " + request.getRequestURI());
    }

    @ExceptionHandler
    ProblemDetail notFound(ResourceNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail portfolioExists(PortfolioExistsException e) {
        return problem(HttpStatus.CONFLICT, "portfolio-exists", "Portfolio exists", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidPortfolioId(InvalidPortfolioIdException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-portfolio-id", "Invalid portfolio id", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> scheduleNotPublished(ScheduleNotPublishedException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "schedule-pending",
                "Schedule not yet published", e.getMessage());
        if (e.firstSolve() != null) {
            problem.setProperty("firstSolveSeconds", e.firstSolve().elapsed().toSeconds());
            problem.setProperty("firstSolveBudgetSeconds", e.firstSolve().budget().toSeconds());
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    /** A request body that breaks a Bean Validation constraint: every offending field, by name. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldProblem(error instanceof FieldError field ? field.getField()
                        : error.getObjectName(), error.getDefaultMessage()))
                .toList();
        return invalidRequest(errors, headers);
    }

    /** A query or path parameter that breaks a constraint, e.g. {@code ?matches=0}. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            MethodParameter parameter = result.getMethodParameter();
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            String name = requestParam != null && !requestParam.name().isEmpty() ? requestParam.name()
                    : parameter.getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(new FieldProblem(name,
                    error.getDefaultMessage())));
        }
        return invalidRequest(errors, headers);
    }

    /** Malformed JSON, or a value of the wrong type (a date that is not ISO-8601, an unknown status). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException json) {
            String field = json.getPath().stream().map(reference -> reference.getPropertyName() != null
                    ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String message = json.getOriginalMessage();
            if (!field.isEmpty()) {
                return invalidRequest(List.of(new FieldProblem(field, message)), headers);
            }
            return ResponseEntity.badRequest().headers(headers).body(problem(HttpStatus.BAD_REQUEST,
                    "invalid-request", "Invalid request", "the request body is not valid JSON: " + message));
        }
        return ResponseEntity.badRequest().headers(headers).body(problem(HttpStatus.BAD_REQUEST, "invalid-request",
                "Invalid request", "the request body is missing or unreadable"));
    }

    /** One offending field of a request and what is wrong with it. */
    record FieldProblem(String field, String message) {
    }

    private static ResponseEntity<Object> invalidRequest(List<FieldProblem> errors, HttpHeaders headers) {
        String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        return Problems.of(status, type, title, detail);
    }
}
