package kg.vareg.ledger.verify;

import static kg.vareg.ledger.LogVerificationException.Reason.EMPTY_TREE;
import static kg.vareg.ledger.LogVerificationException.Reason.INDEX_OUT_OF_RANGE;
import static kg.vareg.ledger.LogVerificationException.Reason.PROOF_TOO_LONG;
import static kg.vareg.ledger.LogVerificationException.Reason.PROOF_TOO_SHORT;
import static kg.vareg.ledger.LogVerificationException.Reason.ROOT_MISMATCH;
import static kg.vareg.ledger.LogVerificationException.Reason.SIZES_OUT_OF_ORDER;

import java.util.List;
import java.util.Objects;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.merkle.ConsistencyProof;
import kg.vareg.ledger.merkle.InclusionProof;

/**
 * RFC 9162 proof verification against bare roots: §2.1.3.2 (inclusion) and §2.1.4.2 (consistency),
 * step by step, every check included. Use {@link LogVerifier} to verify against signed checkpoints.
 *
 * <p>Sizes are Java longs; negative values (which an unsigned uint64 on the wire could decode to)
 * are rejected before the algorithm runs. Hash lengths need no check here: a {@link Sha256Hash}
 * is 32 bytes by construction, and wire input goes through {@link ProofCodec}.
 */
public final class MerkleVerifier {

    private MerkleVerifier() {
    }

    /** Verifies that {@code leafHash} is leaf {@code proof.index()} of the tree with {@code root}. */
    public static void verifyInclusion(InclusionProof proof, Sha256Hash leafHash, Sha256Hash root)
            throws LogVerificationException {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(root, "root");
        Sha256Hash computed = rootFromInclusionProof(proof, leafHash);
        if (!computed.equals(root)) {
            throw new LogVerificationException(ROOT_MISMATCH, "inclusion proof for leaf " + proof.index()
                    + " leads to root " + computed + ", expected " + root);
        }
    }

    /**
     * RFC 9162 §2.1.3.2 steps 1-5 up to the final comparison: the root the proof leads to. Throws
     * if the proof is structurally wrong for (index, size).
     */
    public static Sha256Hash rootFromInclusionProof(InclusionProof proof, Sha256Hash leafHash)
            throws LogVerificationException {
        long index = proof.index();
        long size = proof.treeSize();
        if (size == 0) {
            throw new LogVerificationException(EMPTY_TREE, "a tree of size 0 includes no leaves");
        }
        // Step 1: leaf_index >= tree_size fails.
        if (index < 0 || size < 0 || index >= size) {
            throw new LogVerificationException(INDEX_OUT_OF_RANGE,
                    "leaf index " + index + " is not within a tree of size " + size);
        }
        List<Sha256Hash> path = proof.path();
        // The length check is implied by steps 4a and 5 below; doing it first gives a precise reason.
        int expected = inclusionPathLength(index, size);
        if (path.size() != expected) {
            throw new LogVerificationException(path.size() < expected ? PROOF_TOO_SHORT : PROOF_TOO_LONG,
                    "inclusion proof for leaf " + index + " in a tree of size " + size + " must have "
                            + expected + " hashes, got " + path.size());
        }
        // Steps 2-3.
        long fn = index;
        long sn = size - 1;
        Sha256Hash r = leafHash;
        // Step 4.
        for (Sha256Hash p : path) {
            if (sn == 0) { // 4a
                throw new LogVerificationException(PROOF_TOO_LONG, "inclusion proof has extra hashes");
            }
            if ((fn & 1) == 1 || fn == sn) { // 4b
                r = TreeHasher.nodeHash(p, r);
                if ((fn & 1) == 0) { // 4b.ii: skip levels where the right edge has no sibling
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = TreeHasher.nodeHash(r, p);
            }
            fn >>= 1; // 4c
            sn >>= 1;
        }
        // Step 5 (the sn part; the root comparison is the caller's).
        if (sn != 0) {
            throw new LogVerificationException(PROOF_TOO_SHORT, "inclusion proof is missing hashes");
        }
        return r;
    }

    /**
     * Verifies that the tree with {@code firstRoot} is a prefix of the tree with {@code secondRoot}.
     *
     * <p>RFC 9162 defines proofs for 0 &lt; first &lt; second. Two extensions, both required to be
     * exact: first == second verifies iff the proof is empty and the roots are equal; first == 0 is
     * rejected ({@code EMPTY_TREE}) — there is nothing to be consistent with, and accepting it
     * would let an "anchor from nothing" pass as a proof.
     */
    public static void verifyConsistency(ConsistencyProof proof, Sha256Hash firstRoot, Sha256Hash secondRoot)
            throws LogVerificationException {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(firstRoot, "firstRoot");
        Objects.requireNonNull(secondRoot, "secondRoot");
        long first = proof.firstSize();
        long second = proof.secondSize();
        List<Sha256Hash> path = proof.path();
        if (first < 0 || second < 0) {
            throw new LogVerificationException(INDEX_OUT_OF_RANGE,
                    "tree sizes must not be negative: " + first + ", " + second);
        }
        if (first > second) {
            throw new LogVerificationException(SIZES_OUT_OF_ORDER,
                    "first tree size " + first + " is larger than second tree size " + second);
        }
        if (first == 0) {
            throw new LogVerificationException(EMPTY_TREE,
                    "consistency from a tree of size 0 is not defined (RFC 9162 requires 0 < first)");
        }
        if (first == second) {
            if (!path.isEmpty()) {
                throw new LogVerificationException(PROOF_TOO_LONG,
                        "consistency proof between equal sizes must be empty, got " + path.size() + " hashes");
            }
            if (!firstRoot.equals(secondRoot)) {
                throw new LogVerificationException(ROOT_MISMATCH,
                        "trees of equal size " + first + " have different roots " + firstRoot + " and " + secondRoot);
            }
            return;
        }
        // Step 1: an empty path fails.
        if (path.isEmpty()) {
            throw new LogVerificationException(PROOF_TOO_SHORT, "consistency proof is empty");
        }
        int expected = consistencyPathLength(first, second);
        if (path.size() != expected) {
            throw new LogVerificationException(path.size() < expected ? PROOF_TOO_SHORT : PROOF_TOO_LONG,
                    "consistency proof from " + first + " to " + second + " must have " + expected
                            + " hashes, got " + path.size());
        }
        // Step 2: if first is an exact power of 2, prepend first_hash.
        int start = 0;
        Sha256Hash fr;
        Sha256Hash sr;
        if (Long.bitCount(first) == 1) {
            fr = firstRoot;
            sr = firstRoot;
        } else {
            fr = path.get(0);
            sr = path.get(0);
            start = 1;
        }
        // Step 3.
        long fn = first - 1;
        long sn = second - 1;
        // Step 4.
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        // Steps 5-6.
        for (int i = start; i < path.size(); i++) {
            Sha256Hash c = path.get(i);
            if (sn == 0) { // 6a
                throw new LogVerificationException(PROOF_TOO_LONG, "consistency proof has extra hashes");
            }
            if ((fn & 1) == 1 || fn == sn) { // 6b
                fr = TreeHasher.nodeHash(c, fr);
                sr = TreeHasher.nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = TreeHasher.nodeHash(sr, c);
            }
            fn >>= 1; // 6c
            sn >>= 1;
        }
        // Step 7.
        if (sn != 0) {
            throw new LogVerificationException(PROOF_TOO_SHORT, "consistency proof is missing hashes");
        }
        if (!fr.equals(firstRoot)) {
            throw new LogVerificationException(ROOT_MISMATCH, "consistency proof leads to first root " + fr
                    + ", expected " + firstRoot);
        }
        if (!sr.equals(secondRoot)) {
            throw new LogVerificationException(ROOT_MISMATCH, "consistency proof leads to second root " + sr
                    + ", expected " + secondRoot);
        }
    }

    /**
     * Length of the inclusion path (0 ≤ index &lt; size): one hash per RFC 9162 split on the way
     * from the root down to the leaf, O(log size) steps.
     */
    static int inclusionPathLength(long index, long size) {
        int length = 0;
        long begin = 0;
        long end = size;
        while (end - begin > 1) {
            long k = Long.highestOneBit(end - begin - 1);
            if (index < begin + k) {
                end = begin + k;
            } else {
                begin = begin + k;
            }
            length++;
        }
        return length;
    }

    /** Length of the consistency path for 0 &lt; first &lt; second (RFC 9162 §2.1.4.1 SUBPROOF). */
    static int consistencyPathLength(long first, long second) {
        int length = 0;
        long m = first;
        long n = second;
        boolean b = true;
        while (m != n) {
            long k = Long.highestOneBit(n - 1);
            if (m <= k) {
                n = k;
            } else {
                m -= k;
                n -= k;
                b = false;
            }
            length++;
        }
        return b ? length : length + 1;
    }
}
