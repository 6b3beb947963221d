package kg.vareg.ledger.checkpoint;

import java.util.Objects;

/**
 * One signature line of a signed note: "— &lt;keyName&gt; base64(keyId ‖ signature)".
 * The signature bytes are copied in and out.
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

    public NoteSignature {
        Objects.requireNonNull(keyName, "keyName");
        signature = Objects.requireNonNull(signature, "signature").clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteSignature s && s.keyName.equals(keyName) && s.keyId == keyId
                && java.util.Arrays.equals(s.signature, signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyName, keyId, java.util.Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return keyName + "+" + KeyId.hex(keyId);
    }
}
