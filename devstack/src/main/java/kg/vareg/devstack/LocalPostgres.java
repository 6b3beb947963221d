package kg.vareg.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server (zonky embedded binaries) running as a child process. Either throwaway
 * (tests: data in a temporary folder, wiped) or persistent (dev stack: data kept in a folder across
 * restarts; durable: fsync, synchronous_commit and full_page_writes on). Stopped by {@link #close()}, a shutdown
 * hook, and an {@link OrphanGuard} on JVM kill (the persistent server with a fast shutdown that is waited for).
 */
public final class LocalPostgres implements AutoCloseable {
    public static final String USER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EmbeddedPostgres postgres;
    private final Optional<Long> pid;
    private boolean closed;

    private LocalPostgres(EmbeddedPostgres postgres, boolean durable) {
        this.postgres = postgres;
        this.pid = postmasterPid();
        // The register's own database gets PostgreSQL's fast shutdown (SIGINT: checkpoint, clean stop), waited for —
        // never a SIGKILL seconds later (issue 15 item 9); a throwaway test database may be killed.
        pid.ifPresent(p -> {
            if (durable) OrphanGuard.guardWithFastShutdown(p);
            else OrphanGuard.guard(p);
        });
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "postgres-stop"));
    }

    public static LocalPostgres startEphemeral() {
        try {
            return new LocalPostgres(EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    public static LocalPostgres startPersistent(Path dataDirectory, int port) {
        if (!FreePort.isFree(port)) {
            throw new IllegalStateException("port " + port + " is taken: stop what listens there or set another PostgreSQL port");
        }
        try {
            Files.createDirectories(dataDirectory);
            return new LocalPostgres(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // The register's database must keep every acknowledged change (issue 15 item 9): zonky's
                    // embedded defaults trade durability for speed (synchronous_commit=off); tests keep those.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .start(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    /** A server setting as the running server reports it ({@code SHOW name}). */
    public String setting(String name) {
        try (Connection c = dataSource("postgres").getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SHOW " + name.replaceAll("[^a-z_]", ""))) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("SHOW " + name + ": " + e.getMessage(), e);
        }
    }

    /** The postmaster's pid (pg_ctl daemonizes it, so it is not a child of this JVM). */
    public Optional<Long> pid() {
        return pid;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return "postgres";
    }

    public DataSource dataSource(String database) {
        return postgres.getDatabase(USER, database);
    }

    /** Creates a new empty database (a fresh schema for one test class) and returns its name. */
    public String createDatabase(String prefix) {
        String name = (prefix.replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet()).toLowerCase();
        execute("postgres", "CREATE DATABASE " + name);
        return name;
    }

    /** Creates the database if it does not exist yet (the dev stack's). */
    public void ensureDatabase(String name) {
        try (Connection c = dataSource("postgres").getConnection();
             var st = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            st.setString(1, name);
            if (!st.executeQuery().next()) {
                execute("postgres", "CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    public void execute(String database, String sql) {
        try (Connection c = dataSource(database).getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The postmaster's pid, read from postmaster.pid in the server's own data directory. */
    private Optional<Long> postmasterPid() {
        try (Connection c = dataSource("postgres").getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SHOW data_directory")) {
            rs.next();
            Path pidFile = Path.of(rs.getString(1)).resolve("postmaster.pid");
            return Optional.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().trim()));
        } catch (SQLException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
