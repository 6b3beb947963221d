package kg.vareg.backend.exchanges;

import java.time.Duration;
import java.util.Optional;
import kg.vareg.backend.security.Problems;
import kg.vareg.backend.security.RateLimiter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an exchange by its {@code X-Api-Key} header (role EXCHANGE). A request without the header
 * passes on (regulator staff may use HTTP Basic); a request with a wrong or revoked key is refused at once.
 * Not a bean on purpose: it runs only inside the exchange API's own security filter chain.
 */
final class ExchangeApiKeyFilter extends OncePerRequestFilter {
    static final String HEADER = "X-Api-Key";
    private final ExchangeApiKeys keys;
    private final RateLimiter failuresPerAddress;

    /**
     * @param failuresPerAddress wrong keys allowed per client address, so key guessing stays slow and cheap (the
     *                           requests of a valid key are limited per key by the chain's shared rate limit)
     */
    ExchangeApiKeyFilter(ExchangeApiKeys keys, RateLimiter failuresPerAddress) {
        this.keys = keys;
        this.failuresPerAddress = failuresPerAddress;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Duration> blocked = failuresPerAddress.peekWait(request.getRemoteAddr());
        if (blocked.isPresent()) {
            Problems.tooMany(response, blocked.get(), "rate-limited", "too many wrong API keys from this address");
            return;
        }
        var exchange = keys.authenticate(presented.strip());
        if (exchange.isEmpty()) {
            failuresPerAddress.tryConsume(request.getRemoteAddr());
            ExchangeSecurityConfiguration.unauthorized(response, "the API key is unknown, malformed or revoked");
            return;
        }
        var auth = new UsernamePasswordAuthenticationToken("exchange:" + exchange.get(), null,
                List.of(new SimpleGrantedAuthority("ROLE_EXCHANGE")));
        SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
