package kg.vareg.ledger.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import kg.vareg.ledger.LogVerificationException;

/**
 * {@code vareg-verify}: checks register entries and log checkpoints offline, trusting nothing but
 * the log's public key. Exit 0 only when everything verified; 1 with one {@code FAIL: <reason>}
 * line on stderr when something did not verify or could not be read; 2 for usage errors.
 */
public final class VaregVerify {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /** The subcommands; add new ones (e.g. chain-based verification) here. */
    private static final List<Command> COMMANDS = List.of(new VerifyEntryCommand(), new VerifyConsistencyCommand());

    private VaregVerify() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI in-process and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("FAIL: usage: no command given (see vareg-verify --help)");
            return USAGE;
        }
        String first = args[0];
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            if (args.length > 1) {
                Command c = find(args[1]);
                if (c == null) {
                    err.println("FAIL: usage: unknown command '" + oneLine(args[1]) + "' (see vareg-verify --help)");
                    return USAGE;
                }
                out.print(c.usage());
            } else {
                out.print(overview());
            }
            return OK;
        }
        Command command = find(first);
        if (command == null) {
            err.println("FAIL: usage: unknown command '" + oneLine(first) + "' (see vareg-verify --help)");
            return USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (Arrays.asList(rest).contains("--help")) {
            out.print(command.usage());
            return OK;
        }
        try {
            command.run(rest, out);
            return OK;
        } catch (UsageException e) {
            err.println("FAIL: usage: " + oneLine(e.getMessage()) + " (see vareg-verify " + command.name() + " --help)");
            return USAGE;
        } catch (LogVerificationException e) {
            err.println("FAIL: " + oneLine(e.getMessage()));
            return FAILED;
        } catch (NoSuchFileException e) {
            err.println("FAIL: cannot read " + oneLine(String.valueOf(e.getFile())) + ": no such file");
            return FAILED;
        } catch (IOException e) {
            err.println("FAIL: cannot read input: " + oneLine(String.valueOf(e.getMessage())));
            return FAILED;
        } catch (RuntimeException e) {
            // A bug or an input we did not anticipate: still one FAIL line, never a false OK.
            err.println("FAIL: internal error: " + oneLine(e.toString()));
            return FAILED;
        }
    }

    private static Command find(String name) {
        for (Command c : COMMANDS) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static String overview() {
        StringBuilder sb = new StringBuilder("""
                vareg-verify: offline verification of the vareg register's Merkle log (RFC 9162,
                C2SP signed checkpoints). Trusts only the log's public verifier key.

                usage: vareg-verify <command> [options]
                       vareg-verify help <command>

                commands:
                """);
        for (Command c : COMMANDS) {
            sb.append(String.format("  %-20s %s%n", c.name(), c.summary()));
        }
        sb.append("""

                exit status: 0 everything verified; 1 verification failed (one 'FAIL: <reason>' line
                on stderr); 2 usage error.
                """);
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }
}
