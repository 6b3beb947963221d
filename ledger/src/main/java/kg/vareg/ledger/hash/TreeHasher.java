package kg.vareg.ledger.hash;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * RFC 9162 §2.1.1 Merkle tree hashing with SHA-256.
 *
 * <p>The 0x00 / 0x01 prefixes give leaves and interior nodes different domains, so a leaf can never
 * be passed off as an interior node (second-preimage protection).
 */
public final class TreeHasher {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final Sha256Hash EMPTY_ROOT = Sha256Hash.digest(new byte[0]);

    private TreeHasher() {
    }

    /** MTH({d}) = SHA-256(0x00 ‖ d). */
    public static Sha256Hash leafHash(byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        MessageDigest md = Sha256Hash.newDigest();
        md.update(LEAF_PREFIX);
        md.update(entry);
        return Sha256Hash.of(md.digest());
    }

    /** SHA-256(0x01 ‖ left ‖ right). */
    public static Sha256Hash nodeHash(Sha256Hash left, Sha256Hash right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        MessageDigest md = Sha256Hash.newDigest();
        md.update(NODE_PREFIX);
        left.updateDigest(md);
        right.updateDigest(md);
        return Sha256Hash.of(md.digest());
    }

    /** MTH({}) = SHA-256() — the root of the empty tree. */
    public static Sha256Hash emptyRoot() {
        return EMPTY_ROOT;
    }
}
