package kg.vareg.backend.calendar;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A 400 problem (RFC 9457) naming the query parameter that is wrong, in the same shape as the rest of the API
 * ({@code errors: [{field, message}]}); the calendar stays a stand-alone library, so it builds it itself.
 */
class CalendarRequestException extends ErrorResponseException {

    CalendarRequestException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, body(field, message), null);
    }

    private static ProblemDetail body(String field, String message) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
        p.setType(URI.create("https://vareg.kg/problems/invalid-request"));
        p.setTitle("Invalid request");
        p.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return p;
    }
}
