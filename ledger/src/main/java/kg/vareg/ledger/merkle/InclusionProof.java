package kg.vareg.ledger.merkle;

import java.util.List;
import java.util.Objects;
import kg.vareg.ledger.hash.Sha256Hash;

/**
 * An RFC 9162 §2.1.3 inclusion proof: the audit path for leaf {@code index} in the tree of
 * {@code treeSize} leaves, ordered from the leaf's sibling upwards.
 *
 * <p>The record accepts any numbers on purpose: proofs come from untrusted input, and deciding
 * whether index and size make sense is the verifier's job (it reports a precise reason).
 */
public record InclusionProof(long index, long treeSize, List<Sha256Hash> path) {

    public InclusionProof {
        path = List.copyOf(Objects.requireNonNull(path, "path"));
    }
}
