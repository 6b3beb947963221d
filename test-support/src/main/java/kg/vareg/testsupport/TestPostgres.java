package kg.vareg.testsupport;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import kg.vareg.devstack.LocalPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL of a test run: started once per JVM (lazily, on first use) and shared; each
 * test class asks for its own fresh database. An embedded server (zonky binaries) by default; a
 * Testcontainers container where a Docker engine answers. Stopped by a shutdown hook, and by an
 * orphan watchdog if the JVM is killed.
 */
public final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile Server server;

    private TestPostgres() {}

    interface Server {
        String jdbcUrl(String database);

        String user();

        String password();
    }

    public static synchronized PostgresDatabase freshDatabase(String prefix) {
        Server s = server();
        String name = (prefix.replaceAll("[^A-Za-z0-9_]", "_") + "_" + DATABASES.incrementAndGet()).toLowerCase();
        if (name.length() > 60) {
            name = name.substring(name.length() - 60);
        }
        try (var c = DriverManager.getConnection(s.jdbcUrl("postgres"), s.user(), s.password());
             var st = c.createStatement()) {
            st.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return new PostgresDatabase(name, s.jdbcUrl(name), s.user(), s.password());
    }

    private static Server server() {
        if (server == null) {
            server = Docker.answers() ? container() : embedded();
        }
        return server;
    }

    private static Server embedded() {
        LocalPostgres pg = LocalPostgres.startEphemeral();
        return new Server() {
            public String jdbcUrl(String database) {
                return pg.jdbcUrl(database);
            }

            public String user() {
                return pg.user();
            }

            public String password() {
                return pg.password();
            }
        };
    }

    private static Server container() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "postgres-container-stop"));
        return new Server() {
            public String jdbcUrl(String database) {
                return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database;
            }

            public String user() {
                return container.getUsername();
            }

            public String password() {
                return container.getPassword();
            }
        };
    }
}
