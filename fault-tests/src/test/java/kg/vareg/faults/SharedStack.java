package kg.vareg.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kg.vareg.devstack.AnvilNode;
import kg.vareg.devstack.FreePort;
import kg.vareg.devstack.LocalPostgres;

/**
 * One stack for the fault test classes of this JVM (starting the two applications costs most of the time): the
 * embedded PostgreSQL 17 on a fixed data directory and port, so it can be stopped and started again like a real
 * server; anvil with a state file, so the chain survives a stop; backend and worker as processes.
 * JUnit runs the classes one after another, so one class's fault never overlaps another's.
 */
final class SharedStack {
    private static SharedStack instance;

    final Path dir;
    private final int postgresPort;
    private LocalPostgres postgres;
    final AnvilNode chain;
    final Stack stack;

    private SharedStack(Path dir) throws Exception {
        this.dir = dir;
        this.postgresPort = FreePort.find();
        this.postgres = LocalPostgres.startPersistent(dir.resolve("postgres"), postgresPort);
        postgres.ensureDatabase("vareg");
        this.chain = AnvilNode.startPersistent(FreePort.find(), AnvilNode.DEFAULT_CHAIN_ID, dir.resolve("chain/state.json"),
                dir.resolve("logs/anvil.log"));
        Db db = db("vareg");
        this.stack = Stack.start(dir, db, chain, chain.account(5), List.of(
                // The worker's tick cut off by F1's outage cannot release its ShedLock lease (the database is gone);
                // the worker resumes when the lease expires: PT2M by default, shortened here (docs/faults.md).
                "--vareg.anchoring.lock-at-most-for=PT15S"));
    }

    static synchronized SharedStack get() throws Exception {
        if (instance == null) {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "fault-stack-");
            instance = new SharedStack(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "fault-stack-stop"));
        }
        instance.ensurePostgres();
        return instance;
    }

    Db db(String database) {
        return new Db(postgres.jdbcUrl(database), postgres.user(), postgres.password());
    }

    /** A new empty database on the shared server (for a test with a worker of its own). */
    String createDatabase(String prefix) {
        return postgres.createDatabase(prefix);
    }

    /** pg_ctl stop -m fast: open connections are cut, running transactions rolled back, the data directory stays. */
    synchronized void stopPostgres() {
        postgres.close();
        postgres = null;
    }

    /** Starts PostgreSQL again on the same data directory and port. */
    synchronized void startPostgres() {
        postgres = LocalPostgres.startPersistent(dir.resolve("postgres"), postgresPort);
    }

    private synchronized void ensurePostgres() {
        if (postgres == null) {
            startPostgres();
        }
        if (!chain.isRunning()) {
            chain.start();
        }
    }

    private synchronized void close() {
        stack.close();
        chain.close();
        if (postgres != null) {
            postgres.close();
        }
    }
}
