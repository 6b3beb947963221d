package kg.vareg.ledger.verify;

import java.util.Objects;
import kg.vareg.ledger.checkpoint.Checkpoint;
import kg.vareg.ledger.checkpoint.NoteVerifier;
import kg.vareg.ledger.hash.Sha256Hash;

/**
 * A checkpoint whose signature by the trusted log key has been verified. Only {@link LogVerifier}
 * creates these, so a proof can never be checked against a root nobody signed.
 */
public final class VerifiedCheckpoint {

    private final Checkpoint checkpoint;
    private final String note;
    private final NoteVerifier key;

    VerifiedCheckpoint(Checkpoint checkpoint, String note, NoteVerifier key) {
        this.checkpoint = Objects.requireNonNull(checkpoint);
        this.note = Objects.requireNonNull(note);
        this.key = Objects.requireNonNull(key);
    }

    /** The key whose signature was verified. */
    public NoteVerifier key() {
        return key;
    }

    public Checkpoint checkpoint() {
        return checkpoint;
    }

    public String origin() {
        return checkpoint.origin();
    }

    public long size() {
        return checkpoint.size();
    }

    public Sha256Hash root() {
        return checkpoint.root();
    }

    /** The signed note as received (with all its signatures). */
    public String note() {
        return note;
    }

    @Override
    public String toString() {
        return "VerifiedCheckpoint[" + origin() + ", " + size() + ", " + root() + "]";
    }
}
