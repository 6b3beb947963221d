package kg.vareg.backend.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vareg.security.*} (docs/security.md).
 *
 * @param login      login throttling: failures allowed per account and per client address within the window
 * @param rateLimit  public endpoints (no login): requests per client address, as a token bucket
 * @param exchangeRateLimit exchange API: requests per API key, as a token bucket (keys skip the per-address limit)
 * @param authenticatedRateLimit staff and issuers: requests per authenticated user, as a token bucket
 * @param oidc       the OpenID Connect resource-server option (off unless issuer-uri is set)
 * @param uploads    document uploads
 */
@ConfigurationProperties("vareg.security")
public record SecurityProperties(Login login, RateLimit rateLimit, RateLimit exchangeRateLimit, Oidc oidc, Uploads uploads,
        RateLimit authenticatedRateLimit) {

    public SecurityProperties {
        if (login == null) login = new Login(10, 50, Duration.ofMinutes(15));
        if (rateLimit == null) rateLimit = new RateLimit(true, 300, 300, Duration.ofMinutes(1));
        if (exchangeRateLimit == null) exchangeRateLimit = new RateLimit(true, 1200, 1200, Duration.ofMinutes(1));
        if (oidc == null) oidc = new Oidc("", "roles", "preferred_username", "vareg_issuer_id", java.util.List.of());
        if (uploads == null) uploads = new Uploads(java.util.List.of());
        if (authenticatedRateLimit == null) authenticatedRateLimit = new RateLimit(true, 1200, 1200, Duration.ofMinutes(1));
    }

    public record Login(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window) {}

    /** {@code capacity} requests at once, refilled by {@code refill} tokens every {@code period}. */
    public record RateLimit(boolean enabled, long capacity, long refill, Duration period) {}

    /** @param audiences the token's {@code aud} must contain one of these (required when enabled; issue 15 item 5) */
    public record Oidc(String issuerUri, String rolesClaim, String usernameClaim, String issuerIdClaim,
            java.util.List<String> audiences) {
        public Oidc {
            audiences = audiences == null ? java.util.List.of() : java.util.List.copyOf(audiences);
        }

        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }

    /** Extra media types (detected by content) allowed for documents beyond the built-in list. */
    public record Uploads(java.util.List<String> extraAllowedTypes) {}
}
