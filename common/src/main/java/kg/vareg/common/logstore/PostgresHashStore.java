package kg.vareg.common.logstore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.HashStore;
import kg.vareg.ledger.merkle.NodeId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's {@link HashStore} over the {@code log.nodes} table: every node a proof needs is
 * fetched in one indexed query, so proofs cost O(log n) reads and the tree is never rebuilt.
 *
 * <p>The size is read once, when the store is opened ({@link #open}), so every proof served from one
 * instance is about one tree even while the worker keeps appending (complete subtrees never change).
 * A node that must exist but is missing is an {@link IllegalStateException}: a damaged store is
 * reported, never papered over.
 */
public final class PostgresHashStore implements HashStore {

    private final JdbcTemplate jdbc;
    private final long size;
    /** Nodes to fetch along with the first query (then served from {@link #memo}); empty = no memo. */
    private final List<NodeId> prefetch;
    private final Map<NodeId, Sha256Hash> memo;

    private PostgresHashStore(JdbcTemplate jdbc, long size) {
        this(jdbc, size, List.of());
    }

    private PostgresHashStore(JdbcTemplate jdbc, long size, List<NodeId> prefetch) {
        this.jdbc = jdbc;
        this.size = size;
        this.prefetch = List.copyOf(prefetch);
        this.memo = prefetch.isEmpty() ? null : new HashMap<>();
    }

    /**
     * A store view of the first {@code size} leaves when the caller has just read the stored size itself
     * (saves the second {@code max(leaf_index)} query of {@link #atSize(JdbcTemplate, long)}).
     */
    public static PostgresHashStore atSize(JdbcTemplate jdbc, long size, long storedSize) {
        if (size < 0 || size > storedSize) {
            throw new IllegalArgumentException("tree size " + size + " not in [0, " + storedSize + "]");
        }
        return new PostgresHashStore(jdbc, size);
    }

    /**
     * The same view, fetching {@code alsoNeeded} (e.g. the root's peaks, {@code CompactRange.peakIds(size)})
     * in the SAME query as the first nodes asked for, and remembering every node read: a proof and its root
     * in one round trip. For one request (the memo is not shared, nothing stale survives it).
     */
    public PostgresHashStore prefetching(List<NodeId> alsoNeeded) {
        for (NodeId id : alsoNeeded) {
            if (id.end() > size) {
                throw new IllegalArgumentException("node " + id + " is not complete in a tree of size " + size);
            }
        }
        return new PostgresHashStore(jdbc, size, alsoNeeded);
    }

    /** A store view of the log as it is now. */
    public static PostgresHashStore open(JdbcTemplate jdbc) {
        Long size = jdbc.queryForObject("SELECT coalesce(max(leaf_index) + 1, 0) FROM log.leaves", Long.class);
        return new PostgresHashStore(jdbc, size == null ? 0 : size);
    }

    /** A store view of the first {@code size} leaves (must not exceed what is stored). */
    public static PostgresHashStore atSize(JdbcTemplate jdbc, long size) {
        PostgresHashStore now = open(jdbc);
        if (size < 0 || size > now.size) {
            throw new IllegalArgumentException("tree size " + size + " not in [0, " + now.size + "]");
        }
        return new PostgresHashStore(jdbc, size);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Sha256Hash nodeHash(NodeId id) {
        return nodeHashes(List.of(id)).get(0);
    }

    @Override
    public List<Sha256Hash> nodeHashes(List<NodeId> ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.isEmpty()) {
            return List.of();
        }
        for (NodeId id : ids) {
            if (id.end() > size) {
                throw new IllegalArgumentException("node " + id + " is not complete in a tree of size " + size);
            }
        }
        if (memo == null) {
            return fetch(ids);
        }
        LinkedHashSet<NodeId> missing = new LinkedHashSet<>();
        for (NodeId id : ids) {
            if (!memo.containsKey(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            for (NodeId id : prefetch) {
                if (!memo.containsKey(id)) {
                    missing.add(id);
                }
            }
            List<NodeId> want = List.copyOf(missing);
            List<Sha256Hash> got = fetch(want);
            for (int i = 0; i < want.size(); i++) {
                memo.put(want.get(i), got.get(i));
            }
        }
        List<Sha256Hash> out = new ArrayList<>(ids.size());
        for (NodeId id : ids) {
            out.add(memo.get(id));
        }
        return out;
    }

    private List<Sha256Hash> fetch(List<NodeId> ids) {
        StringBuilder sql = new StringBuilder(
                "SELECT n.level, n.node_index, n.hash FROM log.nodes n JOIN (VALUES ");
        Object[] args = new Object[ids.size() * 2];
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(CAST(? AS SMALLINT), CAST(? AS BIGINT))");
            args[2 * i] = ids.get(i).level();
            args[2 * i + 1] = ids.get(i).index();
        }
        sql.append(") AS want(level, node_index) ON n.level = want.level AND n.node_index = want.node_index");
        Map<NodeId, Sha256Hash> found = new HashMap<>();
        jdbc.query(sql.toString(), rs -> {
            found.put(new NodeId(rs.getInt(1), rs.getLong(2)), Sha256Hash.of(rs.getBytes(3)));
        }, args);
        List<Sha256Hash> out = new ArrayList<>(ids.size());
        for (NodeId id : ids) {
            Sha256Hash h = found.get(id);
            if (h == null) {
                throw new IllegalStateException("log store is damaged: node " + id + " is missing at size " + size);
            }
            out.add(h);
        }
        return out;
    }
}
