package kg.vareg.common.logstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.merkle.CompactRange;
import kg.vareg.testsupport.PostgresDatabase;
import kg.vareg.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * LogIntegrator's integration cursor on a real PostgreSQL: every committed journal row gets exactly one
 * leaf index, no gap, and a transaction that took its journal id before others but commits after a batch
 * was integrated (at the low-water mark) is never skipped.
 */
class LogIntegratorIT {

    private PostgresDatabase db;
    private JdbcTemplate jdbc;
    private TransactionTemplate tx;
    private LogIntegrator integrator;

    @BeforeEach
    void freshLog() throws Exception {
        db = TestPostgres.freshDatabase("log_integrator");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            // registry.journal exactly as the backend's V1__baseline.sql + V60 create it (common must not
            // depend on the backend module).
            st.execute("CREATE SCHEMA registry");
            st.execute("""
                    CREATE TABLE registry.journal (
                        id              BIGSERIAL   PRIMARY KEY,
                        txid            XID8        NOT NULL DEFAULT pg_current_xact_id(),
                        record_type     TEXT        NOT NULL,
                        record_version  INT         NOT NULL,
                        canonical_json  BYTEA       NOT NULL,
                        created_at      TIMESTAMPTZ NOT NULL DEFAULT now())""");
            st.execute("CREATE INDEX journal_by_txid_id ON registry.journal (txid, id)");
            st.execute("CREATE SCHEMA log");
            st.execute("SET search_path = log");
            for (Resource r : logMigrations()) {
                st.execute(r.getContentAsString(StandardCharsets.UTF_8));
            }
        }
        DriverManagerDataSource ds = new DriverManagerDataSource(db.jdbcUrl(), db.user(), db.password());
        jdbc = new JdbcTemplate(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        integrator = new LogIntegrator(jdbc);
    }

    /** common's log migrations in version order (what Flyway runs in the worker). */
    private static List<Resource> logMigrations() throws IOException {
        Pattern version = Pattern.compile("V(\\d+)__.*\\.sql");
        List<Resource> all = new ArrayList<>(Arrays.asList(
                new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/log/V*__*.sql")));
        all.sort(Comparator.comparingInt(r -> {
            Matcher m = version.matcher(r.getFilename());
            return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
        }));
        return all;
    }

    @Test
    void lateCommitAtTheLowWaterMarkIsIntegratedAfterTheBatchThatStoppedBelowIt() throws Exception {
        insertCommitted(3); // ids 1..3
        try (Connection late = db.connect()) {
            late.setAutoCommit(false);
            long lateId = insert(late, "late"); // id 4: taken before the others, committed after them
            insertCommitted(2); // ids 5, 6 commit first

            // The batch integrates up to the horizon (the late transaction), not beyond: the cursor stops below it.
            assertThat(integrate(100)).containsExactly(1L, 2L, 3L);
            assertThat(integrate(100)).isEmpty();
            assertThat(integrate(100)).isEmpty();

            late.commit();
            assertThat(lateId).isEqualTo(4);
        }
        // The late row is not skipped; it comes first (oldest transaction), then the ones that waited behind it.
        assertThat(integrate(100)).containsExactly(4L, 5L, 6L);
        assertExactlyOnceAndDense(6);
        assertThat(integrate(100)).isEmpty();
    }

    @Test
    void lateCommitRightAfterAFullBatchThatEndedExactlyAtTheMark() throws Exception {
        insertCommitted(3);
        try (Connection late = db.connect()) {
            late.setAutoCommit(false);
            insert(late, "late");
            insertCommitted(2);
            // A FULL batch (3 of 3): the cursor is set to its last row, not to the horizon.
            assertThat(integrate(3)).containsExactly(1L, 2L, 3L);
            assertThat(integrate(3)).isEmpty();
            late.commit();
        }
        assertThat(integrate(3)).containsExactly(4L, 5L, 6L);
        assertThat(integrate(3)).isEmpty();
        assertExactlyOnceAndDense(6);
    }

    @Test
    void transactionWhoseXidPrecedesRowsAlreadyCommittedIsTakenInTransactionOrder() throws Exception {
        insertCommitted(2); // ids 1, 2
        assertThat(integrate(10)).containsExactly(1L, 2L);
        try (Connection early = db.connect()) {
            early.setAutoCommit(false);
            // The transaction gets its xid now (an earlier write elsewhere), its journal row only later.
            try (Statement st = early.createStatement()) {
                st.execute("SELECT pg_current_xact_id()");
            }
            insertCommitted(2); // ids 3, 4: larger xids, committed
            assertThat(integrate(10)).isEmpty(); // held back by the horizon
            long id = insert(early, "early"); // id 5, but the smallest xid of the three
            early.commit();
            assertThat(id).isEqualTo(5);
        }
        assertThat(integrate(1)).containsExactly(5L);
        assertThat(integrate(1)).containsExactly(3L);
        assertThat(integrate(1)).containsExactly(4L);
        assertThat(integrate(1)).isEmpty();
        assertExactlyOnceAndDense(5);
    }

    @Test
    void rowsOfOneTransactionKeepTheirIdOrderAcrossBatchBoundaries() throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            for (int i = 0; i < 10; i++) {
                insert(c, "bulk" + i);
            }
            c.commit();
        }
        List<Long> all = new ArrayList<>();
        List<Long> batch;
        while (!(batch = integrate(3)).isEmpty()) {
            all.addAll(batch);
        }
        assertThat(all).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertExactlyOnceAndDense(10);
    }

    @Test
    void crashMidBatchLeavesTheCursorWhereItWas() throws Exception {
        insertCommitted(5);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            integrator.integrate(3);
            throw new IllegalStateException("crash before commit");
        })).hasMessage("crash before commit");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM log.leaves", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT after_id FROM log.integration_cursor", Long.class)).isZero();
        assertThat(integrate(3)).containsExactly(1L, 2L, 3L);
        assertThat(integrate(3)).containsExactly(4L, 5L);
        assertExactlyOnceAndDense(5);
    }

    @Test
    void aLogFromBeforeTheCursorIsContinuedByTheAntiJoinUntilOneBatchDrains() throws Exception {
        insertCommitted(6);
        assertThat(integrate(10)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        // As after the migration on an existing log: position unknown.
        jdbc.update("UPDATE log.integration_cursor SET after_txid = NULL, after_id = NULL");
        insertCommitted(5); // ids 7..11
        assertThat(integrate(2)).containsExactly(7L, 8L); // full: the position stays unknown
        assertThat(jdbc.queryForObject("SELECT after_txid IS NULL FROM log.integration_cursor", Boolean.class)).isTrue();
        assertThat(integrate(10)).containsExactly(9L, 10L, 11L); // drained: the cursor is set
        assertThat(jdbc.queryForObject("SELECT after_txid IS NULL FROM log.integration_cursor", Boolean.class)).isFalse();
        insertCommitted(2);
        assertThat(integrate(10)).containsExactly(12L, 13L);
        assertExactlyOnceAndDense(13);
        assertThat(new LogQueries(jdbc).journalBacklog()).isZero();
    }

    @Test
    void backlogCountsTheRowsAboveTheCursorCommittedOrHeldBackByTheHorizon() throws Exception {
        insertCommitted(4);
        LogQueries q = new LogQueries(jdbc);
        assertThat(q.journalBacklog()).isEqualTo(4);
        integrate(3);
        assertThat(q.journalBacklog()).isEqualTo(1);
        integrate(3);
        assertThat(q.journalBacklog()).isZero();
    }

    @Test
    void theBatchQueryIsOneIndexRangeThatNeverReadsTheLeaves() throws Exception {
        String cursorTxid = jdbc.queryForObject("SELECT after_txid::text FROM log.integration_cursor", String.class);
        List<String> plan = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SET enable_seqscan = off"); // tiny tables: make the planner show the index it can use
            try (PreparedStatement ps = c.prepareStatement("""
                    EXPLAIN SELECT j.id, j.txid::text, j.canonical_json FROM registry.journal j
                     WHERE (j.txid, j.id) > (CAST(? AS xid8), ?) AND j.txid < CAST(? AS xid8)
                     ORDER BY j.txid, j.id LIMIT 1000""")) {
                ps.setString(1, cursorTxid);
                ps.setLong(2, 0);
                ps.setString(3, "1000");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.add(rs.getString(1));
                    }
                }
            }
        }
        // Index Cond on the range; log.leaves is not touched (the cost of a batch is the batch, not the log).
        assertThat(String.join("\n", plan)).contains("journal_by_txid_id").contains("Index Cond")
                .doesNotContain("leaves");
    }

    private List<Long> integrate(int max) {
        Optional<LogIntegrator.Batch> batch = tx.execute(s -> integrator.integrate(max));
        if (batch.isEmpty()) {
            return List.of();
        }
        // The tree stored for the batch is the RFC 9162 tree of all leaves so far.
        long size = batch.get().newSize();
        assertThat(CompactRange.load(PostgresHashStore.open(jdbc)).size()).isEqualTo(size);
        return batch.get().journalIds();
    }

    private void assertExactlyOnceAndDense(long n) {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM log.leaves", Long.class)).isEqualTo(n);
        assertThat(jdbc.queryForObject("SELECT coalesce(max(leaf_index) + 1, 0) FROM log.leaves", Long.class)).isEqualTo(n);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT journal_id) FROM log.leaves", Long.class)).isEqualTo(n);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM registry.journal j
                 WHERE NOT EXISTS (SELECT 1 FROM log.leaves l WHERE l.journal_id = j.id)""", Long.class)).isZero();
        // Each leaf is the RFC 9162 leaf hash of its own journal row's bytes.
        jdbc.query("SELECT l.leaf_hash, j.canonical_json FROM log.leaves l JOIN registry.journal j ON j.id = l.journal_id",
                (ResultSet rs) -> {
                    assertThat(Sha256Hash.of(rs.getBytes(1))).isEqualTo(TreeHasher.leafHash(rs.getBytes(2)));
                });
    }

    private void insertCommitted(int count) throws SQLException {
        try (Connection c = db.connect()) {
            for (int i = 0; i < count; i++) {
                insert(c, "committed");
            }
        }
    }

    private static long insert(Connection c, String what) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO registry.journal (record_type, record_version, canonical_json) VALUES ('TEST', 1, ?) RETURNING id")) {
            ps.setBytes(1, ("{\"what\":\"" + what + "\",\"nanos\":" + System.nanoTime() + "}").getBytes(StandardCharsets.UTF_8));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
