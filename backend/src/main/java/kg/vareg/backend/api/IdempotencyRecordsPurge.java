package kg.vareg.backend.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Idempotency records expire: a stored response is kept for {@code vareg.api.idempotency.retention} (7 days) after
 * the first request and purged by a scheduled job every {@code vareg.api.idempotency.purge-interval} (1 hour), so a
 * record lives at least the retention and at most retention + interval. Also removes records of requests that never
 * finished (a crash between the key's insert and the response) once they are as old. The cut-off comes from the
 * register's {@link Clock}; several instances may purge at once (the DELETE is idempotent).
 */
@Component
public class IdempotencyRecordsPurge {
    private static final Logger log = LoggerFactory.getLogger(IdempotencyRecordsPurge.class);
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;

    IdempotencyRecordsPurge(JdbcTemplate jdbc, Clock clock,
            @Value("${vareg.api.idempotency.retention:P7D}") Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("vareg.api.idempotency.retention must be positive, was " + retention);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    /** Deletes the records older than the retention; returns how many. */
    @Scheduled(fixedDelayString = "${vareg.api.idempotency.purge-interval:PT1H}",
            initialDelayString = "${vareg.api.idempotency.purge-interval:PT1H}")
    public int purgeExpired() {
        Instant cutoff = clock.instant().minus(retention);
        int purged = jdbc.update("DELETE FROM registry.idempotency_record WHERE created_at < ?", Timestamp.from(cutoff));
        if (purged > 0) log.info("purged {} idempotency record(s) created before {}", purged, cutoff);
        return purged;
    }

    public Duration retention() {
        return retention;
    }

    /** Spring scheduling for the purge (enabling it twice, e.g. with the verifier's scheduler, is harmless). */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {}
}
