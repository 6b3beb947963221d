package kg.vareg.backend.api;

/** 409 for a conflict with existing data (a taken issuer code, a stale version). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
