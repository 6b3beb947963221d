package kg.vareg.backend.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kg.vareg.common.logstore.LogQueries;
import kg.vareg.testsupport.PostgresDatabase;
import kg.vareg.testsupport.WithPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16 item 1: every statement a public or exchange read path runs against the journal and the log —
 * exchange status single and batch and {@code /register/{n}} (by registration number / emission, then their leaves
 * by journal id), verify-document and document matches (by hash), extract lookups (by extract id), the entry of a
 * leaf (by journal id) — is planned as an index scan on a journal of 60,000 rows over 2,000 emissions, with
 * statistics (ANALYZE). {@code EXPLAIN (ANALYZE)} must show no sequential scan of {@code registry.journal},
 * {@code registry.journal_document} or {@code log.leaves}, and each sample lookup must find rows (so the plan is
 * of a real hit, not of an empty answer).
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JournalPlansIT {
    static final int EMISSIONS = 2_000;
    static final int ROWS = 60_000;
    static final List<String> SCANNED_NEVER = List.of("journal", "journal_document", "leaves");

    DriverManagerDataSource ds;

    @BeforeAll
    void journalOfManyRows(PostgresDatabase db) {
        ds = new DriverManagerDataSource(db.jdbcUrl(), db.user(), db.password());
        Flyway.configure().dataSource(ds).schemas("registry").defaultSchema("registry")
                .locations("classpath:db/migration/registry").load().migrate();
        Flyway.configure().dataSource(ds).schemas("log").defaultSchema("log")
                .locations("classpath:db/migration/log").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        // Row g belongs to emission g % EMISSIONS; every 10th row is an issued extract carrying its PDF's hash, the
        // others a register change carrying a white paper's hash. The bytes are of realistic size (~600 bytes).
        jdbc.update("""
                INSERT INTO registry.journal (record_type, record_version, canonical_json, emission_id, issuer_id,
                                              registration_number, extract_id)
                SELECT CASE WHEN g % 10 = 0 THEN 'RegisterExtractIssued' ELSE 'RegisterAmended' END, 1,
                       convert_to('{"subject":{"emission":"' || md5('e' || g % ?)::uuid || '"},"pad":"'
                                  || repeat(md5(g::text), 18) || '"}', 'UTF8'),
                       md5('e' || g % ?)::uuid, md5('i' || g % 100)::uuid, 'KG' || lpad((g % ?)::text, 9, '0'),
                       CASE WHEN g % 10 = 0 THEN md5('x' || g)::uuid END
                  FROM generate_series(1, ?) g""", EMISSIONS, EMISSIONS, EMISSIONS, ROWS);
        jdbc.update("""
                INSERT INTO registry.journal_document (sha256, journal_id, kind)
                SELECT sha256(convert_to('doc' || id, 'UTF8')), id,
                       CASE WHEN record_type = 'RegisterExtractIssued' THEN 'pdfSha256' ELSE 'whitePaperSha256' END
                  FROM registry.journal""");
        jdbc.update("INSERT INTO log.leaves (leaf_index, journal_id, leaf_hash) SELECT id - 1, id, sha256(canonical_json)"
                + " FROM registry.journal");
        jdbc.execute("ANALYZE");
    }

    @Test
    void everyPublicReadIsAnIndexScan() throws Exception {
        long extractRow = 30_000; // g = 30000: an extract of emission 30000 % 2000 = 0
        Map<String, Object[]> reads = new LinkedHashMap<>();
        reads.put("journal row of a leaf (entry, proof bundle)", new Object[] {JournalReader.BY_ID, 12_345L});
        reads.put("rows of an emission (/register/{n})", new Object[] {JournalReader.OF_EMISSION, uuid("e7")});
        reads.put("rows of a registration number (exchange status)",
                new Object[] {JournalReader.OF_REGISTRATION_NUMBER, "KG000000007"});
        reads.put("rows carrying a document (verify-document)", new Object[] {JournalReader.CARRYING_DOCUMENT,
                sha256("doc12345"), 100});
        reads.put("extracts with a PDF (document matches, extract check)", new Object[] {JournalReader.EXTRACTS_WITH_PDF,
                sha256("doc" + extractRow)});
        reads.put("issued extract by id (/verify/extract/{id})", new Object[] {JournalReader.EXTRACT,
                uuid("x" + extractRow)});
        reads.put("leaves of journal rows (log links, exchange proof)", new Object[] {LogQueries.LEAVES_OF_JOURNALS,
                new Long[] {7L, 2_007L, 4_007L, 59_007L}});
        List<String> failures = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            for (var read : reads.entrySet()) {
                JsonNode plan = explain(c, (String) read.getValue()[0],
                        java.util.Arrays.copyOfRange(read.getValue(), 1, read.getValue().length));
                List<String> seqScans = new ArrayList<>();
                seqScansOf(plan.path(0).path("Plan"), seqScans);
                if (!seqScans.isEmpty()) {
                    failures.add(read.getKey() + ": sequential scan of " + seqScans + "\n" + plan.toPrettyString());
                }
                assertThat(plan.path(0).path("Plan").path("Actual Rows").asLong())
                        .as("%s finds rows", read.getKey()).isPositive();
            }
        }
        assertThat(failures).isEmpty();
    }

    private static JsonNode explain(Connection c, String sql, Object[] args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Long[] a) {
                    ps.setArray(i + 1, c.createArrayOf("bigint", a));
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return JsonMapper.shared().readTree(rs.getString(1));
            }
        }
    }

    private static void seqScansOf(JsonNode node, List<String> out) {
        if (node.path("Node Type").asString("").equals("Seq Scan")
                && SCANNED_NEVER.contains(node.path("Relation Name").asString(""))) {
            out.add(node.path("Schema").asString("") + node.path("Relation Name").asString());
        }
        node.path("Plans").forEach(child -> seqScansOf(child, out));
    }

    private static UUID uuid(String seed) {
        String h = md5(seed);
        return UUID.fromString(h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                + h.substring(16, 20) + "-" + h.substring(20));
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
