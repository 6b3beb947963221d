package kg.vareg.backend.security;

import java.util.Optional;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * The security every filter chain shares (issue 15 item 2) — the API's, the pages', the exchange API's and the
 * verifier's: login throttling before any password is checked (HTTP Basic and the login form alike), and the request
 * rate limit after authentication, keyed on the principal else the address ({@link RequestRateLimitFilter}). Each
 * chain's configuration calls {@link #apply(HttpSecurity)}; a test per chain (ChainSecurityIT) holds them to it.
 */
@Component
public class ChainSecurity {
    private final LoginThrottle throttle;
    private final Optional<RateLimiter> anonymous;
    private final Optional<RateLimiter> authenticated;
    private final Optional<RateLimiter> exchange;

    ChainSecurity(LoginThrottle throttle, RateLimiters limiters, SecurityProperties properties) {
        this.throttle = throttle;
        this.anonymous = limiter(limiters, "public", properties.rateLimit());
        this.authenticated = limiter(limiters, "user", properties.authenticatedRateLimit());
        this.exchange = limiter(limiters, "exchange", properties.exchangeRateLimit());
    }

    private static Optional<RateLimiter> limiter(RateLimiters limiters, String name, SecurityProperties.RateLimit r) {
        return r.enabled() ? Optional.of(limiters.greedy(name, r.capacity(), r.refill(), r.period())) : Optional.empty();
    }

    /** Adds the shared filters to a chain; returns it for further configuration. */
    public HttpSecurity apply(HttpSecurity http) {
        return http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new RequestRateLimitFilter(anonymous, authenticated, exchange), AuthorizationFilter.class);
    }
}
