package kg.vareg.backend.register;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import kg.vareg.ledger.json.CanonicalJson;

/**
 * Salted hash commitments to private data (¶66): SHA-256(salt ‖ canonical JSON). The salt stays in the
 * register's database, so the commitment reveals nothing, yet the regulator can later open it.
 */
public final class Commitments {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final CanonicalJson CANONICAL = CanonicalJson.standard();

    private Commitments() {}

    public static byte[] newSalt() {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /** "sha256:" + hex of SHA-256(salt ‖ RFC 8785 bytes of value). */
    public static String commit(byte[] salt, Object jsonValue) {
        return "sha256:" + HexFormat.of().formatHex(sha256(salt, CANONICAL.toBytes(jsonValue)));
    }

    /** Canonical JSON text of a value (stored as the private record). */
    public static String canonicalText(Object jsonValue) {
        return new String(CANONICAL.toBytes(jsonValue), StandardCharsets.UTF_8);
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(new byte[0], data));
    }

    private static byte[] sha256(byte[] salt, byte[] data) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            md.update(data);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
