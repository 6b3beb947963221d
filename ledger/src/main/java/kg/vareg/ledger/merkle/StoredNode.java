package kg.vareg.ledger.merkle;

import java.util.Objects;
import kg.vareg.ledger.hash.Sha256Hash;

/** A complete-subtree hash to be persisted by a {@link HashStore} implementation. */
public record StoredNode(NodeId id, Sha256Hash hash) {

    public StoredNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hash, "hash");
    }
}
