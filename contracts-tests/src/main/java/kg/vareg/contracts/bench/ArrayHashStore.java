package kg.vareg.contracts.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.CompactRange;
import kg.vareg.ledger.merkle.HashStore;
import kg.vareg.ledger.merkle.MerkleAppender;
import kg.vareg.ledger.merkle.NodeId;
import kg.vareg.ledger.merkle.StoredNode;

/**
 * A {@link HashStore} of millions of leaves in a few flat byte arrays (32 bytes per node, one array
 * per level), filled through the ledger's {@link MerkleAppender} like the worker's PostgreSQL store.
 * The ledger's {@code InMemoryHashStore} keeps one object per node, which is fine for tests but
 * needs about ten times the memory at 1M leaves. Not thread-safe; a benchmark tool.
 */
public final class ArrayHashStore implements HashStore {

    private static final int H = Sha256Hash.LENGTH;

    private final List<byte[]> levels = new ArrayList<>();
    private final List<Long> counts = new ArrayList<>();
    private CompactRange range = CompactRange.EMPTY;

    /** Appends leaf hashes; returns the new root. */
    public Sha256Hash append(List<Sha256Hash> leafHashes) {
        MerkleAppender.Result result = range.append(leafHashes);
        for (StoredNode n : result.newNodes()) {
            put(n.id(), n.hash());
        }
        range = result.range();
        return result.root();
    }

    private void put(NodeId id, Sha256Hash hash) {
        while (levels.size() <= id.level()) {
            levels.add(new byte[64 * H]);
            counts.add(0L);
        }
        int level = id.level();
        long expected = counts.get(level);
        if (id.index() != expected) {
            throw new IllegalStateException("node " + id + " out of order: expected index " + expected);
        }
        byte[] data = levels.get(level);
        long offset = id.index() * H;
        if (offset + H > Integer.MAX_VALUE) {
            throw new IllegalStateException("level " + level + " exceeds one array");
        }
        if (offset + H > data.length) {
            data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(offset + H, 2L * data.length)));
            levels.set(level, data);
        }
        System.arraycopy(hash.toBytes(), 0, data, (int) offset, H);
        counts.set(level, expected + 1);
    }

    @Override
    public long size() {
        return range.size();
    }

    @Override
    public Sha256Hash nodeHash(NodeId id) {
        Objects.requireNonNull(id, "id");
        if (id.end() > range.size() || id.level() >= levels.size() || id.index() >= counts.get(id.level())) {
            throw new IllegalStateException("node " + id + " not stored (size " + range.size() + ")");
        }
        int offset = (int) (id.index() * H);
        return Sha256Hash.of(Arrays.copyOfRange(levels.get(id.level()), offset, offset + H));
    }
}
