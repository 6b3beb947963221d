package kg.vareg.backend.emissions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kg.vareg.backend.register.Commitments;
import kg.vareg.backend.kernel.ActorRole;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The full history of each emission (¶57-66): every event, in order, with its public changes. */
@Component
public class EmissionHistory {
    private final JdbcTemplate jdbc;

    EmissionHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(long sequence, String type, String paragraph, ActorRole actorRole, Instant occurredAt, String changesJson) {}

    void append(UUID emissionId, EmissionEvent event, ActorRole actor, Instant at) {
        append(emissionId, event.type(), event.paragraph(), event.changes(), actor, at);
    }

    void append(UUID emissionId, String type, String paragraph, Map<String, Object> changes, ActorRole actor, Instant at) {
        jdbc.update("INSERT INTO registry.emission_event (emission_id, type, paragraph, actor_role, occurred_at, payload)"
                + " VALUES (?, ?, ?, ?, ?, ?)", emissionId, type, paragraph, actor.name(), Timestamp.from(at),
                Commitments.canonicalText(changes));
    }

    public List<Entry> of(UUID emissionId) {
        return jdbc.query("SELECT id, type, paragraph, actor_role, occurred_at, payload FROM registry.emission_event"
                        + " WHERE emission_id = ? ORDER BY id",
                (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), ActorRole.valueOf(rs.getString(4)),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)), emissionId);
    }
}
