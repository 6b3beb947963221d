package kg.vareg.backend.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The API's answers to access decisions: 403 problems (their journal row is written by
 * {@link FailedAttemptJournal}), four-eyes refusals naming the rule, and 202 Accepted for a proposed decision.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityProblems {
    static final String REASON = "vareg.denied.reason";
    static final String RULE = "vareg.denied.rule";

    @ExceptionHandler(DecisionProposed.class)
    ResponseEntity<ProposalView> proposed(DecisionProposed e) {
        Proposal p = e.proposal();
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/emissions/" + p.emissionId() + "/proposals"))
                .body(ProposalView.of(p));
    }

    @ExceptionHandler(FourEyesViolation.class)
    ProblemDetail fourEyes(FourEyesViolation e, HttpServletRequest request) {
        request.setAttribute(REASON, e.getMessage());
        request.setAttribute(RULE, "four-eyes");
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        p.setType(URI.create("https://vareg.kg/problems/four-eyes"));
        p.setTitle("Four-eyes: a second staff member must confirm");
        p.setProperty("rule", "four-eyes");
        return p;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e, HttpServletRequest request) {
        request.setAttribute(REASON, e.getMessage());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        p.setType(URI.create("https://vareg.kg/problems/forbidden"));
        p.setTitle("Forbidden");
        return p;
    }
}
