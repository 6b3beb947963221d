package kg.vareg.ledger.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import kg.vareg.ledger.hash.Sha256Hash;

/** c2sp.org/signed-note key ids and key-name rules. */
final class KeyId {

    /** Signature type byte of Ed25519 in c2sp.org/signed-note. */
    static final byte ED25519 = 0x01;

    private KeyId() {
    }

    /** key ID = SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ 32-byte Ed25519 public key)[:4], big-endian. */
    static int ed25519(String name, byte[] publicKey) {
        MessageDigest md = Sha256Hash.newDigest();
        md.update(name.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0x0A);
        md.update(ED25519);
        md.update(publicKey);
        byte[] h = md.digest();
        return ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
    }

    /** Key names are non-empty, without Unicode spaces, '+' or control characters. */
    static boolean isValidName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        return name.codePoints().noneMatch(c -> c == '+' || c < 0x20 || c == 0x7f
                || Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    static String hex(int id) {
        return String.format("%08x", id);
    }
}
