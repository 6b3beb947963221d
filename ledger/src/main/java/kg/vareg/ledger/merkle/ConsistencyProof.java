package kg.vareg.ledger.merkle;

import java.util.List;
import java.util.Objects;
import kg.vareg.ledger.hash.Sha256Hash;

/**
 * An RFC 9162 §2.1.4 consistency proof that the tree of {@code firstSize} leaves is a prefix of the
 * tree of {@code secondSize} leaves. Like {@link InclusionProof} it accepts any numbers; the
 * verifier judges them.
 */
public record ConsistencyProof(long firstSize, long secondSize, List<Sha256Hash> path) {

    public ConsistencyProof {
        path = List.copyOf(Objects.requireNonNull(path, "path"));
    }
}
