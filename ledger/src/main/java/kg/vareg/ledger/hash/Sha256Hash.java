package kg.vareg.ledger.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable 32-byte SHA-256 value: a leaf hash, a node hash or a tree root.
 *
 * <p>The length is checked once, here, so that no other code has to worry about short or long
 * hashes: a proof element that is not exactly 32 bytes cannot become a {@code Sha256Hash}.
 * The bytes are copied on the way in and on the way out, so a caller can never mutate a hash
 * that somebody else holds.
 */
public final class Sha256Hash implements Comparable<Sha256Hash> {

    /** Length of a SHA-256 digest in bytes. */
    public static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Sha256Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps a copy of exactly 32 bytes; any other length is an {@link IllegalArgumentException}. */
    public static Sha256Hash of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException(
                    "a SHA-256 hash is " + LENGTH + " bytes, got " + bytes.length);
        }
        return new Sha256Hash(bytes.clone());
    }

    /** Parses 64 hex digits (either case); anything else is rejected. */
    public static Sha256Hash fromHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException(
                    "a SHA-256 hash is " + 2 * LENGTH + " hex digits, got " + hex.length());
        }
        try {
            return new Sha256Hash(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hex string: " + e.getMessage(), e);
        }
    }

    /** Parses standard (RFC 4648 §4, padded) base64 of 32 bytes, as used in checkpoints. */
    public static Sha256Hash fromBase64(String base64) {
        Objects.requireNonNull(base64, "base64");
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not standard base64: " + e.getMessage(), e);
        }
        Sha256Hash hash = of(decoded);
        // Reject non-canonical encodings (e.g. non-zero padding bits), so that a hash has exactly
        // one textual form and a signed checkpoint cannot be re-encoded without breaking it.
        if (!hash.toBase64().equals(base64)) {
            throw new IllegalArgumentException("non-canonical base64 for a SHA-256 hash");
        }
        return hash;
    }

    /** SHA-256 of {@code data}. */
    public static Sha256Hash digest(byte[] data) {
        return new Sha256Hash(newDigest().digest(data));
    }

    /** A fresh SHA-256 {@link MessageDigest}; every JDK must provide SHA-256. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** A copy of the 32 bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Feeds the bytes to a digest without copying them. */
    public void updateDigest(MessageDigest digest) {
        digest.update(bytes);
    }

    /** Lower-case hex, 64 characters. */
    public String toHex() {
        return HEX.formatHex(bytes);
    }

    /** Standard padded base64, 44 characters. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object o) {
        // MessageDigest.isEqual is constant-time: comparisons against a root should not leak.
        return o instanceof Sha256Hash other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Unsigned lexicographic order of the bytes. */
    @Override
    public int compareTo(Sha256Hash o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
