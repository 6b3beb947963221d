package kg.vareg.common.logstore;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kg.vareg.ledger.hash.Sha256Hash;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Read side of the log schema, shared by the worker and the backend's public proof API. */
public final class LogQueries {

    private static final String ANCHOR_COLUMNS = """
            id, tree_size, root_hash, chain_id, contract_address, from_address, tx_hash, nonce, status,
            block_number, block_hash, block_time, gas_used, effective_gas_price, reorg_count, broadcast_count,
            created_at, updated_at""";

    /** Leaf indexes of the given journal rows (one probe of the unique index on journal_id per row). */
    public static final String LEAVES_OF_JOURNALS = "SELECT journal_id, leaf_index FROM log.leaves WHERE journal_id = ANY(?)";
    /** The first confirmed anchor whose tree contains a leaf. */
    public static final String ANCHOR_COVERING = "SELECT " + ANCHOR_COLUMNS + " FROM log.anchors"
            + " WHERE status = 'CONFIRMED' AND tree_size > ? ORDER BY tree_size LIMIT 1";

    private final JdbcTemplate jdbc;

    public LogQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Number of leaves in the log. */
    public long size() {
        Long s = jdbc.queryForObject("SELECT coalesce(max(leaf_index) + 1, 0) FROM log.leaves", Long.class);
        return s == null ? 0 : s;
    }

    public Optional<LeafRecord> leaf(long index) {
        return jdbc.query("SELECT leaf_index, journal_id, leaf_hash, integrated_at FROM log.leaves WHERE leaf_index = ?",
                LEAF, index).stream().findFirst();
    }

    public List<LeafRecord> leavesByHash(Sha256Hash leafHash) {
        return jdbc.query("""
                SELECT leaf_index, journal_id, leaf_hash, integrated_at FROM log.leaves
                 WHERE leaf_hash = ? ORDER BY leaf_index""", LEAF, (Object) leafHash.toBytes());
    }

    public Optional<LeafRecord> leafOfJournal(long journalId) {
        return jdbc.query("SELECT leaf_index, journal_id, leaf_hash, integrated_at FROM log.leaves WHERE journal_id = ?",
                LEAF, journalId).stream().findFirst();
    }

    /** Whether the log schema exists (a backend may run against a database the worker has not migrated). */
    public boolean present() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT to_regclass('log.leaves') IS NOT NULL AND to_regclass('log.anchors') IS NOT NULL", Boolean.class));
    }

    /** journal id → leaf index, for those of the given journal rows that are in the log. */
    public Map<Long, Long> leavesOfJournals(Collection<Long> journalIds) {
        Map<Long, Long> out = new HashMap<>();
        if (journalIds.isEmpty()) {
            return out;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(LEAVES_OF_JOURNALS);
            ps.setArray(1, con.createArrayOf("bigint", journalIds.toArray()));
            return ps;
        }, (ResultSet rs) -> {
            out.put(rs.getLong(1), rs.getLong(2));
        });
        return out;
    }

    /** The first CONFIRMED anchor whose tree contains the leaf at {@code leafIndex}. */
    public Optional<AnchorRecord> anchorCovering(long leafIndex) {
        return jdbc.query(ANCHOR_COVERING, ANCHOR, leafIndex).stream().findFirst();
    }

    /** Leaves in [from, from + limit), in index order. */
    public List<LeafRecord> leaves(long from, int limit) {
        return jdbc.query("""
                SELECT leaf_index, journal_id, leaf_hash, integrated_at FROM log.leaves
                 WHERE leaf_index >= ? ORDER BY leaf_index LIMIT ?""", LEAF, from, limit);
    }

    public Optional<CheckpointRecord> latestCheckpoint() {
        return jdbc.query("SELECT tree_size, root_hash, signed_note, created_at FROM log.checkpoints "
                + "ORDER BY tree_size DESC LIMIT 1", CHECKPOINT).stream().findFirst();
    }

    public Optional<CheckpointRecord> checkpoint(long size) {
        return jdbc.query("SELECT tree_size, root_hash, signed_note, created_at FROM log.checkpoints WHERE tree_size = ?",
                CHECKPOINT, size).stream().findFirst();
    }

    /** The most recent anchor with the given status, by tree size. */
    public Optional<AnchorRecord> latestAnchor(AnchorStatus status) {
        return jdbc.query("SELECT " + ANCHOR_COLUMNS + " FROM log.anchors WHERE status = ? "
                + "ORDER BY tree_size DESC, id DESC LIMIT 1", ANCHOR, status.name()).stream().findFirst();
    }

    /** The anchor transaction in flight (PENDING or MINED), if any; the worker keeps at most one. */
    public Optional<AnchorRecord> inFlightAnchor() {
        return jdbc.query("SELECT " + ANCHOR_COLUMNS + " FROM log.anchors WHERE status IN ('PENDING', 'MINED') "
                + "ORDER BY id LIMIT 1", ANCHOR).stream().findFirst();
    }

    public List<AnchorRecord> anchorsOf(long treeSize) {
        return jdbc.query("SELECT " + ANCHOR_COLUMNS + " FROM log.anchors WHERE tree_size = ? ORDER BY id",
                ANCHOR, treeSize);
    }

    public List<AnchorRecord> anchors(AnchorStatus status, long afterSize, int limit) {
        return jdbc.query("SELECT " + ANCHOR_COLUMNS + " FROM log.anchors WHERE status = ? AND tree_size > ? "
                + "ORDER BY tree_size LIMIT ?", ANCHOR, status.name(), afterSize, limit);
    }

    /** Largest size with a live (PENDING, MINED or CONFIRMED) anchor; 0 when none. */
    public long liveAnchoredSize() {
        Long s = jdbc.queryForObject("SELECT coalesce(max(tree_size), 0) FROM log.anchors "
                + "WHERE status IN ('PENDING', 'MINED', 'CONFIRMED')", Long.class);
        return s == null ? 0 : s;
    }

    /** When the leaf at {@code index} was integrated (the age of the oldest unanchored entry). */
    public Optional<Instant> integratedAt(long index) {
        return leaf(index).map(LeafRecord::integratedAt);
    }

    /**
     * Journal rows not yet in the log (committed or not yet visible to the horizon). With the integration
     * cursor (log.integration_cursor) these are exactly the rows above it: one index range, not an
     * anti-join over the whole journal on every tick.
     */
    public long journalBacklog() {
        Long n = jdbc.queryForObject("""
                SELECT CASE WHEN c.after_txid IS NULL
                            THEN (SELECT count(*) FROM registry.journal j
                                   WHERE NOT EXISTS (SELECT 1 FROM log.leaves l WHERE l.journal_id = j.id))
                            ELSE (SELECT count(*) FROM registry.journal j
                                   WHERE (j.txid, j.id) > (c.after_txid, c.after_id))
                       END
                  FROM log.integration_cursor c WHERE c.id = 1""", Long.class);
        return n == null ? 0 : n;
    }

    /**
     * The hashes of tree level {@code level} with indexes [from, from + count), in index order: the body rows of
     * a c2sp.org/tlog-tiles hash tile. One primary-key range scan of {@code log.nodes}, at most 256 rows.
     */
    public List<byte[]> nodeHashRange(int level, long from, int count) {
        return jdbc.query("""
                SELECT hash FROM log.nodes WHERE level = ? AND node_index >= ? AND node_index < ?
                 ORDER BY node_index""", (rs, n) -> rs.getBytes(1), (short) level, from, from + count);
    }

    /**
     * The canonical bytes of the entries with leaf indexes [from, from + count), in index order: the entries of a
     * tlog-tiles entry bundle. A range scan of {@code log.leaves} joined to the journal by primary key.
     */
    public List<byte[]> entryRange(long from, int count) {
        return jdbc.query("""
                SELECT j.canonical_json FROM log.leaves l JOIN registry.journal j ON j.id = l.journal_id
                 WHERE l.leaf_index >= ? AND l.leaf_index < ? ORDER BY l.leaf_index""",
                (rs, n) -> rs.getBytes(1), from, from + count);
    }

    private static final RowMapper<LeafRecord> LEAF = (rs, n) -> new LeafRecord(
            rs.getLong(1), rs.getLong(2), Sha256Hash.of(rs.getBytes(3)), rs.getTimestamp(4).toInstant());

    private static final RowMapper<CheckpointRecord> CHECKPOINT = (rs, n) -> new CheckpointRecord(
            rs.getLong(1), Sha256Hash.of(rs.getBytes(2)), rs.getString(3), rs.getTimestamp(4).toInstant());

    private static final RowMapper<AnchorRecord> ANCHOR = LogQueries::anchor;

    private static AnchorRecord anchor(ResultSet rs, int n) throws SQLException {
        BigDecimal price = rs.getBigDecimal("effective_gas_price");
        return new AnchorRecord(rs.getLong("id"), rs.getLong("tree_size"), Sha256Hash.of(rs.getBytes("root_hash")),
                rs.getLong("chain_id"), rs.getString("contract_address"), rs.getString("from_address"),
                rs.getString("tx_hash"), rs.getLong("nonce"), AnchorStatus.valueOf(rs.getString("status")),
                optLong(rs, "block_number"), Optional.ofNullable(rs.getString("block_hash")),
                optInstant(rs, "block_time"), optLong(rs, "gas_used"),
                Optional.ofNullable(price).map(BigDecimal::toBigIntegerExact), rs.getInt("reorg_count"),
                rs.getInt("broadcast_count"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Optional<Long> optLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    private static Optional<Instant> optInstant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }
}
