package kg.vareg.ledger.cli;

/** A command line that cannot be run (exit code 2). */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
