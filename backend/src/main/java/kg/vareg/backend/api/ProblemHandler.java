package kg.vareg.backend.api;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kg.vareg.backend.kernel.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * RFC 9457 problem details for every error of the API, with field-level errors as
 * {@code errors: [{field, message}]}. A rule of the regulation that forbids a step is a 409 naming the ¶.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    public static final String TYPE_BASE = "https://vareg.kg/problems/";

    public record FieldError(String field, String message) {}

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE_BASE + type));
        p.setTitle(title);
        return p;
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail rule(RuleViolation e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "rule-violation", "Not allowed by the regulation (" + e.paragraph() + ")", e.getMessage());
        p.setProperty("paragraph", e.paragraph());
        p.setProperty("rule", e.rule());
        if (!e.details().isEmpty()) p.setProperty("details", e.details());
        return p;
    }

    /** A term reaching into a year whose calendar is not configured: refuse to guess (docs/calendar.md). */
    @ExceptionHandler(kg.vareg.backend.calendar.CalendarYearNotConfiguredException.class)
    ProblemDetail calendarMissing(kg.vareg.backend.calendar.CalendarYearNotConfiguredException e) {
        ProblemDetail p = problem(HttpStatus.SERVICE_UNAVAILABLE, "calendar-not-configured", "Working-day calendar not configured",
                e.getMessage());
        p.setProperty("year", e.year());
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ProblemDetail stale(ObjectOptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "stale-version", "Changed by someone else",
                "the resource was changed by a concurrent request; reload it and retry");
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException e) {
        return invalid(List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraint(ConstraintViolationException e) {
        return invalid(e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail unauthenticated(AuthenticationException e) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "log in first");
    }

    /**
     * The database is unreachable (stopped, restarting, failing over): 503 with Retry-After; the change was not made
     * (its transaction never committed), so the client retries — with the same Idempotency-Key if it has one.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.transaction.CannotCreateTransactionException.class,
            org.springframework.dao.TransientDataAccessResourceException.class,
            org.hibernate.exception.JDBCConnectionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("database unavailable: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.TYPE, DatabaseOutage.TITLE, DatabaseOutage.DETAIL));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        // The constraint's name only: PostgreSQL's detail text would copy the offending VALUES into the log (¶66).
        log.warn("integrity violation: {}", constraint(e));
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict with the register's data",
                "the change conflicts with data already in the register");
    }

    static String constraint(DataIntegrityViolationException e) {
        if (e.getMostSpecificCause() instanceof java.sql.SQLException s) return "SQLState " + s.getSQLState();
        return e.getMostSpecificCause().getClass().getSimpleName();
    }

    private static String lastNode(String path) {
        int i = path.lastIndexOf('.');
        return i < 0 ? path : path.substring(i + 1);
    }

    static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")));
        p.setProperty("errors", errors);
        return p;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.add(new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "one of " + Arrays.toString(e.getRequiredType().getEnumConstants())
                : "a valid " + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName());
        return invalid(List.of(new FieldError(e.getName(), "'" + e.getValue() + "' is not " + expected)));
    }

    /** Malformed JSON, wrong types, unknown enum values, fractional quantities, bad dates, unknown fields. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof JsonBodyLimitFilter.PayloadTooLargeException) {
                // Counted while reading (a body longer than it said): the same 413 as a declared oversize body.
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large", t.getMessage()));
            }
        }
        Throwable cause = ex.getCause();
        FieldError error;
        if (cause instanceof UnrecognizedPropertyException u) {
            error = new FieldError(path(u), "unknown field; known fields are " + u.getKnownPropertyIds());
        } else if (cause instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            String expected = target != null && target.isEnum()
                    ? "one of " + Arrays.toString(target.getEnumConstants())
                    : describe(target);
            error = new FieldError(path(f), "'" + f.getValue() + "' is not " + expected);
        } else if (cause instanceof MismatchedInputException m) {
            error = new FieldError(path(m), "expected " + describe(m.getTargetType()));
        } else if (cause instanceof JacksonException j && !j.getPath().isEmpty()) {
            error = new FieldError(path(j), "invalid value: " + j.getOriginalMessage());
        } else if (cause instanceof JacksonException j) {
            error = new FieldError("$", "malformed JSON: " + j.getOriginalMessage());
        } else {
            error = new FieldError("$", "the request body is missing or unreadable");
        }
        return ResponseEntity.badRequest().body(invalid(List.of(error)));
    }

    private static String describe(Class<?> target) {
        if (target == null) return "a valid value";
        return switch (target.getSimpleName()) {
            case "BigInteger", "Integer", "int", "Long", "long" -> "a whole number";
            case "BigDecimal" -> "a decimal number";
            case "LocalDate" -> "a date as YYYY-MM-DD";
            case "UUID" -> "a UUID";
            case "Boolean", "boolean" -> "true or false";
            default -> "a valid " + target.getSimpleName();
        };
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "$" : sb.toString();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        // A lost connection can surface wrapped in anything (a failed commit is a TransactionSystemException): 503.
        if (DatabaseOutage.isCause(e)) return databaseUnavailable(e);
        // Full detail for operators in the log; the client gets a fixed text (no stack trace, no SQL).
        log.error("unexpected error", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the request failed and changed nothing; the error is logged"));
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
