package kg.vareg.ledger.cli;

import java.io.IOException;
import java.io.PrintStream;
import kg.vareg.ledger.LogVerificationException;

/**
 * One {@code vareg-verify} subcommand. To add one (e.g. chain-based verification), implement this
 * and list it in {@link VaregVerify#COMMANDS}.
 */
interface Command {

    /** The word on the command line, e.g. "verify-entry". */
    String name();

    /** One line for the command list. */
    String summary();

    /** Full usage text (options and what they mean). */
    String usage();

    /**
     * Runs the command. Returning normally means everything verified (exit 0); the command prints
     * its result to {@code out}. A verification failure or unreadable input is a
     * {@link LogVerificationException} or {@link IOException} (exit 1), a bad command line a
     * {@link UsageException} (exit 2).
     */
    void run(String[] args, PrintStream out) throws LogVerificationException, UsageException, IOException;
}
