package kg.vareg.bench;

import java.nio.file.Path;
import javax.sql.DataSource;
import kg.vareg.devstack.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An embedded PostgreSQL 17 (devstack's LocalPostgres: fsync and synchronous_commit OFF, as in the tests —
 * both the figure and its baseline run on the same server) with one fresh database.
 */
public final class BenchDatabase implements AutoCloseable {

    private final LocalPostgres postgres;
    private final String database;

    private BenchDatabase(LocalPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    public static BenchDatabase start() {
        LocalPostgres pg = LocalPostgres.startEphemeral();
        return new BenchDatabase(pg, pg.createDatabase("bench"));
    }

    /** The log schema (common's migrations, as the worker runs them). */
    public void migrateLog() {
        Flyway.configure().dataSource(dataSource()).schemas("log").defaultSchema("log")
                .locations("classpath:db/migration/log").load().migrate();
    }

    /**
     * The registry schema from the backend's migration sources (the backend jar is a Spring Boot fat jar, not
     * a library), for benchmarks that need registry.journal without a running backend.
     */
    public void migrateRegistry() {
        Path dir = Path.of(System.getProperty("vareg.root", ".")).resolve("backend/src/main/resources/db/migration/registry");
        Flyway.configure().dataSource(dataSource()).schemas("registry").defaultSchema("registry")
                .locations("filesystem:" + dir.toAbsolutePath()).load().migrate();
    }

    public DataSource dataSource() {
        return postgres.dataSource(database);
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource());
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl(database);
    }

    public String user() {
        return postgres.user();
    }

    public String password() {
        return postgres.password();
    }

    @Override
    public void close() {
        postgres.close();
    }
}
