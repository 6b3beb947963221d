package kg.vareg.backend.api;

/** 400 with one field-level error, for checks that Bean Validation cannot express. */
public class InvalidFieldException extends RuntimeException {
    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
