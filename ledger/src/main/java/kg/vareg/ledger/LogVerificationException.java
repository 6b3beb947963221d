package kg.vareg.ledger;

import java.util.Objects;

/**
 * The one checked exception of verification: a proof, checkpoint, note or key that does not
 * verify. {@link #reason()} says which check failed (for tests and metrics); the message says
 * precisely why, in words fit for the CLI's {@code FAIL:} line.
 */
public final class LogVerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Which check failed. */
    public enum Reason {
        /** A size or index is negative, or an index is not below the tree size. */
        INDEX_OUT_OF_RANGE,
        /** A tree of size 0 has no leaves to include and no prefix to be consistent with. */
        EMPTY_TREE,
        /** The second tree is smaller than the first. */
        SIZES_OUT_OF_ORDER,
        /** The proof has fewer hashes than the sizes require. */
        PROOF_TOO_SHORT,
        /** The proof has more hashes than the sizes allow. */
        PROOF_TOO_LONG,
        /** A proof element or root is not a 32-byte hash. */
        MALFORMED_HASH,
        /** The recomputed root differs from the expected root. */
        ROOT_MISMATCH,
        /** The proof's tree size differs from the checkpoint's. */
        SIZE_MISMATCH,
        /** The note does not follow c2sp.org/signed-note. */
        MALFORMED_NOTE,
        /** The note body does not follow c2sp.org/tlog-checkpoint. */
        MALFORMED_CHECKPOINT,
        /** The checkpoint's origin is not the expected log. */
        WRONG_ORIGIN,
        /** No signature by the trusted key. */
        UNKNOWN_KEY,
        /** A signature by the trusted key does not verify. */
        BAD_SIGNATURE,
        /** A verifier key string is malformed. */
        MALFORMED_KEY,
        /** The entry or bundle is malformed. */
        MALFORMED_INPUT
    }

    private final Reason reason;

    public LogVerificationException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public LogVerificationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
