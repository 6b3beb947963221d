package kg.vareg.ledger.verify;

import static kg.vareg.ledger.LogVerificationException.Reason.EMPTY_TREE;
import static kg.vareg.ledger.LogVerificationException.Reason.INDEX_OUT_OF_RANGE;
import static kg.vareg.ledger.LogVerificationException.Reason.MALFORMED_HASH;
import static kg.vareg.ledger.LogVerificationException.Reason.PROOF_TOO_LONG;
import static kg.vareg.ledger.LogVerificationException.Reason.PROOF_TOO_SHORT;
import static kg.vareg.ledger.LogVerificationException.Reason.ROOT_MISMATCH;
import static kg.vareg.ledger.LogVerificationException.Reason.SIZES_OUT_OF_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import kg.vareg.ledger.CtVectors;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.LogVerificationException.Reason;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.merkle.ConsistencyProof;
import kg.vareg.ledger.merkle.InclusionProof;
import org.junit.jupiter.api.Test;

/**
 * RFC 9162 §2.1.3.2 / §2.1.4.2 verification: the published vectors verify, and every mutation
 * transparency-dev/merkle's verify_test.go applies to them (plus ours) is rejected.
 */
class MerkleVerifierTest {

    static final Sha256Hash SOME_HASH =
            Sha256Hash.fromHex("abacaba000000000000000000000000000000000000000000060061e00123456");
    static final Sha256Hash EMPTY = TreeHasher.emptyRoot();

    static Sha256Hash leaf(long index) {
        return TreeHasher.leafHash(CtVectors.LEAVES.get((int) index));
    }

    static Sha256Hash root(long size) {
        return CtVectors.ROOTS.get((int) size - 1);
    }

    static Sha256Hash flip(Sha256Hash h, int bit) {
        byte[] b = h.toBytes();
        b[0] ^= (byte) (1 << bit);
        return Sha256Hash.of(b);
    }

    static <T> List<T> with(List<T> list, int at, T value) {
        List<T> out = new ArrayList<>(list);
        out.add(at, value);
        return out;
    }

    static Reason inclusionFailure(InclusionProof p, Sha256Hash leaf, Sha256Hash root) {
        LogVerificationException e = catchThrowableOfType(LogVerificationException.class,
                () -> MerkleVerifier.verifyInclusion(p, leaf, root));
        assertThat(e).as("must reject %s", p).isNotNull();
        assertThat(e.getMessage()).isNotBlank();
        return e.reason();
    }

    static Reason consistencyFailure(ConsistencyProof p, Sha256Hash r1, Sha256Hash r2) {
        LogVerificationException e = catchThrowableOfType(LogVerificationException.class,
                () -> MerkleVerifier.verifyConsistency(p, r1, r2));
        assertThat(e).as("must reject %s", p).isNotNull();
        assertThat(e.getMessage()).isNotBlank();
        return e.reason();
    }

    @Test
    void publishedInclusionProofsVerify() throws LogVerificationException {
        for (CtVectors.Inclusion v : CtVectors.INCLUSION) {
            MerkleVerifier.verifyInclusion(new InclusionProof(v.index(), v.size(), v.path()), leaf(v.index()), root(v.size()));
        }
    }

    @Test
    void publishedConsistencyProofsVerify() throws LogVerificationException {
        for (CtVectors.Consistency v : CtVectors.CONSISTENCY) {
            MerkleVerifier.verifyConsistency(new ConsistencyProof(v.size1(), v.size2(), v.path()), root(v.size1()), root(v.size2()));
        }
    }

    @Test
    void mutatedInclusionProofsAreRejected() {
        for (CtVectors.Inclusion v : CtVectors.INCLUSION) {
            long i = v.index();
            long n = v.size();
            List<Sha256Hash> path = v.path();
            Sha256Hash leaf = leaf(i);
            Sha256Hash root = root(n);
            // Wrong leaf index.
            inclusionFailure(new InclusionProof(i - 1, n, path), leaf, root);
            inclusionFailure(new InclusionProof(i + 1, n, path), leaf, root);
            inclusionFailure(new InclusionProof(i ^ 2, n, path), leaf, root);
            // Wrong tree size.
            inclusionFailure(new InclusionProof(i, n * 2, path), leaf, root);
            inclusionFailure(new InclusionProof(i, n / 2, path), leaf, root);
            // Wrong leaf or root.
            inclusionFailure(new InclusionProof(i, n, path), SOME_HASH, root);
            inclusionFailure(new InclusionProof(i, n, path), leaf, EMPTY);
            inclusionFailure(new InclusionProof(i, n, path), leaf, SOME_HASH);
            // Extra hashes at the end or the front.
            assertThat(inclusionFailure(new InclusionProof(i, n, with(path, path.size(), root)), leaf, root)).isEqualTo(PROOF_TOO_LONG);
            assertThat(inclusionFailure(new InclusionProof(i, n, with(path, 0, root)), leaf, root)).isEqualTo(PROOF_TOO_LONG);
            assertThat(inclusionFailure(new InclusionProof(i, n, with(path, 0, EMPTY)), leaf, root)).isEqualTo(PROOF_TOO_LONG);
            for (int k = 0; k < path.size(); k++) {
                List<Sha256Hash> flipped = new ArrayList<>(path);
                flipped.set(k, flip(path.get(k), 3));
                assertThat(inclusionFailure(new InclusionProof(i, n, flipped), leaf, root)).isEqualTo(ROOT_MISMATCH);
            }
            if (!path.isEmpty()) {
                assertThat(inclusionFailure(new InclusionProof(i, n, path.subList(0, path.size() - 1)), leaf, root))
                        .isEqualTo(PROOF_TOO_SHORT);
            }
            if (path.size() > 1) {
                List<Sha256Hash> inserted = with(path.subList(1, path.size()), 0, SOME_HASH);
                inserted.add(0, path.get(0));
                inclusionFailure(new InclusionProof(i, n, inserted), leaf, root);
                List<Sha256Hash> swapped = new ArrayList<>(path);
                java.util.Collections.swap(swapped, 0, 1);
                assertThat(inclusionFailure(new InclusionProof(i, n, swapped), leaf, root)).isEqualTo(ROOT_MISMATCH);
            }
        }
    }

    @Test
    void inclusionIndexNotBelowSizeIsRejected() {
        assertThat(inclusionFailure(new InclusionProof(1, 1, List.of()), leaf(0), root(1))).isEqualTo(INDEX_OUT_OF_RANGE);
        assertThat(inclusionFailure(new InclusionProof(8, 8, List.of()), leaf(0), root(8))).isEqualTo(INDEX_OUT_OF_RANGE);
        assertThat(inclusionFailure(new InclusionProof(2, 1, List.of()), leaf(0), root(1))).isEqualTo(INDEX_OUT_OF_RANGE);
        assertThat(inclusionFailure(new InclusionProof(-1, 8, List.of()), leaf(0), root(8))).isEqualTo(INDEX_OUT_OF_RANGE);
        assertThat(inclusionFailure(new InclusionProof(Long.MAX_VALUE, Long.MIN_VALUE, List.of()), leaf(0), root(8)))
                .isEqualTo(INDEX_OUT_OF_RANGE);
    }

    @Test
    void inclusionInEmptyTreeIsRejected() {
        // transparency-dev TestVerifyInclusion probes {0,0}, {1,0} with any root.
        assertThat(inclusionFailure(new InclusionProof(0, 0, List.of()), SOME_HASH, EMPTY)).isEqualTo(EMPTY_TREE);
        assertThat(inclusionFailure(new InclusionProof(1, 0, List.of()), EMPTY, EMPTY)).isEqualTo(EMPTY_TREE);
    }

    @Test
    void singleLeafTreeNeedsTheLeafToBeTheRoot() throws LogVerificationException {
        Sha256Hash h = TreeHasher.leafHash("data".getBytes());
        MerkleVerifier.verifyInclusion(new InclusionProof(0, 1, List.of()), h, h);
        assertThat(inclusionFailure(new InclusionProof(0, 1, List.of()), h, SOME_HASH)).isEqualTo(ROOT_MISMATCH);
        assertThat(inclusionFailure(new InclusionProof(0, 1, List.of(h)), h, h)).isEqualTo(PROOF_TOO_LONG);
    }

    @Test
    void shortAndLongHashesOnTheWireAreRejected() {
        List<byte[]> path = new ArrayList<>();
        for (Sha256Hash h : CtVectors.INCLUSION.get(1).path()) {
            path.add(h.toBytes());
        }
        path.set(1, java.util.Arrays.copyOf(path.get(1), 31));
        LogVerificationException e = catchThrowableOfType(LogVerificationException.class,
                () -> ProofCodec.inclusionProof(0, 8, path));
        assertThat(e.reason()).isEqualTo(MALFORMED_HASH);
        assertThat(e.getMessage()).contains("proof element 1 is 31 bytes");
        path.set(1, new byte[33]);
        assertThat(catchThrowableOfType(LogVerificationException.class, () -> ProofCodec.consistencyProof(1, 8, path)).reason())
                .isEqualTo(MALFORMED_HASH);
        path.set(1, new byte[0]);
        assertThat(catchThrowableOfType(LogVerificationException.class, () -> ProofCodec.inclusionProof(0, 8, path)).reason())
                .isEqualTo(MALFORMED_HASH);
        assertThat(catchThrowableOfType(LogVerificationException.class, () -> ProofCodec.hexHashes(List.of("abcd"))).reason())
                .isEqualTo(MALFORMED_HASH);
        assertThat(catchThrowableOfType(LogVerificationException.class, () -> ProofCodec.hexHashes(List.of("zz".repeat(32)))).reason())
                .isEqualTo(MALFORMED_HASH);
    }

    @Test
    void mutatedConsistencyProofsAreRejected() {
        for (CtVectors.Consistency v : CtVectors.CONSISTENCY) {
            long s1 = v.size1();
            long s2 = v.size2();
            List<Sha256Hash> path = v.path();
            if (path.isEmpty()) {
                continue;
            }
            Sha256Hash r1 = root(s1);
            Sha256Hash r2 = root(s2);
            consistencyFailure(new ConsistencyProof(s1 - 1, s2, path), r1, r2);
            consistencyFailure(new ConsistencyProof(s1 + 1, s2, path), r1, r2);
            consistencyFailure(new ConsistencyProof(s1 ^ 2, s2, path), r1, r2);
            consistencyFailure(new ConsistencyProof(s1, s2 * 2, path), r1, r2);
            consistencyFailure(new ConsistencyProof(s1, s2 / 2, path), r1, r2);
            assertThat(consistencyFailure(new ConsistencyProof(s1, s2, path), SOME_HASH, r2)).isEqualTo(ROOT_MISMATCH);
            assertThat(consistencyFailure(new ConsistencyProof(s1, s2, path), r1, SOME_HASH)).isEqualTo(ROOT_MISMATCH);
            assertThat(consistencyFailure(new ConsistencyProof(s1, s2, path), r2, r1)).isEqualTo(ROOT_MISMATCH);
            assertThat(consistencyFailure(new ConsistencyProof(s1, s2, List.of()), r1, r2)).isEqualTo(PROOF_TOO_SHORT);
            for (Sha256Hash extra : List.of(EMPTY, r1, r2)) {
                assertThat(consistencyFailure(new ConsistencyProof(s1, s2, with(path, path.size(), extra)), r1, r2)).isEqualTo(PROOF_TOO_LONG);
                assertThat(consistencyFailure(new ConsistencyProof(s1, s2, with(path, 0, extra)), r1, r2)).isEqualTo(PROOF_TOO_LONG);
            }
            assertThat(consistencyFailure(new ConsistencyProof(s1, s2, with(path, 0, path.get(0))), r1, r2)).isEqualTo(PROOF_TOO_LONG);
            assertThat(consistencyFailure(new ConsistencyProof(s1, s2, path.subList(0, path.size() - 1)), r1, r2))
                    .isEqualTo(PROOF_TOO_SHORT);
            for (int k = 0; k < path.size(); k++) {
                List<Sha256Hash> flipped = new ArrayList<>(path);
                flipped.set(k, flip(path.get(k), 4));
                assertThat(consistencyFailure(new ConsistencyProof(s1, s2, flipped), r1, r2)).isEqualTo(ROOT_MISMATCH);
            }
            if (path.size() > 1) {
                List<Sha256Hash> swapped = new ArrayList<>(path);
                java.util.Collections.swap(swapped, 0, path.size() - 1);
                assertThat(consistencyFailure(new ConsistencyProof(s1, s2, swapped), r1, r2)).isEqualTo(ROOT_MISMATCH);
            }
        }
    }

    @Test
    void consistencySizeEdgeCases() throws LogVerificationException {
        // transparency-dev TestVerifyConsistency, with our stricter rule for size 0.
        assertThat(consistencyFailure(new ConsistencyProof(0, 0, List.of()), EMPTY, EMPTY)).isEqualTo(EMPTY_TREE);
        assertThat(consistencyFailure(new ConsistencyProof(0, 1, List.of()), EMPTY, root(1))).isEqualTo(EMPTY_TREE);
        assertThat(consistencyFailure(new ConsistencyProof(1, 0, List.of()), root(1), EMPTY)).isEqualTo(SIZES_OUT_OF_ORDER);
        assertThat(consistencyFailure(new ConsistencyProof(2, 1, List.of()), root(2), root(1))).isEqualTo(SIZES_OUT_OF_ORDER);
        assertThat(consistencyFailure(new ConsistencyProof(8, 5, CtVectors.CONSISTENCY.get(3).path()), root(8), root(5)))
                .isEqualTo(SIZES_OUT_OF_ORDER);
        assertThat(consistencyFailure(new ConsistencyProof(-1, 5, List.of()), root(1), root(5))).isEqualTo(INDEX_OUT_OF_RANGE);
        assertThat(consistencyFailure(new ConsistencyProof(1, 2, List.of()), root(1), root(2))).isEqualTo(PROOF_TOO_SHORT);
        // Equal sizes: the proof must be empty and the roots equal.
        MerkleVerifier.verifyConsistency(new ConsistencyProof(1, 1, List.of()), root(1), root(1));
        MerkleVerifier.verifyConsistency(new ConsistencyProof(7, 7, List.of()), root(7), root(7));
        assertThat(consistencyFailure(new ConsistencyProof(1, 1, List.of()), root(1), root(2))).isEqualTo(ROOT_MISMATCH);
        assertThat(consistencyFailure(new ConsistencyProof(1, 1, List.of(EMPTY)), root(1), root(1))).isEqualTo(PROOF_TOO_LONG);
        assertThatCode(() -> MerkleVerifier.verifyConsistency(new ConsistencyProof(4, 4, List.of()), root(4), root(4)))
                .doesNotThrowAnyException();
    }
}
