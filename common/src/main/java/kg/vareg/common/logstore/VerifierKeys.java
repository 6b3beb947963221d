package kg.vareg.common.logstore;

import java.time.Instant;
import java.util.List;
import kg.vareg.ledger.checkpoint.NoteVerifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The checkpoint signers' public verifier keys in {@code log.verifier_keys}: the worker records its key when it starts,
 * the backend publishes them. Only public keys are ever stored here.
 */
public final class VerifierKeys {

    /** One recorded key; {@code current} = the key of the most recent worker start. */
    public record RecordedKey(String verifierKey, String name, String keyId, byte[] publicKey, Instant firstStartedAt,
                              Instant lastStartedAt, boolean current) {}

    private final JdbcTemplate jdbc;

    public VerifierKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records (or refreshes the start time of) this verifier key. Idempotent. */
    public void record(NoteVerifier key) {
        jdbc.update("""
                INSERT INTO log.verifier_keys (verifier_key, key_name, key_id, public_key) VALUES (?, ?, ?, ?)
                ON CONFLICT (verifier_key) DO UPDATE SET last_started_at = now()""",
                key.encode(), key.name(), String.format("%08x", key.keyId()), key.publicKey());
    }

    /** All recorded keys, the current one first; empty when the log schema has no such table (an older worker). */
    public List<RecordedKey> all() {
        Boolean present = jdbc.queryForObject("SELECT to_regclass('log.verifier_keys') IS NOT NULL", Boolean.class);
        if (!Boolean.TRUE.equals(present)) {
            return List.of();
        }
        List<RecordedKey> keys = jdbc.query("""
                SELECT verifier_key, key_name, key_id, public_key, first_started_at, last_started_at
                  FROM log.verifier_keys ORDER BY last_started_at DESC, verifier_key""",
                (rs, i) -> new RecordedKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), i == 0));
        return keys;
    }
}
