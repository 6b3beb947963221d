package kg.vareg.backend.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
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
 * (before the password is even checked) until the window ends. A success clears the account's count. Counters
 * live in bounded in-memory caches per instance (several instances multiply the limit by their number, which is
 * still far from a brute force; docs/security.md).
 */
@Component
public class LoginThrottle {
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private final SecurityProperties.Login policy;
    private final Cache<String, Window> accounts;
    private final Cache<String, Window> addresses;

    LoginThrottle(SecurityProperties properties) {
        this.policy = properties.login();
        this.accounts = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(policy.window()).build();
        this.addresses = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(policy.window()).build();
    }

    private record Window(Instant start, AtomicInteger failures) {}

    /** How long the caller must wait, if the account or the address is blocked now. */
    public Optional<Duration> blocked(String username, String address) {
        Instant now = Instant.now();
        return worst(wait(accounts.getIfPresent(key(username)), policy.maxFailuresPerAccount(), now),
                wait(addresses.getIfPresent(address), policy.maxFailuresPerAddress(), now));
    }

    private Optional<Duration> wait(Window w, int max, Instant now) {
        if (w == null || w.failures().get() < max) return Optional.empty();
        Duration left = Duration.between(now, w.start().plus(policy.window()));
        return left.isNegative() ? Optional.empty() : Optional.of(left);
    }

    private static Optional<Duration> worst(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return Optional.of(a.get().compareTo(b.get()) >= 0 ? a.get() : b.get());
    }

    public void failed(String username, String address) {
        int n = accounts.get(key(username), k -> new Window(Instant.now(), new AtomicInteger())).failures().incrementAndGet();
        addresses.get(address, k -> new Window(Instant.now(), new AtomicInteger())).failures().incrementAndGet();
        if (n == policy.maxFailuresPerAccount()) {
            // The account name only (never the password); it may be a mistyped name, still not personal data of the register.
            log.warn("login throttled for an account after {} failures (address {})", n, address);
        }
    }

    public void succeeded(String username) {
        accounts.invalidate(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(java.util.Locale.ROOT);
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
