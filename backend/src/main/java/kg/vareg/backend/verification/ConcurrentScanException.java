package kg.vareg.backend.verification;

/** Another backend instance advanced the same token meanwhile: this pass's work is discarded. */
final class ConcurrentScanException extends RuntimeException {
    ConcurrentScanException(String message) {
        super(message);
    }
}
