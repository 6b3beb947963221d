package kg.vareg.worker.anchoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kg.vareg.common.logstore.PostgresHashStore;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.merkle.CompactRange;
import kg.vareg.ledger.merkle.MerkleAppender;
import kg.vareg.ledger.merkle.NodeId;
import kg.vareg.ledger.merkle.StoredNode;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15 item 11 / ARCHITECTURE "never anchors a root it has not itself recomputed from the journal
 * bytes": before a checkpoint of {@code size} is anchored, the range [from, size) not yet anchored is
 * re-hashed from {@code registry.journal.canonical_json} (leaf = SHA-256(0x00 ‖ bytes)), its subtrees
 * are rebuilt on top of the compact range at {@code from} (whose root the chain already holds), and
 * every rebuilt node and the root are compared with {@code log.leaves}, {@code log.nodes} and the
 * signed checkpoint. O(size − from) reads and hashes, plus O(log n) for the compact range.
 */
final class JournalRehash {

    private JournalRehash() {
    }

    /** Empty when everything agrees; otherwise the first disagreement, for the alarm. */
    static Optional<String> check(JdbcTemplate jdbc, long from, long size, Sha256Hash checkpointRoot) {
        if (size <= from) {
            return Optional.empty();
        }
        List<Sha256Hash> leaves = new ArrayList<>((int) Math.min(size - from, 1 << 16));
        List<String> problems = new ArrayList<>();
        jdbc.query("""
                SELECT l.leaf_index, l.leaf_hash, j.canonical_json FROM log.leaves l
                  LEFT JOIN registry.journal j ON j.id = l.journal_id
                 WHERE l.leaf_index >= ? AND l.leaf_index < ? ORDER BY l.leaf_index""", rs -> {
            long index = rs.getLong(1);
            byte[] bytes = rs.getBytes(3);
            if (index != from + leaves.size() || bytes == null) {
                problems.add("leaf " + (from + leaves.size()) + " has no journal row");
                return;
            }
            Sha256Hash h = TreeHasher.leafHash(bytes);
            if (problems.isEmpty() && !h.equals(Sha256Hash.of(rs.getBytes(2)))) {
                problems.add("leaf " + index + ": journal bytes hash to " + h + " but log.leaves holds "
                        + Sha256Hash.of(rs.getBytes(2)));
            }
            leaves.add(h);
        }, from, size);
        if (!problems.isEmpty()) {
            return Optional.of(problems.getFirst());
        }
        if (leaves.size() != size - from) {
            return Optional.of("log.leaves has " + leaves.size() + " rows in [" + from + ", " + size + ")");
        }
        CompactRange base = CompactRange.load(PostgresHashStore.atSize(jdbc, from));
        MerkleAppender.Result rebuilt = base.append(leaves);
        Map<NodeId, Sha256Hash> stored = storedNodes(jdbc, rebuilt.newNodes());
        for (StoredNode n : rebuilt.newNodes()) {
            Sha256Hash s = stored.get(n.id());
            if (s == null || !s.equals(n.hash())) {
                return Optional.of("log.nodes " + n.id() + " holds " + s + " but the journal bytes give " + n.hash());
            }
        }
        if (!rebuilt.root().equals(checkpointRoot)) {
            return Optional.of("the journal bytes give root " + rebuilt.root() + " at size " + size
                    + " but the signed checkpoint says " + checkpointRoot);
        }
        return Optional.empty();
    }

    private static Map<NodeId, Sha256Hash> storedNodes(JdbcTemplate jdbc, List<StoredNode> wanted) {
        Map<NodeId, Sha256Hash> out = new HashMap<>();
        if (wanted.isEmpty()) {
            return out;
        }
        int minLevel = wanted.stream().mapToInt(n -> n.id().level()).min().orElse(0);
        int maxLevel = wanted.stream().mapToInt(n -> n.id().level()).max().orElse(0);
        for (int level = minLevel; level <= maxLevel; level++) {
            int l = level;
            long lo = wanted.stream().filter(n -> n.id().level() == l).mapToLong(n -> n.id().index()).min().orElse(0);
            long hi = wanted.stream().filter(n -> n.id().level() == l).mapToLong(n -> n.id().index()).max().orElse(-1);
            jdbc.query("SELECT node_index, hash FROM log.nodes WHERE level = ? AND node_index BETWEEN ? AND ?",
                    rs -> {
                        out.put(new NodeId(l, rs.getLong(1)), Sha256Hash.of(rs.getBytes(2)));
                    }, level, lo, hi);
        }
        return out;
    }
}
