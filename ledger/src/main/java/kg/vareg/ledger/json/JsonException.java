package kg.vareg.ledger.json;

/**
 * A JSON text or a Java value that cannot be canonicalized under RFC 8785 (I-JSON) rules.
 *
 * <p>Unchecked because for the backend a non-canonicalizable journal record is a programming error;
 * code that reads untrusted text (the verifier CLI) catches it at its boundary.
 */
public final class JsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
