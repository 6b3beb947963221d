package kg.vareg.backend.verification;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Supervisors' alerts: the in-app list, acknowledgement, and delivery of the webhook outbox — each
 * pending alert is POSTed as JSON until the endpoint answers 2xx, with exponential backoff, at most
 * {@code max-attempts} times. Delivery is at-least-once: receivers deduplicate by {@code findingId} + type.
 */
public final class AlertService {
    private static final Logger log = LoggerFactory.getLogger(AlertService.class);
    private final JdbcClient jdbc;
    private final VerifierProperties properties;
    private final Clock clock;
    private final HttpClient http;

    AlertService(JdbcClient jdbc, VerifierProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhook().timeout()).build();
    }

    public List<Alert> recent(boolean unacknowledgedOnly, int limit) {
        return jdbc.sql("SELECT id, finding_id, transition, payload, created_at, webhook_state, attempts, last_error, "
                        + "acknowledged_at, acknowledged_by FROM registry.verifier_alert"
                        + (unacknowledgedOnly ? " WHERE acknowledged_at IS NULL" : "") + " ORDER BY id DESC LIMIT ?")
                .params(limit)
                .query((rs, i) -> new Alert(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getInt(7), rs.getString(8),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), rs.getString(10)))
                .list();
    }

    /** @return false when there is no such alert */
    public boolean acknowledge(long id, String by) {
        return jdbc.sql("UPDATE registry.verifier_alert SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL")
                .params(Timestamp.from(clock.instant()), by, id).update() == 1
                || jdbc.sql("SELECT count(*) FROM registry.verifier_alert WHERE id = ?").params(id).query(Long.class).single() == 1;
    }

    /** One delivery round; returns how many alerts were delivered. */
    public int deliverPending() {
        var url = properties.webhook().url();
        if (url == null) {
            return 0;
        }
        Instant now = clock.instant();
        record Pending(long id, String payload, int attempts) {}
        List<Pending> due = jdbc.sql("""
                SELECT id, payload, attempts FROM registry.verifier_alert
                WHERE webhook_state = 'PENDING' AND next_attempt_at <= ? ORDER BY id LIMIT 100""")
                .params(Timestamp.from(now)).query((rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
        int delivered = 0;
        for (Pending p : due) {
            String error;
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url)
                        .timeout(properties.webhook().timeout())
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "vareg-verifier")
                        .POST(HttpRequest.BodyPublishers.ofString(p.payload())).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    jdbc.sql("UPDATE registry.verifier_alert SET webhook_state = 'DELIVERED', attempts = attempts + 1, last_error = NULL WHERE id = ?")
                            .params(p.id()).update();
                    delivered++;
                    continue;
                }
                error = "HTTP " + response.statusCode();
            } catch (java.io.IOException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return delivered;
            }
            int attempts = p.attempts() + 1;
            boolean giveUp = attempts >= properties.webhook().maxAttempts();
            Duration backoff = Duration.ofSeconds(Math.min(3600, 1L << Math.min(attempts, 12)));
            jdbc.sql("UPDATE registry.verifier_alert SET webhook_state = ?, attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?")
                    .params(giveUp ? "FAILED" : "PENDING", attempts, error, Timestamp.from(now.plus(backoff)), p.id()).update();
            log.warn("alert {} webhook delivery failed ({}), attempt {}{}", p.id(), error, attempts, giveUp ? ", giving up" : "");
        }
        return delivered;
    }
}
