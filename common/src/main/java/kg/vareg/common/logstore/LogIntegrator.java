package kg.vareg.common.logstore;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.merkle.CompactRange;
import kg.vareg.ledger.merkle.MerkleAppender;
import kg.vareg.ledger.merkle.StoredNode;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends journal rows to the Merkle log: one batch, inside the CALLER's transaction (so the
 * leaves, the new complete-subtree hashes and the signed checkpoint commit together or not at all).
 *
 * <p>Which rows: those not yet in {@code log.leaves} whose writing transaction is older than every
 * transaction still running ({@code txid < pg_snapshot_xmin(pg_current_snapshot())}). A row below that
 * horizon is committed (or never will be), so nothing that commits late is ever skipped; rows are
 * taken in id order among the eligible ones. The transaction-scoped advisory lock makes two
 * integrators on one database take turns even if the leader lock were ever lost; the unique
 * {@code journal_id} and primary-key {@code leaf_index} are the database's last word.
 */
public final class LogIntegrator {

    /** Key of the advisory lock held for the duration of one integration transaction. */
    public static final long ADVISORY_LOCK_KEY = 0x7661726567L; // "vareg"

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
        List<Long> ids = new ArrayList<>();
        List<Sha256Hash> leafHashes = new ArrayList<>();
        jdbc.query("""
                SELECT j.id, j.canonical_json FROM registry.journal j
                 WHERE j.txid < pg_snapshot_xmin(pg_current_snapshot())
                   AND NOT EXISTS (SELECT 1 FROM log.leaves l WHERE l.journal_id = j.id)
                 ORDER BY j.id
                 LIMIT ?""", rs -> {
            ids.add(rs.getLong(1));
            leafHashes.add(TreeHasher.leafHash(rs.getBytes(2)));
        }, maxRows);
        if (ids.isEmpty()) {
            return Optional.empty();
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
}
