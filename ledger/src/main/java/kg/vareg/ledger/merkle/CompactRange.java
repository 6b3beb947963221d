package kg.vareg.ledger.merkle;

import java.util.List;
import java.util.Objects;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;

/**
 * The right edge of a log of {@code size} leaves: the hashes of the complete subtrees that
 * decompose [0, size), largest (leftmost) first — one per set bit of size. Immutable.
 *
 * <p>This is all the state needed to append leaves and to compute the new root (a "compact range"
 * in transparency-dev terms). The worker loads it with {@link #load(HashStore)} (O(log n) reads),
 * appends a batch with {@link MerkleAppender}, stores the returned nodes and signs the root.
 */
public record CompactRange(long size, List<Sha256Hash> peaks) {

    public static final CompactRange EMPTY = new CompactRange(0, List.of());

    public CompactRange {
        peaks = List.copyOf(Objects.requireNonNull(peaks, "peaks"));
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0");
        }
        if (peaks.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException(
                    "a tree of size " + size + " has " + Long.bitCount(size) + " peaks, got " + peaks.size());
        }
    }

    /** Reads the peaks of the store's current tree. */
    public static CompactRange load(HashStore store) {
        long size = store.size();
        if (size == 0) {
            return EMPTY;
        }
        return new CompactRange(size, store.nodeHashes(peakIds(size)));
    }

    /** Ids of the peaks of a tree of {@code size} leaves, largest first. */
    public static List<NodeId> peakIds(long size) {
        return size == 0 ? List.of() : Ranges.decompose(0, size);
    }

    /** The Merkle tree hash of the {@code size} leaves. */
    public Sha256Hash root() {
        return size == 0 ? TreeHasher.emptyRoot() : Ranges.fold(peaks);
    }

    /** Convenience for {@link MerkleAppender#append(CompactRange, List)}. */
    public MerkleAppender.Result append(List<Sha256Hash> leafHashes) {
        return MerkleAppender.append(this, leafHashes);
    }

    List<NodeId> ids() {
        return peakIds(size);
    }

}
