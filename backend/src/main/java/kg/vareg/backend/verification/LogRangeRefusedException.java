package kg.vareg.backend.verification;

/** The node refused or timed out on an eth_getLogs range: the scanner halves the range and asks again. */
final class LogRangeRefusedException extends RuntimeException {
    LogRangeRefusedException(String message) {
        super(message);
    }
}
