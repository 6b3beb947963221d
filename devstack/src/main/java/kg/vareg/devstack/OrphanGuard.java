package kg.vareg.devstack;

import java.io.IOException;

/**
 * Makes sure a child process dies with this JVM, even when the JVM is killed with SIGKILL and no
 * shutdown hook runs: a tiny shell watchdog polls this JVM's pid and, once it is gone, terminates
 * the child (TERM, then KILL). The watchdog is re-parented to init when the JVM dies, so it outlives
 * it just long enough to clean up.
 */
public final class OrphanGuard {
    private OrphanGuard() {}

    public static void guard(long childPid) {
        long self = ProcessHandle.current().pid();
        watch("while kill -0 " + self + " 2>/dev/null; do sleep 1; done; "
                + "kill -TERM " + childPid + " 2>/dev/null; sleep 3; kill -KILL " + childPid + " 2>/dev/null; exit 0", childPid);
    }

    /**
     * For a PostgreSQL postmaster holding data that must survive: SIGINT (PostgreSQL's fast shutdown: aborts sessions,
     * writes a checkpoint, stops cleanly) and then waits as long as the server takes — no SIGKILL (issue 15 item 9).
     */
    public static void guardWithFastShutdown(long postmasterPid) {
        long self = ProcessHandle.current().pid();
        watch("while kill -0 " + self + " 2>/dev/null; do sleep 1; done; "
                + "kill -INT " + postmasterPid + " 2>/dev/null; while kill -0 " + postmasterPid + " 2>/dev/null; do sleep 1; done;"
                + " exit 0", postmasterPid);
    }

    private static void watch(String script, long childPid) {
        try {
            new ProcessBuilder("sh", "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            // No shell: the shutdown hooks still stop the child on a normal exit.
            System.getLogger(OrphanGuard.class.getName())
                    .log(System.Logger.Level.WARNING, "cannot start orphan watchdog for pid " + childPid, e);
        }
    }
}
