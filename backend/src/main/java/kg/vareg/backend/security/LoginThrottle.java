package kg.vareg.backend.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Login throttling against password guessing: failed logins are counted per account and per client address in a
 * fixed window; past the limit every login attempt for that account or from that address is refused with 429
 * (before the password is even checked) until the window ends. A success clears the account's count. The counters
 * are PostgreSQL-backed buckets ({@link RateLimiters}) shared by every backend instance, and the check runs on every
 * filter chain that takes a password ({@link ChainSecurity}: API, pages, exchange, verifier).
 */
@Component
public class LoginThrottle {
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private final RateLimiter accounts;
    private final RateLimiter addresses;

    LoginThrottle(SecurityProperties properties, RateLimiters limiters) {
        SecurityProperties.Login policy = properties.login();
        this.accounts = limiters.window("login-account", policy.maxFailuresPerAccount(), policy.window());
        this.addresses = limiters.window("login-address", policy.maxFailuresPerAddress(), policy.window());
    }

    /** How long the caller must wait, if the account or the address is blocked now. */
    public Optional<Duration> blocked(String username, String address) {
        return worst(accounts.peekWait(key(username)), addresses.peekWait(address));
    }

    private static Optional<Duration> worst(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return Optional.of(a.get().compareTo(b.get()) >= 0 ? a.get() : b.get());
    }

    public void failed(String username, String address) {
        boolean accountNowBlocked = accounts.tryConsume(key(username)).isEmpty() && accounts.peekWait(key(username)).isPresent();
        addresses.tryConsume(address);
        if (accountNowBlocked) {
            // The account name is not logged (it may be a mistyped password); the address is.
            log.warn("login throttled for an account after too many failures (address {})", address);
        }
    }

    public void succeeded(String username) {
        accounts.reset(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent e) {
        failed(String.valueOf(e.getAuthentication().getName()), address(e.getAuthentication().getDetails()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent e) {
        succeeded(e.getAuthentication().getName());
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails w && w.getRemoteAddress() != null ? w.getRemoteAddress() : "unknown";
    }
}
