package kg.vareg.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kg.vareg.devstack.AnvilNode;
import kg.vareg.devstack.FreePort;
import kg.vareg.devstack.LocalPostgres;
import org.junit.jupiter.api.Test;

/** A test JVM killed with SIGKILL leaves no PostgreSQL or EVM node behind and frees their ports. */
class OrphanCleanupIT {

    /** Started in a child JVM: brings up both servers, prints their pids and ports, then waits to be killed. */
    public static void main(String[] args) throws Exception {
        LocalPostgres pg = LocalPostgres.startEphemeral();
        AnvilNode anvil = AnvilNode.startEphemeral();
        long pgPid = pg.pid().orElseThrow();
        var anvilPid = ProcessHandle.current().children()
                .filter(p -> p.info().command().orElse("").contains("anvil")).findFirst().orElseThrow().pid();
        System.out.println("READY " + pgPid + " " + pg.port() + " " + anvilPid + " " + anvil.port());
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5));
    }

    @Test
    void killedTestJvmLeavesNoServersBehind() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
        if (System.getProperty("vareg.root") != null) {
            cmd.add("-Dvareg.root=" + System.getProperty("vareg.root"));
        }
        cmd.add(OrphanCleanupIT.class.getName());
        Path childLog = java.nio.file.Files.createTempFile("orphan-child-", ".log");
        Process child = new ProcessBuilder(cmd).redirectError(childLog.toFile()).start();
        String[] ready;
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("READY "));
            assertThat(line).as("child JVM started both servers; its stderr: %s", java.nio.file.Files.readString(childLog)).isNotNull();
            ready = line.split(" ");
        }
        long pgPid = Long.parseLong(ready[1]);
        int pgPort = Integer.parseInt(ready[2]);
        long anvilPid = Long.parseLong(ready[3]);
        int anvilPort = Integer.parseInt(ready[4]);
        assertThat(ProcessHandle.of(pgPid)).isPresent();
        assertThat(ProcessHandle.of(anvilPid)).isPresent();

        new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).start().waitFor();
        child.waitFor();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline) && (alive(pgPid) || alive(anvilPid))) {
            Thread.sleep(200);
        }
        assertThat(alive(pgPid)).as("postgres outlived the killed JVM").isFalse();
        assertThat(alive(anvilPid)).as("anvil outlived the killed JVM").isFalse();
        assertThat(FreePort.isFree(pgPort)).isTrue();
        assertThat(FreePort.isFree(anvilPort)).isTrue();
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
