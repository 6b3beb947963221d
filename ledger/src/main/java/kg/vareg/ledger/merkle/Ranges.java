package kg.vareg.ledger.merkle;

import java.util.ArrayList;
import java.util.List;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;

/**
 * Decomposition of a leaf range into stored complete subtrees, and the fold that turns their hashes
 * back into MTH of the range.
 *
 * <p>For [begin, end) with begin a multiple of the largest power of two not exceeding end−begin
 * (true for every range the RFC 9162 recursion produces, and for [0, n)), the range splits into
 * aligned complete subtrees of strictly decreasing size, one per set bit of end−begin. RFC 9162
 * splits at the largest power of two k &lt; n, so MTH(range) = HASH(first piece, MTH(rest)): a right
 * fold of the pieces.
 */
final class Ranges {

    private Ranges() {
    }

    /** The complete subtrees covering [begin, end), largest (leftmost) first. */
    static List<NodeId> decompose(long begin, long end) {
        if (begin < 0 || end <= begin) {
            throw new IllegalArgumentException("bad range [" + begin + ", " + end + ")");
        }
        List<NodeId> nodes = new ArrayList<>(Long.bitCount(end - begin));
        long pos = begin;
        long remaining = end - begin;
        while (remaining > 0) {
            int level = 63 - Long.numberOfLeadingZeros(remaining);
            long width = 1L << level;
            if ((pos & (width - 1)) != 0) {
                throw new IllegalArgumentException("range [" + begin + ", " + end + ") is not aligned");
            }
            nodes.add(new NodeId(level, pos >>> level));
            pos += width;
            remaining -= width;
        }
        return nodes;
    }

    /** MTH of the range from the hashes of its decomposition (largest first). */
    static Sha256Hash fold(List<Sha256Hash> pieces) {
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("no pieces");
        }
        Sha256Hash h = pieces.get(pieces.size() - 1);
        for (int i = pieces.size() - 2; i >= 0; i--) {
            h = TreeHasher.nodeHash(pieces.get(i), h);
        }
        return h;
    }

    /** Largest power of two strictly less than n (n ≥ 2), the RFC 9162 split point k. */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }
}
