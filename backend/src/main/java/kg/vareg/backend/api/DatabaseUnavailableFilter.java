package kg.vareg.backend.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: a database outage that escapes another filter (the Idempotency-Key store, the security chain)
 * is answered like one inside a controller — 503 problem+json with Retry-After — instead of the container's 500.
 * Runs before Spring Security's chain (order -100).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseUnavailableFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseOutage.isCause(e)) {
                throw e;
            }
            log.warn("database unavailable: {}", e.getClass().getSimpleName());
            if (!response.isCommitted()) {
                DatabaseOutage.write(response);
            }
            // Committed already: the answer (e.g. a 2xx whose Idempotency-Key record could not be completed) went out.
        }
    }
}
