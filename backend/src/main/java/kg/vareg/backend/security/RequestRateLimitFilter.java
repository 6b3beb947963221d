package kg.vareg.backend.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The request rate limit of every filter chain, AFTER authentication (issue 15 item 1): a request whose credentials
 * were accepted counts against its principal's bucket (an exchange key: the exchange limit; staff and issuers: the
 * authenticated limit); every other request counts against its client address's bucket (the public limit) — merely
 * sending an {@code Authorization} or {@code X-Api-Key} header escapes nothing. Wrong credentials never get here:
 * they are refused by authentication and counted by {@link LoginThrottle} (passwords) or the wrong-key limit
 * (exchange keys). An empty bucket answers 429 problem+json with Retry-After. Behind a load balancer the client
 * address comes from {@code server.forward-headers-strategy} (trusted proxies only).
 */
final class RequestRateLimitFilter extends OncePerRequestFilter {
    private final Optional<RateLimiter> anonymous;
    private final Optional<RateLimiter> authenticated;
    private final Optional<RateLimiter> exchange;

    RequestRateLimitFilter(Optional<RateLimiter> anonymous, Optional<RateLimiter> authenticated, Optional<RateLimiter> exchange) {
        this.anonymous = anonymous;
        this.authenticated = authenticated;
        this.exchange = exchange;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getServletPath().startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        Optional<Duration> wait;
        String detail;
        if (!signedIn) {
            wait = anonymous.flatMap(l -> l.tryConsume(request.getRemoteAddr()));
            detail = "too many requests from this address";
        } else if (auth.getAuthorities().stream().anyMatch(a -> "ROLE_EXCHANGE".equals(a.getAuthority()))) {
            wait = exchange.flatMap(l -> l.tryConsume(auth.getName()));
            detail = "this API key sent too many requests";
        } else {
            wait = authenticated.flatMap(l -> l.tryConsume(auth.getName()));
            detail = "this account sent too many requests";
        }
        if (wait.isPresent()) {
            Problems.tooMany(response, wait.get(), "rate-limited", detail);
            return;
        }
        chain.doFilter(request, response);
    }
}
