package kg.vareg.backend.exchanges;

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

    ExchangeApiKeyFilter(ExchangeApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        var exchange = keys.authenticate(presented.strip());
        if (exchange.isEmpty()) {
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
