package kg.vareg.backend.proofs;

/** A request about the log that cannot be answered; mapped to RFC 9457 problem details. */
sealed class LogRequestException extends RuntimeException {

    LogRequestException(String message) {
        super(message);
    }

    /** 404: no such entry, checkpoint or document. */
    static final class NotFound extends LogRequestException {
        NotFound(String message) {
            super(message);
        }
    }

    /** 400 about one request field. */
    static final class BadField extends LogRequestException {
        private final String field;

        BadField(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
