package kg.vareg.ledger.merkle;

import java.util.ArrayList;
import java.util.List;
import kg.vareg.ledger.hash.Sha256Hash;

/**
 * Read access to a log's stored hashes: leaf hashes (level 0) and hashes of complete subtrees.
 *
 * <p>The worker implements this over PostgreSQL. {@link MerkleProofs} asks for every node a proof
 * needs in ONE call to {@link #nodeHashes(List)} (O(log n) ids), so an implementation can answer
 * with a single {@code SELECT ... WHERE (level, idx) IN (...)}. The tree is never rebuilt.
 *
 * <p>Contract: {@code nodeHash(id)} must be answered for every id with {@code id.end() <= size()};
 * an implementation throws {@link IllegalStateException} if a node that must exist is missing
 * (a corrupted store must never be papered over).
 */
public interface HashStore {

    /** Number of leaves integrated into the store. */
    long size();

    /** Hash of the complete subtree {@code id}. */
    Sha256Hash nodeHash(NodeId id);

    /** Hashes of the given nodes, in the same order. Override to batch the reads. */
    default List<Sha256Hash> nodeHashes(List<NodeId> ids) {
        List<Sha256Hash> out = new ArrayList<>(ids.size());
        for (NodeId id : ids) {
            out.add(nodeHash(id));
        }
        return out;
    }
}
