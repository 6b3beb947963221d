package kg.vareg.bench.log;

import java.util.ArrayList;
import java.util.List;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.merkle.InclusionProof;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The baseline of benchmark 2: an inclusion proof computed the naive way — read the tree's leaf hashes
 * from {@code log.leaves} and rebuild the audit path (RFC 9162 §2.1.3.1 PATH over MTH) from them, i.e.
 * without the stored complete subtrees.
 */
public final class LeafRebuildBaseline {

    private LeafRebuildBaseline() {
    }

    public static InclusionProof proof(JdbcTemplate jdbc, long index, long size) {
        List<Sha256Hash> leaves = new ArrayList<>((int) size);
        jdbc.query("SELECT leaf_hash FROM log.leaves WHERE leaf_index < ? ORDER BY leaf_index",
                rs -> {
                    leaves.add(Sha256Hash.of(rs.getBytes(1)));
                }, size);
        List<Sha256Hash> path = new ArrayList<>();
        path(leaves, (int) index, 0, (int) size, path);
        return new InclusionProof(index, size, path);
    }

    /** PATH(m, D[lo:hi]) of RFC 9162 §2.1.3.1, appending bottom-up. */
    private static void path(List<Sha256Hash> d, int m, int lo, int hi, List<Sha256Hash> out) {
        int n = hi - lo;
        if (n <= 1) {
            return;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m < k) {
            path(d, m, lo, lo + k, out);
            out.add(mth(d, lo + k, hi));
        } else {
            path(d, m - k, lo + k, hi, out);
            out.add(mth(d, lo, lo + k));
        }
    }

    private static Sha256Hash mth(List<Sha256Hash> d, int lo, int hi) {
        if (hi - lo == 1) {
            return d.get(lo);
        }
        int k = Integer.highestOneBit(hi - lo - 1);
        return TreeHasher.nodeHash(mth(d, lo, lo + k), mth(d, lo + k, hi));
    }
}
