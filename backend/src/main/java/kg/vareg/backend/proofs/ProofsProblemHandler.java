package kg.vareg.backend.proofs;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** RFC 9457 problem details for the public log API, naming the offending field. */
@RestControllerAdvice(assignableTypes = PublicLogController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProofsProblemHandler {

    @ExceptionHandler(LogRequestException.NotFound.class)
    ProblemDetail notFound(LogRequestException.NotFound e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Not found");
        p.setType(URI.create("https://vareg.kg/problems/log-not-found"));
        return p;
    }

    @ExceptionHandler(LogRequestException.BadField.class)
    ProblemDetail badField(LogRequestException.BadField e) {
        return invalid(e.field(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(e.getName(), "'" + e.getValue() + "' is not a valid " + e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return invalid(e.getParameterName(), "required parameter '" + e.getParameterName() + "' is missing");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return invalid(e.getRequestPartName(), "required file part '" + e.getRequestPartName() + "' is missing");
    }

    static ProblemDetail invalid(String field, String message) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        p.setTitle("Invalid request");
        p.setType(URI.create("https://vareg.kg/problems/invalid-request"));
        p.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return p;
    }
}
