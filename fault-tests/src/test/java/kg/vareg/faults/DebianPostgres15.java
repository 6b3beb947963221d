package kg.vareg.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kg.vareg.devstack.FreePort;
import kg.vareg.devstack.OrphanGuard;

/**
 * A Debian PostgreSQL 15 server of the test's own (initdb + pg_ctl on a temporary directory and a free port), for
 * the backup test: the embedded PostgreSQL 17 binaries carry no pg_dump, and Debian's pg_dump 15 refuses a newer
 * server. initdb and the server refuse to run as root, so as root they run as the {@code postgres} user (runuser).
 */
final class DebianPostgres15 implements AutoCloseable {
    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private final Path data;
    private final int port;
    private boolean running;

    private DebianPostgres15(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    static boolean available() {
        return Files.isExecutable(BIN.resolve("pg_ctl")) && Files.isExecutable(BIN.resolve("pg_dump"));
    }

    static DebianPostgres15 start() throws Exception {
        // Under /tmp: every directory above the data must be reachable by the postgres user.
        Path data = Files.createTempDirectory(Path.of("/tmp"), "vareg-pg15-");
        if (isRoot()) {
            UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(data, users.lookupPrincipalByName("postgres"));
        }
        DebianPostgres15 pg = new DebianPostgres15(data.resolve("db"), FreePort.find());
        pg.asServerUser(BIN.resolve("initdb").toString(), "-D", pg.data.toString(), "-U", "postgres", "--auth=trust",
                "-E", "UTF8", "--locale=C.UTF-8");
        pg.asServerUser(BIN.resolve("pg_ctl").toString(), "-D", pg.data.toString(), "-w", "-t", "60", "-l",
                data.resolve("server.log").toString(), "-o", "-p " + pg.port + " -k " + data + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off -c max_connections=100", "start");
        pg.running = true;
        postmasterPid(pg.data).ifPresent(OrphanGuard::guard);
        return pg;
    }

    Db db(String database) {
        return new Db("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
    }

    /** {@code pg_dump -Fc} of a database into a file (the client tools run as any user). */
    void dump(String database, Path file) throws Exception {
        run(List.of(BIN.resolve("pg_dump").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
                "-Fc", "-f", file.toString(), database));
    }

    /** {@code pg_restore} of a custom-format dump into an existing, empty database. */
    void restore(Path file, String database) throws Exception {
        run(List.of(BIN.resolve("pg_restore").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
                "--exit-on-error", "--no-owner", "-d", database, file.toString()));
    }

    private void asServerUser(String... command) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (isRoot()) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(command));
        run(cmd);
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        // pg_ctl start leaves the server running with our pipe inherited: read only until pg_ctl itself exits.
        Path out = Files.createTempFile("pg15-", ".out");
        var pump = Thread.ofVirtual().start(() -> {
            try (var in = p.getInputStream()) {
                Files.write(out, in.readAllBytes());
            } catch (IOException ignored) {
                // the output is for the error message only
            }
        });
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " did not finish in 2 minutes");
        }
        pump.join(2000);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): "
                    + Files.readString(out, StandardCharsets.UTF_8));
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static java.util.Optional<Long> postmasterPid(Path data) {
        try {
            return java.util.Optional.of(Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().trim()));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void close() throws Exception {
        if (running) {
            running = false;
            asServerUser(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
        }
    }
}
