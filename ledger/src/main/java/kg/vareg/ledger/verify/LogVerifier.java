package kg.vareg.ledger.verify;

import static kg.vareg.ledger.LogVerificationException.Reason.SIZE_MISMATCH;
import static kg.vareg.ledger.LogVerificationException.Reason.UNKNOWN_KEY;
import static kg.vareg.ledger.LogVerificationException.Reason.WRONG_ORIGIN;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.checkpoint.Checkpoint;
import kg.vareg.ledger.checkpoint.NoteVerifier;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.merkle.ConsistencyProof;
import kg.vareg.ledger.merkle.InclusionProof;

/**
 * Verifies log data against checkpoints signed by one trusted key of one log (origin). Immutable,
 * thread-safe. Every method returns normally or throws {@link LogVerificationException}.
 *
 * <pre>{@code
 * LogVerifier log = LogVerifier.create(NoteVerifier.parse(keyString), "vareg.kg/log");
 * VerifiedCheckpoint cp = log.verifyCheckpoint(noteBytes);
 * log.verifyInclusion(proof, TreeHasher.leafHash(entryBytes), cp);
 * }</pre>
 */
public final class LogVerifier {

    private final NoteVerifier key;
    private final String origin;

    private LogVerifier(NoteVerifier key, String origin) {
        this.key = key;
        this.origin = origin;
    }

    /** @param origin the expected checkpoint origin line, e.g. "vareg.kg/log" */
    public static LogVerifier create(NoteVerifier key, String origin) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(origin, "origin");
        if (origin.isEmpty()) {
            throw new IllegalArgumentException("origin must not be empty");
        }
        return new LogVerifier(key, origin);
    }

    /** Verifies the note's signature, then parses the checkpoint and checks its origin. */
    public VerifiedCheckpoint verifyCheckpoint(byte[] signedNote) throws LogVerificationException {
        String text = key.open(signedNote);
        Checkpoint cp = Checkpoint.parse(text);
        if (!cp.origin().equals(origin)) {
            throw new LogVerificationException(WRONG_ORIGIN,
                    "checkpoint origin '" + cp.origin() + "' is not the expected '" + origin + "'");
        }
        return new VerifiedCheckpoint(cp, new String(signedNote, StandardCharsets.UTF_8), key);
    }

    public VerifiedCheckpoint verifyCheckpoint(String signedNote) throws LogVerificationException {
        return verifyCheckpoint(signedNote.getBytes(StandardCharsets.UTF_8));
    }

    /** Verifies that {@code leafHash} is in the checkpoint's tree at {@code proof.index()}. */
    public void verifyInclusion(InclusionProof proof, Sha256Hash leafHash, VerifiedCheckpoint checkpoint)
            throws LogVerificationException {
        Objects.requireNonNull(proof, "proof");
        checkOwn(checkpoint);
        if (proof.treeSize() != checkpoint.size()) {
            throw new LogVerificationException(SIZE_MISMATCH, "inclusion proof is for tree size "
                    + proof.treeSize() + " but the checkpoint is for size " + checkpoint.size());
        }
        MerkleVerifier.verifyInclusion(proof, leafHash, checkpoint.root());
    }

    /** Convenience: hashes the entry's canonical bytes as an RFC 9162 leaf first. */
    public void verifyEntry(InclusionProof proof, byte[] entryBytes, VerifiedCheckpoint checkpoint)
            throws LogVerificationException {
        verifyInclusion(proof, TreeHasher.leafHash(entryBytes), checkpoint);
    }

    /** Verifies that {@code older}'s tree is a prefix of {@code newer}'s. */
    public void verifyConsistency(ConsistencyProof proof, VerifiedCheckpoint older, VerifiedCheckpoint newer)
            throws LogVerificationException {
        Objects.requireNonNull(proof, "proof");
        checkOwn(older);
        checkOwn(newer);
        if (proof.firstSize() != older.size() || proof.secondSize() != newer.size()) {
            throw new LogVerificationException(SIZE_MISMATCH, "consistency proof is for sizes "
                    + proof.firstSize() + " -> " + proof.secondSize() + " but the checkpoints are for "
                    + older.size() + " -> " + newer.size());
        }
        MerkleVerifier.verifyConsistency(proof, older.root(), newer.root());
    }

    private void checkOwn(VerifiedCheckpoint cp) throws LogVerificationException {
        Objects.requireNonNull(cp, "checkpoint");
        if (!cp.key().equals(key)) {
            throw new LogVerificationException(UNKNOWN_KEY,
                    "checkpoint was verified with key " + cp.key().describe() + ", not " + key.describe());
        }
        if (!cp.origin().equals(origin)) {
            throw new LogVerificationException(WRONG_ORIGIN,
                    "checkpoint origin '" + cp.origin() + "' is not the expected '" + origin + "'");
        }
    }

    public NoteVerifier key() {
        return key;
    }

    public String origin() {
        return origin;
    }
}
