package kg.vareg.ledger.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Signs notes (checkpoints) with an Ed25519 key under a key name, per c2sp.org/signed-note.
 * Immutable and thread-safe. The key name SHOULD equal the checkpoint origin.
 *
 * <p>Load the worker's key with {@link NoteKeys#readEncryptedPem}; {@link #fromSignerKey} reads
 * Go's {@code PRIVATE+KEY+...} format for interoperability with Go tooling and its test vectors.
 */
public final class NoteSigner {

    private static final Pattern HEX8 = Pattern.compile("[0-9a-f]{8}");

    private final String name;
    private final Ed25519PrivateKeyParameters key;
    private final NoteVerifier verifier;

    private NoteSigner(String name, Ed25519PrivateKeyParameters key) {
        if (!KeyId.isValidName(name)) {
            throw new IllegalArgumentException("invalid key name '" + name + "'");
        }
        this.name = name;
        this.key = key;
        this.verifier = NoteVerifier.ofEd25519(name, key.generatePublicKey().getEncoded());
    }

    /** A new random key. */
    public static NoteSigner generate(String name, SecureRandom random) {
        return new NoteSigner(name, new Ed25519PrivateKeyParameters(Objects.requireNonNull(random, "random")));
    }

    /** From a 32-byte RFC 8032 private key (seed). */
    public static NoteSigner fromSeed(String name, byte[] seed) {
        if (seed == null || seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key is 32 bytes");
        }
        return new NoteSigner(name, new Ed25519PrivateKeyParameters(seed, 0));
    }

    static NoteSigner of(String name, Ed25519PrivateKeyParameters key) {
        return new NoteSigner(name, key);
    }

    /** Parses Go sumdb/note's {@code PRIVATE+KEY+<name>+<hex id>+<base64(0x01 ‖ seed)>}. */
    public static NoteSigner fromSignerKey(String signerKey) {
        String[] p = Objects.requireNonNull(signerKey, "signerKey").split("\\+", 5); // base64 may contain '+'
        if (p.length != 5 || !p[0].equals("PRIVATE") || !p[1].equals("KEY") || !HEX8.matcher(p[3]).matches()) {
            throw new IllegalArgumentException("malformed signer key");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(p[4]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed signer key: bad base64");
        }
        if (!Base64.getEncoder().encodeToString(raw).equals(p[4]) || raw.length != 33 || raw[0] != KeyId.ED25519) {
            throw new IllegalArgumentException("malformed signer key: not an Ed25519 key");
        }
        NoteSigner s = fromSeed(p[2], Arrays.copyOfRange(raw, 1, 33));
        if (!KeyId.hex(s.keyId()).equals(p[3])) {
            throw new IllegalArgumentException("malformed signer key: key id does not match");
        }
        return s;
    }

    /**
     * Signs {@code text} (which must be non-empty, end in a newline and contain no control
     * characters but newlines) and returns the complete signed note.
     */
    public String sign(String text) {
        return sign(text, List.of());
    }

    /**
     * Signs {@code text} and returns the note carrying {@code otherSignatures} (e.g. witness
     * cosignatures) followed by ours; any earlier signature by this same key is replaced.
     */
    public String sign(String text, List<NoteSignature> otherSignatures) {
        checkText(text);
        byte[] msg = text.getBytes(StandardCharsets.UTF_8);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(msg, 0, msg.length);
        byte[] sig = signer.generateSignature();
        List<NoteSignature> sigs = new ArrayList<>();
        for (NoteSignature s : otherSignatures) {
            if (!(s.keyName().equals(name) && s.keyId() == keyId())) {
                sigs.add(s);
            }
        }
        sigs.add(new NoteSignature(name, keyId(), sig));
        return new SignedNote(text, sigs).encode();
    }

    private static void checkText(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("note text must be non-empty and end with a newline");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n') || c == 0x7f) {
                throw new IllegalArgumentException("note text must not contain control characters");
            }
        }
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return verifier.keyId();
    }

    /** The matching verifier; publish {@code verifier().encode()}. */
    public NoteVerifier verifier() {
        return verifier;
    }

    /** The 32-byte private key (seed). Handle with care. */
    public byte[] seed() {
        return key.getEncoded();
    }

    Ed25519PrivateKeyParameters key() {
        return key;
    }

    /** Go's {@code PRIVATE+KEY+...} text form (unencrypted: for tests and tooling only). */
    public String toSignerKey() {
        byte[] raw = new byte[33];
        raw[0] = KeyId.ED25519;
        System.arraycopy(key.getEncoded(), 0, raw, 1, 32);
        return "PRIVATE+KEY+" + name + "+" + KeyId.hex(keyId()) + "+" + Base64.getEncoder().encodeToString(raw);
    }

    @Override
    public String toString() {
        return "NoteSigner[" + verifier.describe() + "]"; // never the private key
    }
}
