package kg.vareg.backend.register;

import java.util.List;
import kg.vareg.ledger.json.CanonicalJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox side of the seam (ARCHITECTURE.md): appends the journal row of a register change inside the
 * change's own transaction — MANDATORY, so a row can never be written outside one, and a rollback removes
 * the row with the change. Beside the canonical bytes it stores what readers look up ({@link JournalIndex}):
 * subject columns and one {@code registry.journal_document} row per document hash, so that every public read is an
 * index probe (docs/journal-record-format.md "Indexed columns").
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
        JournalIndex index = JournalIndex.of(record.type(), bytes);
        Long id = jdbc.queryForObject("""
                INSERT INTO registry.journal (record_type, record_version, canonical_json, emission_id, issuer_id,
                                              registration_number, extract_id)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                Long.class, record.type(), JournalRecord.VERSION, bytes, index.emission().orElse(null),
                index.issuer().orElse(null), index.registrationNumber().orElse(null), index.extractId().orElse(null));
        List<JournalIndex.DocumentHash> docs = index.documents();
        if (!docs.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO registry.journal_document (sha256, journal_id, kind) VALUES (?, ?, ?)",
                    docs.stream().map(d -> new Object[] {d.sha256(), id, d.kind()}).toList());
        }
        return id;
    }
}
