package kg.vareg.ledger.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import kg.vareg.ledger.hash.Sha256Hash;

/**
 * Test-only RFC 9162 §2.1 written straight from the text, sharing no code with the library (not
 * even TreeHasher): MTH, PATH and PROOF/SUBPROOF as recursive functions over the list of entries.
 * Slow (O(n) per call) and obviously correct, which is the point.
 */
final class ReferenceTree {

    private final List<byte[]> entries;

    ReferenceTree(List<byte[]> entries) {
        this.entries = entries;
    }

    Sha256Hash mth(int begin, int end) {
        int n = end - begin;
        if (n == 0) {
            return Sha256Hash.of(sha256());
        }
        if (n == 1) {
            return Sha256Hash.of(sha256(new byte[] {0}, entries.get(begin)));
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return Sha256Hash.of(sha256(new byte[] {1}, mth(begin, begin + k).toBytes(), mth(begin + k, end).toBytes()));
    }

    /** PATH(m, D[0:n]). */
    List<Sha256Hash> path(int m, int n) {
        return path(m, 0, n);
    }

    private List<Sha256Hash> path(int m, int begin, int end) {
        int n = end - begin;
        List<Sha256Hash> out = new ArrayList<>();
        if (n == 1) {
            return out;
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        if (m < k) {
            out.addAll(path(m, begin, begin + k));
            out.add(mth(begin + k, end));
        } else {
            out.addAll(path(m - k, begin + k, end));
            out.add(mth(begin, begin + k));
        }
        return out;
    }

    /** PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true). */
    List<Sha256Hash> proof(int m, int n) {
        return subproof(m, 0, n, true);
    }

    private List<Sha256Hash> subproof(int m, int begin, int end, boolean b) {
        int n = end - begin;
        List<Sha256Hash> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(begin, end));
            }
            return out;
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        if (m <= k) {
            out.addAll(subproof(m, begin, begin + k, b));
            out.add(mth(begin + k, end));
        } else {
            out.addAll(subproof(m - k, begin + k, end, false));
            out.add(mth(begin, begin + k));
        }
        return out;
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
