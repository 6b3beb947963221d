package kg.vareg.ledger.merkle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;

/**
 * A {@link HashStore} in memory, for tests and tools. It is filled the same way the worker fills
 * PostgreSQL — through {@link MerkleAppender} — so tests exercise the production code path.
 * Thread-safe (coarse lock); not meant for large logs.
 */
public final class InMemoryHashStore implements HashStore {

    private final Map<NodeId, Sha256Hash> nodes = new HashMap<>();
    private CompactRange range = CompactRange.EMPTY;
    private long reads;

    /** Appends entries (leaf hashes are computed here) and returns the new root. */
    public synchronized Sha256Hash appendEntries(List<byte[]> entries) {
        List<Sha256Hash> leaves = new ArrayList<>(entries.size());
        for (byte[] e : entries) {
            leaves.add(TreeHasher.leafHash(e));
        }
        return appendLeafHashes(leaves);
    }

    /** Appends leaf hashes and returns the new root. */
    public synchronized Sha256Hash appendLeafHashes(List<Sha256Hash> leafHashes) {
        MerkleAppender.Result result = range.append(leafHashes);
        for (StoredNode n : result.newNodes()) {
            if (nodes.putIfAbsent(n.id(), n.hash()) != null) {
                throw new IllegalStateException("node " + n.id() + " written twice");
            }
        }
        range = result.range();
        return result.root();
    }

    @Override
    public synchronized long size() {
        return range.size();
    }

    @Override
    public synchronized Sha256Hash nodeHash(NodeId id) {
        Sha256Hash h = nodes.get(id);
        if (h == null || id.end() > range.size()) {
            throw new IllegalStateException("node " + id + " not stored (size " + range.size() + ")");
        }
        reads++;
        return h;
    }

    /** Number of single-node reads served so far (tests check proofs stay O(log n)). */
    public synchronized long reads() {
        return reads;
    }

    /** Number of stored nodes (tests check the appender stores about 2n nodes for n leaves). */
    public synchronized int storedNodes() {
        return nodes.size();
    }
}
