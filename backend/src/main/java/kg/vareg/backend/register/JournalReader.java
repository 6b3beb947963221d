package kg.vareg.backend.register;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The read side of the journal for public and exchange paths: every lookup goes through an indexed column written by
 * {@link JournalWriter} (registry migration V80) — never through the JSON of every row — so each costs O(log n) or
 * O(rows of that emission), whatever the size of the journal. {@code JournalPlansIT} asserts the plans of these
 * statements (no sequential scan of {@code registry.journal}).
 */
@Component
public class JournalReader {
    static final String BY_ID = """
            SELECT id, record_type, record_version, canonical_json, created_at FROM registry.journal WHERE id = ?""";
    static final String OF_EMISSION = """
            SELECT id, record_type, created_at FROM registry.journal WHERE emission_id = ? ORDER BY id""";
    static final String OF_REGISTRATION_NUMBER = """
            SELECT id, record_type, created_at FROM registry.journal WHERE registration_number = ? ORDER BY id""";
    static final String CARRYING_DOCUMENT = """
            SELECT DISTINCT journal_id FROM registry.journal_document WHERE sha256 = ? ORDER BY journal_id LIMIT ?""";
    static final String EXTRACTS_WITH_PDF = """
            SELECT j.id, j.registration_number, j.created_at FROM registry.journal_document d
              JOIN registry.journal j ON j.id = d.journal_id
             WHERE d.sha256 = ? AND d.kind = 'pdfSha256' AND j.record_type = 'RegisterExtractIssued' ORDER BY j.id""";
    static final String EXTRACT = """
            SELECT id, record_type, record_version, canonical_json, created_at FROM registry.journal
             WHERE extract_id = ? AND record_type = 'RegisterExtractIssued'""";

    private final JdbcTemplate jdbc;

    JournalReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A journal row with its canonical bytes. */
    public record Row(long id, String recordType, int recordVersion, byte[] canonical, Instant createdAt) {}

    /** A journal row without its bytes: what changed and when. */
    public record Link(long id, String recordType, Instant createdAt) {}

    /** An issued register extract (¶61) found by its PDF's hash. */
    public record ExtractLink(long id, String registrationNumber, Instant createdAt) {}

    public Optional<Row> byId(long id) {
        return jdbc.query(BY_ID, ROW, id).stream().findFirst();
    }

    /** Rows whose subject is this emission, oldest first. */
    public List<Link> ofEmission(UUID emissionId) {
        return jdbc.query(OF_EMISSION, LINK, emissionId);
    }

    /** Rows whose subject carries this registration number, oldest first. */
    public List<Link> ofRegistrationNumber(String registrationNumber) {
        return jdbc.query(OF_REGISTRATION_NUMBER, LINK, registrationNumber);
    }

    /** Ids of rows that carry this document hash (at most {@code limit}, oldest first). */
    public List<Long> carrying(byte[] sha256, int limit) {
        return jdbc.queryForList(CARRYING_DOCUMENT, Long.class, sha256, limit);
    }

    public List<ExtractLink> extractsWithPdf(byte[] sha256) {
        return jdbc.query(EXTRACTS_WITH_PDF, (rs, i) -> new ExtractLink(rs.getLong(1), rs.getString(2),
                rs.getTimestamp(3).toInstant()), sha256);
    }

    /** The journal row of an issued extract. */
    public Optional<Row> extract(UUID extractId) {
        return jdbc.query(EXTRACT, ROW, extractId).stream().findFirst();
    }

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3),
            rs.getBytes(4), rs.getObject(5, Timestamp.class).toInstant());

    private static final RowMapper<Link> LINK = (rs, n) -> new Link(rs.getLong(1), rs.getString(2),
            rs.getTimestamp(3).toInstant());
}
