package kg.vareg.ledger.checkpoint;

import static kg.vareg.ledger.LogVerificationException.Reason.BAD_SIGNATURE;
import static kg.vareg.ledger.LogVerificationException.Reason.MALFORMED_KEY;
import static kg.vareg.ledger.LogVerificationException.Reason.UNKNOWN_KEY;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import kg.vareg.ledger.LogVerificationException;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 signed-note verifier key: name, key id, public key. Immutable, thread-safe.
 *
 * <p>Its text form is the one used by Go's sumdb/note and the C2SP ecosystem:
 * {@code <name>+<8 hex digits key id>+<base64(0x01 ‖ 32-byte public key)>}.
 */
public final class NoteVerifier {

    private static final Pattern HEX8 = Pattern.compile("[0-9a-f]{8}");

    private final String name;
    private final int keyId;
    private final byte[] publicKey;

    private NoteVerifier(String name, byte[] publicKey) {
        this.name = name;
        this.publicKey = publicKey;
        this.keyId = KeyId.ed25519(name, publicKey);
    }

    /** A verifier for a raw 32-byte Ed25519 public key. */
    public static NoteVerifier ofEd25519(String name, byte[] publicKey) {
        if (!KeyId.isValidName(name)) {
            throw new IllegalArgumentException("invalid key name '" + name + "'");
        }
        if (publicKey == null || publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        return new NoteVerifier(name, publicKey.clone());
    }

    /** Parses {@code name+hexid+base64key}; the id must match the key. */
    public static NoteVerifier parse(String verifierKey) throws LogVerificationException {
        Objects.requireNonNull(verifierKey, "verifierKey");
        String[] parts = verifierKey.split("\\+", 3); // base64 may contain '+'
        if (parts.length != 3) {
            throw malformed("expected <name>+<hex key id>+<base64 key>");
        }
        if (!KeyId.isValidName(parts[0])) {
            throw malformed("invalid key name");
        }
        if (!HEX8.matcher(parts[1]).matches()) {
            throw malformed("key id must be 8 lower-case hex digits");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw malformed("key is not valid base64");
        }
        if (!Base64.getEncoder().encodeToString(key).equals(parts[2])) {
            throw malformed("key is not canonical base64");
        }
        if (key.length != 1 + Ed25519PublicKeyParameters.KEY_SIZE) {
            throw malformed("key must be 33 bytes (type byte and Ed25519 key), got " + key.length);
        }
        if (key[0] != KeyId.ED25519) {
            throw malformed("unsupported key type 0x" + String.format("%02x", key[0]) + " (only Ed25519, 0x01)");
        }
        NoteVerifier v = new NoteVerifier(parts[0], Arrays.copyOfRange(key, 1, key.length));
        if (!KeyId.hex(v.keyId).equals(parts[1])) {
            throw malformed("key id " + parts[1] + " does not match the key (expected " + KeyId.hex(v.keyId) + ")");
        }
        return v;
    }

    /** The verifier key string. */
    public String encode() {
        byte[] key = new byte[1 + publicKey.length];
        key[0] = KeyId.ED25519;
        System.arraycopy(publicKey, 0, key, 1, publicKey.length);
        return name + "+" + KeyId.hex(keyId) + "+" + Base64.getEncoder().encodeToString(key);
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * Opens a signed note: checks its syntax, requires at least one signature by this key and that
     * every signature by this key (same name AND id) verifies; signatures by other keys are ignored,
     * as c2sp.org/signed-note requires. Returns the text, which may only now be trusted.
     */
    public String open(byte[] note) throws LogVerificationException {
        return open(SignedNote.parse(note));
    }

    /** Like {@link #open(byte[])} for a note already in a String. */
    public String open(String note) throws LogVerificationException {
        return open(SignedNote.parse(note));
    }

    private String open(SignedNote note) throws LogVerificationException {
        byte[] text = note.text().getBytes(StandardCharsets.UTF_8);
        int verified = 0;
        for (NoteSignature s : note.signatures()) {
            if (!s.keyName().equals(name) || s.keyId() != keyId) {
                continue;
            }
            if (!verify(text, s.signature())) {
                throw new LogVerificationException(BAD_SIGNATURE,
                        "signature by " + describe() + " does not verify over the note text");
            }
            verified++;
        }
        if (verified == 0) {
            throw new LogVerificationException(UNKNOWN_KEY, "note has no signature by " + describe());
        }
        return note.text();
    }

    boolean verify(byte[] message, byte[] signature) {
        if (signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
            return false;
        }
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        signer.update(message, 0, message.length);
        return signer.verifySignature(signature);
    }

    /** "name+hexid", as in error messages. */
    public String describe() {
        return name + "+" + KeyId.hex(keyId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteVerifier v && v.name.equals(name) && Arrays.equals(v.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return encode();
    }

    private static LogVerificationException malformed(String why) {
        return new LogVerificationException(MALFORMED_KEY, "malformed verifier key: " + why);
    }
}
