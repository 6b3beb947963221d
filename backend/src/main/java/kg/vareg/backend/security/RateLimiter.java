package kg.vareg.backend.security;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One named limit of token buckets (Bucket4j) per key (a client address, a user, an API key id, ...). The buckets live
 * in PostgreSQL ({@code registry.rate_limit_bucket}), so every backend instance counts against the same tokens.
 * Made by {@link RateLimiters}.
 */
public final class RateLimiter {
    private final ProxyManager<String> buckets;
    private final String name;
    private final Supplier<BucketConfiguration> configuration;

    RateLimiter(ProxyManager<String> buckets, String name, BucketConfiguration configuration) {
        this.buckets = buckets;
        this.name = name;
        this.configuration = () -> configuration;
    }

    private BucketProxy bucket(String key) {
        return buckets.builder().build(id(key), configuration);
    }

    /** The row id: long keys (a whole bearer token presented as a user name) are hashed to stay bounded. */
    private String id(String key) {
        String k = key == null ? "" : key;
        return name + ":" + (k.length() <= 200 ? k : "sha256:" + kg.vareg.backend.register.Commitments.sha256Hex(
                k.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Without consuming: empty when a token is available; otherwise the time until one is. */
    public Optional<Duration> peekWait(String key) {
        EstimationProbe probe = bucket(key).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Empty when allowed; otherwise the time until a token is available. */
    public Optional<Duration> tryConsume(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Forgets the key's bucket (a full one is made on next use). */
    public void reset(String key) {
        buckets.removeProxy(id(key));
    }
}
