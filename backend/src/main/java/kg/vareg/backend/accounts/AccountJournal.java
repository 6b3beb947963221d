package kg.vareg.backend.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kg.vareg.backend.security.CurrentActor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The security journal of account changes ({@code registry.account_event}, append-only): who, when, what — in the
 * same transaction as the change, so a change and its record exist together or not at all. Never a password, a
 * TOTP secret or founders' data; not the public log (staff accounts are the regulator's internal matter).
 */
@Component
public class AccountJournal {
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json;

    AccountJournal(JdbcTemplate jdbc, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    public enum Action { CREATED, DISABLED, ENABLED, PASSWORD_RESET, ROLE_CHANGED, PASSWORD_CHANGED, TOTP_ENABLED, TOTP_REMOVED, BOOTSTRAPPED }

    public record Event(long id, Instant at, String actor, String actorRole, String action, String target, String details) {}

    @Transactional(propagation = Propagation.MANDATORY)
    void record(CurrentActor actor, Action action, String target, Map<String, Object> details) {
        jdbc.update("INSERT INTO registry.account_event (at, actor, actor_role, action, target, details) VALUES (?, ?, ?, ?, ?, ?::jsonb)",
                Timestamp.from(clock.instant()), actor.username(), actor.role().name(), action.name(), target,
                json.writeValueAsString(details));
    }

    /** Latest first; {@code target} empty for all accounts. */
    public List<Event> latest(String target, int limit) {
        String where = target == null ? "" : " WHERE target = ?";
        Object[] args = target == null ? new Object[] {limit} : new Object[] {target, limit};
        return jdbc.query("SELECT id, at, actor, actor_role, action, target, details::text FROM registry.account_event" + where
                + " ORDER BY id DESC LIMIT ?", (rs, i) -> new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)), args);
    }
}
