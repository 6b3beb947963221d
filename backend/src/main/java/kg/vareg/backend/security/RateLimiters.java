package kg.vareg.backend.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link RateLimiter}s of every feature on one PostgreSQL-backed Bucket4j proxy manager (issue 15 items
 * 1-2): counters are shared by all backend instances, not per process. A bucket's row expires once it would be full
 * again, and is purged in batches.
 */
@Component
public class RateLimiters {
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    RateLimiters(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("registry.rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** {@code capacity} requests at once, refilled smoothly by {@code refill} tokens every {@code period}. */
    public RateLimiter greedy(String name, long capacity, long refill, Duration period) {
        return new RateLimiter(buckets, name, BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(refill, period).build()).build());
    }

    /** {@code capacity} tokens per fixed window: all come back when the window ends (login failures). */
    public RateLimiter window(String name, long capacity, Duration window) {
        return new RateLimiter(buckets, name, BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, window).build()).build());
    }

    /** Deletes buckets that are full again (as good as new); returns how many. */
    @Scheduled(fixedDelayString = "${vareg.security.rate-limit-purge-interval:PT5M}",
            initialDelayString = "${vareg.security.rate-limit-purge-interval:PT5M}")
    public int purgeExpired() {
        int total = 0;
        int n;
        do {
            n = buckets.removeExpired(1000);
            total += n;
        } while (n == 1000);
        return total;
    }
}
