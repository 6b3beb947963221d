package kg.vareg.backend.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets (Bucket4j) per key (a client address, an API key id, ...) in a bounded cache. Usable by any feature
 * that needs a limit: {@code tryConsume(key)} answers how long to wait when the bucket is empty.
 */
public final class RateLimiter {
    private final Cache<String, Bucket> buckets;
    private final long capacity;
    private final long refill;
    private final Duration period;

    public RateLimiter(long capacity, long refill, Duration period) {
        this.capacity = capacity;
        this.refill = refill;
        this.period = period;
        this.buckets = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(period.multipliedBy(10)).build();
    }

    /** Without consuming: empty when a token is available; otherwise the time until one is. */
    public Optional<Duration> peekWait(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    /** Empty when allowed; otherwise the time until a token is available. */
    public Optional<Duration> tryConsume(String key) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(refill, period).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
