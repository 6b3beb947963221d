package kg.vareg.backend.register;

import kg.vareg.ledger.json.CanonicalJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox side of the seam (ARCHITECTURE.md): appends the journal row of a register change inside the
 * change's own transaction — MANDATORY, so a row can never be written outside one, and a rollback removes
 * the row with the change.
 */
@Component
public class JournalWriter {
    private final JdbcTemplate jdbc;
    private final CanonicalJson canonical = CanonicalJson.standard();

    JournalWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long append(JournalRecord record) {
        byte[] bytes = canonical.toBytes(record.toJsonValue());
        return jdbc.queryForObject(
                "INSERT INTO registry.journal (record_type, record_version, canonical_json) VALUES (?, ?, ?) RETURNING id",
                Long.class, record.type(), JournalRecord.VERSION, bytes);
    }
}
