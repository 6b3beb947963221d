package kg.vareg.ledger.verify;

import static kg.vareg.ledger.LogVerificationException.Reason.SIZE_MISMATCH;
import static kg.vareg.ledger.LogVerificationException.Reason.UNKNOWN_KEY;
import static kg.vareg.ledger.LogVerificationException.Reason.WRONG_ORIGIN;
import static kg.vareg.ledger.LogVerificationException.Reason.ROOT_MISMATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.SecureRandom;
import java.util.List;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.checkpoint.Checkpoint;
import kg.vareg.ledger.checkpoint.NoteSigner;
import kg.vareg.ledger.merkle.ConsistencyProof;
import kg.vareg.ledger.merkle.InMemoryHashStore;
import kg.vareg.ledger.merkle.InclusionProof;
import kg.vareg.ledger.merkle.MerkleProofs;
import org.junit.jupiter.api.Test;

/** End to end: worker-side signing of checkpoints, client-side verification against them. */
class LogVerifierTest {

    static final String ORIGIN = "vareg.kg/log";
    final NoteSigner signer = NoteSigner.generate(ORIGIN, new SecureRandom());
    final LogVerifier log = LogVerifier.create(signer.verifier(), ORIGIN);
    final InMemoryHashStore store = new InMemoryHashStore();

    String checkpoint(long size) {
        return signer.sign(new Checkpoint(ORIGIN, size, MerkleProofs.root(store, size)).toText());
    }

    byte[] entry(int i) {
        return ("{\"n\":" + i + "}").getBytes();
    }

    void append(int from, int to) {
        for (int i = from; i < to; i++) {
            store.appendEntries(List.of(entry(i)));
        }
    }

    @Test
    void entriesAndHistoryVerifyAgainstSignedCheckpoints() throws LogVerificationException {
        append(0, 10);
        VerifiedCheckpoint cp10 = log.verifyCheckpoint(checkpoint(10));
        append(10, 23);
        VerifiedCheckpoint cp23 = log.verifyCheckpoint(checkpoint(23));
        for (int i = 0; i < 23; i++) {
            log.verifyEntry(MerkleProofs.inclusionProof(store, i, 23), entry(i), cp23);
        }
        log.verifyEntry(MerkleProofs.inclusionProof(store, 4, 10), entry(4), cp10);
        log.verifyConsistency(MerkleProofs.consistencyProof(store, 10, 23), cp10, cp23);
    }

    @Test
    void proofForAnotherSizeOrEntryIsRejected() throws LogVerificationException {
        append(0, 12);
        VerifiedCheckpoint cp11 = log.verifyCheckpoint(checkpoint(11));
        VerifiedCheckpoint cp12 = log.verifyCheckpoint(checkpoint(12));
        InclusionProof p = MerkleProofs.inclusionProof(store, 3, 12);
        assertThat(catchThrowableOfType(LogVerificationException.class, () -> log.verifyEntry(p, entry(3), cp11)).reason())
                .isEqualTo(SIZE_MISMATCH);
        assertThat(catchThrowableOfType(LogVerificationException.class, () -> log.verifyEntry(p, entry(4), cp12)).reason())
                .isEqualTo(ROOT_MISMATCH);
        ConsistencyProof c = MerkleProofs.consistencyProof(store, 11, 12);
        assertThat(catchThrowableOfType(LogVerificationException.class, () -> log.verifyConsistency(c, cp12, cp11)).reason())
                .isEqualTo(SIZE_MISMATCH);
    }

    @Test
    void checkpointOfAnotherLogOrKeyIsRejected() throws LogVerificationException {
        append(0, 3);
        String other = signer.sign(new Checkpoint("other.example/log", 3, MerkleProofs.root(store, 3)).toText());
        assertThat(catchThrowableOfType(LogVerificationException.class, () -> log.verifyCheckpoint(other)).reason())
                .isEqualTo(WRONG_ORIGIN);
        NoteSigner impostor = NoteSigner.generate(ORIGIN, new SecureRandom());
        String forged = impostor.sign(new Checkpoint(ORIGIN, 3, MerkleProofs.root(store, 3)).toText());
        assertThat(catchThrowableOfType(LogVerificationException.class, () -> log.verifyCheckpoint(forged)).reason())
                .isEqualTo(UNKNOWN_KEY);
        // A checkpoint verified by another LogVerifier (other key, same origin) is not accepted.
        LogVerifier impostorLog = LogVerifier.create(impostor.verifier(), ORIGIN);
        VerifiedCheckpoint foreign = impostorLog.verifyCheckpoint(forged);
        assertThat(catchThrowableOfType(LogVerificationException.class,
                () -> log.verifyEntry(MerkleProofs.inclusionProof(store, 0, 3), entry(0), foreign)).reason())
                .isEqualTo(UNKNOWN_KEY);
    }
}
