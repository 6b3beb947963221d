package kg.vareg.backend.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kg.vareg.backend.api.IdempotencyRecordsPurge;
import kg.vareg.backend.register.RegisterClock;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.backend.security.UserAccounts;
import kg.vareg.backend.support.BackendIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.ObjectMapper;

/** Idempotency records expire after the configured retention, purged by a scheduled job (real HTTP, real PostgreSQL). */
@BackendIntegrationTest
@TestPropertySource(properties = {"vareg.clock.adjustable=true", "vareg.api.idempotency.retention=P7D",
        "vareg.api.idempotency.purge-interval=PT30M"})
class IdempotencyExpiryIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    UserAccounts users;
    @Autowired
    RegisterClock clock;
    @Autowired
    IdempotencyRecordsPurge purge;
    @Autowired
    List<ScheduledTaskHolder> schedulers;

    @Test
    void thePurgeIsScheduledAtTheConfiguredInterval() {
        assertThat(schedulers.stream().flatMap(h -> h.getScheduledTasks().stream()).map(t -> t.getTask())
                .filter(t -> t.getRunnable().toString().contains("IdempotencyRecordsPurge.purgeExpired")))
                .singleElement().isInstanceOfSatisfying(FixedDelayTask.class,
                        t -> assertThat(t.getIntervalDuration()).isEqualTo(Duration.ofMinutes(30)));
        assertThat(purge.retention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aKeyIsReplayedWithinTheRetentionAndFreeAgainAfterThePurge() {
        RegisterApi api = new RegisterApi(port, json);
        EmissionFixtures fx = new EmissionFixtures(api, users, clock);
        fx.at(LocalDate.of(2026, 6, 1));
        var issuer = fx.issuer(fx.newUser(ActorRole.REGISTRAR, null));
        String key = "expiry-" + UUID.randomUUID();
        String body = api.write(RegisterApi.application(issuer.id(), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 31),
                LocalDate.of(2026, 5, 25)));
        Map<String, String> withKey = Map.of("Idempotency-Key", key);

        String first = api.send(issuer.user(), "POST", "/api/v1/emissions", body, withKey).expect(201).text("id");
        var replay = api.send(issuer.user(), "POST", "/api/v1/emissions", body, withKey).expect(201);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(replay.text("id")).isEqualTo(first);

        Instant created = jdbc.queryForObject("SELECT created_at FROM registry.idempotency_record WHERE idem_key = ?",
                java.sql.Timestamp.class, key).toInstant();
        // A minute before the 7 days are over the record stays; a minute after, the purge removes it.
        clock.setTo(created.plus(Duration.ofDays(7)).minusSeconds(60));
        purge.purgeExpired();
        assertThat(count(key)).isEqualTo(1);
        assertThat(api.send(issuer.user(), "POST", "/api/v1/emissions", body, withKey).expect(201).text("id")).isEqualTo(first);

        clock.setTo(created.plus(Duration.ofDays(7)).plusSeconds(60));
        assertThat(purge.purgeExpired()).isPositive();
        assertThat(count(key)).isZero();
        // The key is free again: the same request is processed anew, not replayed.
        var again = api.send(issuer.user(), "POST", "/api/v1/emissions", body, withKey).expect(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.text("id")).isNotEqualTo(first);
        assertThat(count(key)).isEqualTo(1);
    }

    private long count(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM registry.idempotency_record WHERE idem_key = ?", Long.class, key);
    }
}
