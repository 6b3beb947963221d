package kg.vareg.backend.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Journals every refused attempt of a logged-in user (a 403 answer) with its actor, in a transaction of its own:
 * the refused change itself was rolled back, the record of the attempt is not. Runs inside Spring Security's
 * filter chain (order just after it) so the authentication is still known. The operation is the handler's
 * path PATTERN (never the raw URL, which a caller controls) and the target its {id}, if that is a UUID.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class FailedAttemptJournal extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(FailedAttemptJournal.class);
    private final SecurityJournal journal;

    FailedAttemptJournal(SecurityJournal journal) {
        this.journal = journal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (response.getStatus() == 403) record(request);
    }

    void record(HttpServletRequest request) {
        Optional<CurrentActor> actor = actor();
        if (actor.isEmpty()) return;
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String operation = request.getMethod() + " " + (pattern == null ? "(no handler)" : pattern.toString());
        Optional<UUID> target = Optional.empty();
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars
                && vars.get("id") instanceof String id) {
            try {
                target = Optional.of(UUID.fromString(id));
            } catch (IllegalArgumentException notAUuid) {
                // not an identifier: left out
            }
        }
        Object reason = request.getAttribute(SecurityProblems.REASON);
        Optional<String> rule = Optional.ofNullable((String) request.getAttribute(SecurityProblems.RULE));
        try {
            journal.failedAttempt(actor.get(), operation, target, reason == null ? "forbidden" : reason.toString(), rule);
        } catch (RuntimeException e) {
            // The answer is already the 403; losing the record must be visible to operators.
            log.error("could not journal a refused attempt of {} on {}", actor.get().role(), operation, e);
        }
    }

    static Optional<CurrentActor> actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof VaregUser u ? Optional.of(u.actor()) : Optional.empty();
    }
}
