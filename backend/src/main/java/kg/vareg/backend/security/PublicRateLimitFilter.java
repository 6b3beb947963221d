package kg.vareg.backend.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limit of requests WITHOUT credentials (the public register, proofs, document checks, pages, API docs): a
 * token bucket per client address; an empty bucket answers 429 problem+json with Retry-After. Requests with
 * credentials are limited by login throttling and by the role checks instead. Behind a load balancer the client
 * address comes from {@code server.forward-headers-strategy} (trusted proxies only).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PublicRateLimitFilter extends OncePerRequestFilter {
    private final RateLimiter limiter;
    private final boolean enabled;

    PublicRateLimitFilter(SecurityProperties properties) {
        SecurityProperties.RateLimit r = properties.rateLimit();
        this.enabled = r.enabled();
        this.limiter = new RateLimiter(r.capacity(), r.refill(), r.period());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        // Exchange API keys have their own, per-key bucket (exchanges.ExchangeApiKeyFilter).
        return !enabled || request.getHeader("Authorization") != null || request.getHeader("X-Api-Key") != null
                || path.startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = limiter.tryConsume(request.getRemoteAddr());
        if (wait.isPresent()) {
            Problems.tooMany(response, wait.get(), "rate-limited", "too many requests from this address");
            return;
        }
        chain.doFilter(request, response);
    }
}
