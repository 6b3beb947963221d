package kg.vareg.common.logstore;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.merkle.CompactRange;
import kg.vareg.ledger.merkle.MerkleAppender;
import kg.vareg.ledger.merkle.StoredNode;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends journal rows to the Merkle log: one batch, inside the CALLER's transaction (so the
 * leaves, the new complete-subtree hashes, the signed checkpoint and the integration cursor commit
 * together or not at all — a crash mid-batch loses nothing and the next batch starts from the same place).
 *
 * <p>Which rows: those whose writing transaction is older than every transaction still running
 * ({@code txid < pg_snapshot_xmin(pg_current_snapshot())}, the horizon). A row below the horizon is
 * committed (or never will be), so nothing that commits late is ever skipped.
 *
 * <p>Order and cost: rows are taken in {@code (txid, id)} order from the cursor in
 * {@code log.integration_cursor} — every row at or below it has its leaf, none above it has one. One
 * batch is one range scan of the index {@code registry.journal (txid, id)}: its cost depends on the
 * batch, not on the size of the log (the former anti-join with {@code log.leaves} walked the whole
 * journal each time). A transaction that took its journal id early but commits late cannot fall
 * below the cursor: while it runs, the horizon is at most its txid, so the cursor stays below it.
 * Within one transaction rows keep their id order.
 *
 * <p>The transaction-scoped advisory lock (and the cursor row's lock) make two integrators on one
 * database take turns even if the leader lock were ever lost; the unique {@code journal_id} and
 * primary-key {@code leaf_index} are the database's last word.
 */
public final class LogIntegrator {

    /** Key of the advisory lock held for the duration of one integration transaction. */
    public static final long ADVISORY_LOCK_KEY = 0x7661726567L; // "vareg"

    /** Journal id below every real one (bigserial starts at 1): cursor "(horizon, 0)" = all of txid < horizon. */
    private static final long BEFORE_FIRST_ID = 0;

    private final JdbcTemplate jdbc;

    public LogIntegrator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A batch integrated: the rows' new tree and the journal ids, in leaf order. */
    public record Batch(long firstIndex, List<Long> journalIds, MerkleAppender.Result result) {

        public long newSize() {
            return result.size();
        }

        public Sha256Hash root() {
            return result.root();
        }
    }

    /** Position in (txid, id) order; txid as PostgreSQL's decimal text of the xid8. */
    record Cursor(String txid, long id) {
    }

    /**
     * Integrates up to {@code maxRows} eligible journal rows. Empty when there was nothing to do or
     * another integrator holds the lock. Must run in a transaction.
     */
    public Optional<Batch> integrate(int maxRows) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("LogIntegrator.integrate must run inside a transaction");
        }
        if (maxRows <= 0) {
            throw new IllegalArgumentException("maxRows must be > 0");
        }
        Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, ADVISORY_LOCK_KEY);
        if (!Boolean.TRUE.equals(locked)) {
            return Optional.empty();
        }
        // The horizon, read BEFORE the rows (and before the cursor's row lock gives this transaction an xid of
        // its own, which would hold the horizon back): everything below it had finished then, so it is visible to the
        // (later) snapshot of the next statement. A horizon that is older than necessary is always safe.
        String horizon = jdbc.queryForObject("SELECT pg_snapshot_xmin(pg_current_snapshot())::text", String.class);
        Optional<Cursor> cursor = jdbc.query(
                "SELECT after_txid::text, after_id FROM log.integration_cursor WHERE id = 1 FOR UPDATE",
                (rs, n) -> rs.getString(1) == null ? null : new Cursor(rs.getString(1), rs.getLong(2)))
                .stream().filter(Objects::nonNull).findFirst();
        List<Long> ids = new ArrayList<>();
        List<String> txids = new ArrayList<>();
        List<Sha256Hash> leafHashes = new ArrayList<>();
        RowCallbackHandler collect = rs -> {
            ids.add(rs.getLong(1));
            txids.add(rs.getString(2));
            leafHashes.add(TreeHasher.leafHash(rs.getBytes(3)));
        };
        if (cursor.isPresent()) {
            jdbc.query("""
                    SELECT j.id, j.txid::text, j.canonical_json FROM registry.journal j
                     WHERE (j.txid, j.id) > (CAST(? AS xid8), ?)
                       AND j.txid < CAST(? AS xid8)
                     ORDER BY j.txid, j.id
                     LIMIT ?""", collect, cursor.get().txid(), cursor.get().id(), horizon, maxRows);
        } else {
            // Log written before the cursor existed: which rows have leaves is known only from log.leaves.
            jdbc.query("""
                    SELECT j.id, j.txid::text, j.canonical_json FROM registry.journal j
                     WHERE j.txid < CAST(? AS xid8)
                       AND NOT EXISTS (SELECT 1 FROM log.leaves l WHERE l.journal_id = j.id)
                     ORDER BY j.txid, j.id
                     LIMIT ?""", collect, horizon, maxRows);
        }
        if (ids.isEmpty()) {
            if (cursor.isEmpty()) {
                moveCursor(new Cursor(horizon, BEFORE_FIRST_ID)); // every row below the horizon has its leaf
            }
            return Optional.empty();
        }
        if (ids.size() < maxRows) {
            // Fewer rows than asked for: every row below the horizon now has its leaf.
            moveCursor(new Cursor(horizon, BEFORE_FIRST_ID));
        } else if (cursor.isPresent()) {
            // A full batch stops at its last row; the rest of the range comes next time. (Without a cursor,
            // rows above the last one may already have leaves from before: wait for a batch that drains.)
            moveCursor(new Cursor(txids.getLast(), ids.getLast()));
        }
        PostgresHashStore store = PostgresHashStore.open(jdbc);
        CompactRange range = CompactRange.load(store);
        MerkleAppender.Result result = range.append(leafHashes);
        long first = range.size();
        jdbc.batchUpdate("INSERT INTO log.leaves (leaf_index, journal_id, leaf_hash) VALUES (?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ps.setLong(1, first + i);
                        ps.setLong(2, ids.get(i));
                        ps.setBytes(3, leafHashes.get(i).toBytes());
                    }

                    @Override
                    public int getBatchSize() {
                        return ids.size();
                    }
                });
        List<StoredNode> nodes = result.newNodes();
        jdbc.batchUpdate("INSERT INTO log.nodes (level, node_index, hash) VALUES (?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        StoredNode n = nodes.get(i);
                        ps.setShort(1, (short) n.id().level());
                        ps.setLong(2, n.id().index());
                        ps.setBytes(3, n.hash().toBytes());
                    }

                    @Override
                    public int getBatchSize() {
                        return nodes.size();
                    }
                });
        return Optional.of(new Batch(first, List.copyOf(ids), result));
    }

    private void moveCursor(Cursor c) {
        jdbc.update("""
                INSERT INTO log.integration_cursor (id, after_txid, after_id) VALUES (1, CAST(? AS xid8), ?)
                ON CONFLICT (id) DO UPDATE SET after_txid = EXCLUDED.after_txid, after_id = EXCLUDED.after_id,
                                               updated_at = now()""", c.txid(), c.id());
    }
}
