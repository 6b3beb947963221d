package kg.vareg.ledger.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;

/**
 * Roots and proofs computed from a {@link HashStore} of complete-subtree hashes.
 *
 * <p>Each operation first works out, from the sizes alone, the list of leaf ranges whose MTH forms
 * the answer (RFC 9162 §2.1.3.1 PATH and §2.1.4.1 SUBPROOF, with MTH replaced by "range"); each
 * range is decomposed into stored complete subtrees (only a range on the tree's right edge has more
 * than one); all node ids are fetched in one {@link HashStore#nodeHashes} call; and the pieces are
 * folded. So a proof costs O(log n) reads and O(log n) hashes, whatever the size of the log.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** MTH of the first {@code size} leaves; SHA-256("") for size 0. */
    public static Sha256Hash root(HashStore store, long size) {
        checkSize(store, size);
        if (size == 0) {
            return TreeHasher.emptyRoot();
        }
        List<Range> ranges = List.of(new Range(0, size));
        return resolve(store, ranges).get(0);
    }

    /** The inclusion proof of leaf {@code index} in the tree of {@code size} leaves. */
    public static InclusionProof inclusionProof(HashStore store, long index, long size) {
        checkSize(store, size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " not in a tree of size " + size);
        }
        List<Range> ranges = new ArrayList<>();
        path(index, 0, size, ranges);
        return new InclusionProof(index, size, resolve(store, ranges));
    }

    /**
     * The consistency proof from {@code size1} to {@code size2}; empty when the sizes are equal.
     * Defined by RFC 9162 for 0 &lt; size1 ≤ size2 only.
     */
    public static ConsistencyProof consistencyProof(HashStore store, long size1, long size2) {
        checkSize(store, size2);
        if (size1 <= 0 || size1 > size2) {
            throw new IllegalArgumentException("need 0 < size1 <= size2, got " + size1 + ", " + size2);
        }
        List<Range> ranges = new ArrayList<>();
        if (size1 < size2) {
            subproof(size1, 0, size2, true, ranges);
        }
        return new ConsistencyProof(size1, size2, resolve(store, ranges));
    }

    /** RFC 9162 §2.1.3.1 PATH(m, D[begin:end]), deepest sibling first. */
    private static void path(long m, long begin, long end, List<Range> out) {
        long n = end - begin;
        if (n == 1) {
            return;
        }
        long k = Ranges.splitPoint(n);
        if (m < begin + k) {
            path(m, begin, begin + k, out);
            out.add(new Range(begin + k, end));
        } else {
            path(m, begin + k, end, out);
            out.add(new Range(begin, begin + k));
        }
    }

    /** RFC 9162 §2.1.4.1 SUBPROOF(m, D[begin:end], b); m counts leaves from {@code begin}. */
    private static void subproof(long m, long begin, long end, boolean b, List<Range> out) {
        long n = end - begin;
        if (m == n) {
            if (!b) {
                out.add(new Range(begin, end));
            }
            return;
        }
        long k = Ranges.splitPoint(n);
        if (m <= k) {
            subproof(m, begin, begin + k, b, out);
            out.add(new Range(begin + k, end));
        } else {
            subproof(m - k, begin + k, end, false, out);
            out.add(new Range(begin, begin + k));
        }
    }

    /** Fetches every node of every range in one batch and folds each range to its MTH. */
    private static List<Sha256Hash> resolve(HashStore store, List<Range> ranges) {
        List<List<NodeId>> pieces = new ArrayList<>(ranges.size());
        List<NodeId> all = new ArrayList<>();
        for (Range r : ranges) {
            List<NodeId> ids = Ranges.decompose(r.begin, r.end);
            pieces.add(ids);
            all.addAll(ids);
        }
        List<Sha256Hash> hashes = store.nodeHashes(all);
        if (hashes.size() != all.size()) {
            throw new IllegalStateException("store returned " + hashes.size() + " hashes for " + all.size() + " nodes");
        }
        List<Sha256Hash> out = new ArrayList<>(ranges.size());
        int at = 0;
        for (List<NodeId> ids : pieces) {
            List<Sha256Hash> part = hashes.subList(at, at + ids.size());
            for (Sha256Hash h : part) {
                Objects.requireNonNull(h, "store returned a null hash");
            }
            out.add(Ranges.fold(part));
            at += ids.size();
        }
        return out;
    }

    private static void checkSize(HashStore store, long size) {
        if (size < 0 || size > store.size()) {
            throw new IllegalArgumentException("tree size " + size + " not in [0, " + store.size() + "]");
        }
    }

    private record Range(long begin, long end) {
    }
}
