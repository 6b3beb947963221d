package kg.vareg.backend.verification;

/** The node did not answer (after retries with backoff) or answered with an error where none is expected. */
public final class ChainUnavailableException extends RuntimeException {
    public ChainUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
