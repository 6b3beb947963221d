package kg.vareg.ledger.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;

/**
 * Integrates a batch of leaf hashes into a log given only its right edge ({@link CompactRange}).
 *
 * <p>Appending a leaf pushes it as a level-0 peak; while the two rightmost peaks have the same
 * level they are merged into their parent — a complete subtree that did not exist before and must
 * be stored. Each leaf causes one merge on average, so n leaves cost about n hashes (plus
 * O(log n) for the root), and every stored node is written exactly once, when it becomes complete.
 */
public final class MerkleAppender {

    private MerkleAppender() {
    }

    /**
     * What an append produces.
     *
     * @param range    the new right edge (feed it to the next append)
     * @param newNodes every node that became complete, leaves (level 0) included, in creation
     *                 order; the worker stores exactly these
     * @param root     the root of the new tree
     */
    public record Result(CompactRange range, List<StoredNode> newNodes, Sha256Hash root) {

        public Result {
            Objects.requireNonNull(range, "range");
            newNodes = List.copyOf(newNodes);
            Objects.requireNonNull(root, "root");
        }

        public long size() {
            return range.size();
        }
    }

    public static Result append(CompactRange range, List<Sha256Hash> leafHashes) {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(leafHashes, "leafHashes");
        long size = range.size();
        if (leafHashes.size() > Long.MAX_VALUE / 2 - size) {
            throw new IllegalArgumentException("log would overflow");
        }
        List<Sha256Hash> hashes = new ArrayList<>(range.peaks());
        List<NodeId> ids = new ArrayList<>(range.ids());
        List<StoredNode> created = new ArrayList<>(2 * leafHashes.size());
        for (Sha256Hash leaf : leafHashes) {
            Objects.requireNonNull(leaf, "leaf hash");
            NodeId id = NodeId.leaf(size);
            Sha256Hash h = leaf;
            created.add(new StoredNode(id, h));
            // Merge while the new node is a right child (odd index): its left sibling is the last peak.
            while ((id.index() & 1) == 1) {
                int last = hashes.size() - 1;
                h = TreeHasher.nodeHash(hashes.remove(last), h);
                ids.remove(last);
                id = new NodeId(id.level() + 1, id.index() >>> 1);
                created.add(new StoredNode(id, h));
            }
            hashes.add(h);
            ids.add(id);
            size++;
        }
        CompactRange next = new CompactRange(size, hashes);
        return new Result(next, created, next.root());
    }
}
