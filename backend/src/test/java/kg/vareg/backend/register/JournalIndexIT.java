package kg.vareg.backend.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.ledger.json.CanonicalJson;
import kg.vareg.testsupport.PostgresDatabase;
import kg.vareg.testsupport.WithPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The journal's indexed columns and document-hash table (issue 16 item 1): the V80 backfill of rows written before
 * it and {@link JournalWriter} for new rows derive the same keys from the same record — emission, issuer,
 * registration number, extract id and every document hash the record carries, never a private document's
 * commitment (¶66).
 */
@WithPostgres
class JournalIndexIT {

    static final UUID EMISSION = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final UUID ISSUER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID EXTRACT = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID EXTRACT_AGAIN = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    static final String WHITE_PAPER = "11".repeat(32);
    static final String DECISION = "22".repeat(32);
    static final String PDF = "33".repeat(32);
    static final String NOTICE = "44".repeat(32);
    static final String PASSPORT = "55".repeat(32);

    static List<JournalRecord> records(UUID extract) {
        Instant at = Instant.parse("2026-06-01T05:00:00Z");
        return List.of(
                new JournalRecord("IssuerRecorded", JournalRecord.subject(null, ISSUER, null), at, ActorRole.REGISTRAR,
                        List.of(Map.of("type", "IssuerRecorded", "paragraph", "¶66", "changes", Map.of("name", "A"))),
                        Map.of("privateData", "sha256:" + PASSPORT),
                        List.of(Map.of("kind", "PASSPORT_COPY", "commitment", "sha256:" + PASSPORT))),
                new JournalRecord("EmissionRegistered", JournalRecord.subject(EMISSION, ISSUER, "KG0101AB121"), at,
                        ActorRole.REGISTRAR, List.of(Map.of("type", "EmissionRegistered", "paragraph", "¶10",
                                "changes", Map.of("whitePaperSha256", WHITE_PAPER, "entry", Map.of("quantity", "100")))),
                        Map.of(), List.of(Map.of("kind", "COURT_DECISION", "sha256", DECISION),
                                Map.of("kind", "WHITE_PAPER", "sha256", WHITE_PAPER))),
                new JournalRecord("CancellationNoticeRecorded", JournalRecord.subject(EMISSION, ISSUER, "KG0101AB121"), at,
                        ActorRole.REGISTRAR, List.of(
                                Map.of("type", "CancellationNoticeRecorded", "paragraph", "¶55", "changes", Map.of("documentSha256", NOTICE)),
                                Map.of("type", "CancellationNoticeRecorded", "paragraph", "¶55", "changes", Map.of("documentSha256", NOTICE))),
                        Map.of(), List.of(Map.of("kind", "NOTICE", "sha256", NOTICE))),
                new JournalRecord(JournalIndex.EXTRACT_RECORD_TYPE, JournalRecord.subject(EMISSION, ISSUER, "KG0101AB121"), at,
                        ActorRole.SYSTEM, List.of(Map.of("type", JournalIndex.EXTRACT_RECORD_TYPE, "paragraph", "¶61",
                                "changes", Map.of("extractId", extract.toString(), "pdfSha256", PDF))),
                        Map.of(), List.of(Map.of("kind", "REGISTER_EXTRACT", "sha256", PDF))));
    }

    @Test
    void backfillOfOldRowsAndTheWriterDeriveTheSameKeys(PostgresDatabase db) {
        var ds = new DriverManagerDataSource(db.jdbcUrl(), db.user(), db.password());
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        Flyway registry = Flyway.configure().dataSource(ds).schemas("registry").defaultSchema("registry")
                .locations("classpath:db/migration/registry").target("72").load();
        registry.migrate();
        CanonicalJson canonical = CanonicalJson.standard();
        for (JournalRecord r : records(EXTRACT)) { // as the writer wrote them before V80: bytes only
            jdbc.update("INSERT INTO registry.journal (record_type, record_version, canonical_json) VALUES (?, 1, ?)",
                    r.type(), canonical.toBytes(r.toJsonValue()));
        }
        Flyway.configure().dataSource(ds).schemas("registry").defaultSchema("registry")
                .locations("classpath:db/migration/registry").load().migrate();
        JournalWriter writer = new JournalWriter(jdbc);
        new TransactionTemplate(new DataSourceTransactionManager(ds))
                .executeWithoutResult(s -> records(EXTRACT_AGAIN).forEach(writer::append)); // an extract id is unique

        List<String> backfilled = new ArrayList<>();
        List<String> written = new ArrayList<>();
        int n = records(EXTRACT).size();
        for (long id = 1; id <= 2L * n; id++) {
            (id <= n ? backfilled : written).add(keysOf(jdbc, id).replace(EXTRACT_AGAIN.toString(), EXTRACT.toString()));
        }
        assertThat(written).isEqualTo(backfilled);
        assertThat(backfilled.get(0)).isEqualTo("IssuerRecorded null " + ISSUER + " null null []");
        assertThat(backfilled.get(1)).isEqualTo("EmissionRegistered " + EMISSION + " " + ISSUER + " KG0101AB121 null ["
                + WHITE_PAPER + "/WHITE_PAPER, " + WHITE_PAPER + "/whitePaperSha256, " + DECISION + "/COURT_DECISION]");
        assertThat(backfilled.get(2)).endsWith("null [" + NOTICE + "/NOTICE, " + NOTICE + "/documentSha256]");
        assertThat(backfilled.get(3)).endsWith(EXTRACT + " [" + PDF + "/REGISTER_EXTRACT, " + PDF + "/pdfSha256]");
        // ¶66: a private document's hash is never a lookup key, neither is any commitment.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry.journal_document WHERE sha256 = ?", Integer.class,
                (Object) HexFormat.of().parseHex(PASSPORT))).isZero();
        // The columns are what the record says: equal to the writer's own derivation from the bytes.
        JournalIndex idx = JournalIndex.of(JournalIndex.EXTRACT_RECORD_TYPE, canonical.toBytes(records(EXTRACT).get(3).toJsonValue()));
        assertThat(idx.extractId()).contains(EXTRACT);
        assertThat(idx.registrationNumber()).contains("KG0101AB121");
    }

    private static String keysOf(JdbcTemplate jdbc, long id) {
        String cols = jdbc.queryForObject("SELECT concat_ws(' ', record_type, coalesce(emission_id::text, 'null'),"
                + " coalesce(issuer_id::text, 'null'), coalesce(registration_number, 'null'), coalesce(extract_id::text, 'null'))"
                + " FROM registry.journal WHERE id = ?", String.class, id);
        Set<String> docs = new TreeSet<>(jdbc.queryForList("SELECT encode(sha256, 'hex') || '/' || kind"
                + " FROM registry.journal_document WHERE journal_id = ?", String.class, id));
        return cols + " " + docs;
    }
}
