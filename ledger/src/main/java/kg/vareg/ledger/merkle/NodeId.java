package kg.vareg.ledger.merkle;

/**
 * A complete subtree of the log: the node at {@code level} L and {@code index} i covers the leaves
 * [i·2^L, (i+1)·2^L). Level 0 nodes are the leaf hashes themselves.
 *
 * <p>This is the storage key of the worker's node table. A complete subtree never changes once its
 * last leaf exists, which is why it can be stored once and read for every later proof.
 */
public record NodeId(int level, long index) {

    public NodeId {
        if (level < 0 || level > 62) {
            throw new IllegalArgumentException("level must be in [0, 62], got " + level);
        }
        if (index < 0 || index > (Long.MAX_VALUE >>> level) - 1) {
            throw new IllegalArgumentException("index out of range: " + index + " at level " + level);
        }
    }

    public static NodeId leaf(long index) {
        return new NodeId(0, index);
    }

    /** First leaf covered. */
    public long begin() {
        return index << level;
    }

    /** One past the last leaf covered; the node exists in a tree of size s iff end() <= s. */
    public long end() {
        return (index + 1) << level;
    }

    @Override
    public String toString() {
        return "(" + level + "," + index + ")";
    }
}
