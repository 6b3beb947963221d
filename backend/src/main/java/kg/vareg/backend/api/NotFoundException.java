package kg.vareg.backend.api;

/** 404. Also used when an issuer asks for another issuer's data: it must not learn that the data exists. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
