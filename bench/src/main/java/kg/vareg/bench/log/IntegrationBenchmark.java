package kg.vareg.bench.log;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import kg.vareg.bench.BenchDatabase;
import kg.vareg.common.logstore.LogIntegrator;
import kg.vareg.ledger.checkpoint.Checkpoint;
import kg.vareg.ledger.checkpoint.NoteSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark 1: journal entries integrated into the PostgreSQL log. Each invocation integrates {@code rows}
 * fresh journal rows exactly as the worker's JournalIntegration does — per transaction: LogIntegrator
 * (horizon query, leaves, new complete subtrees) + an Ed25519-signed checkpoint row — in batches of
 * {@code batchSize}. batchSize=1 is the baseline (one entry per transaction). The log keeps growing across
 * iterations (sustained, not an empty table each time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class IntegrationBenchmark {

    @Param({"1000", "1"})
    public int batchSize;

    @Param({"10000"})
    public int rows;

    BenchDatabase db;
    JdbcTemplate jdbc;
    TransactionTemplate tx;
    NoteSigner signer;
    long nextJournal = 1;

    @Setup(Level.Trial)
    public void start() {
        db = BenchDatabase.start();
        db.migrateRegistry();
        db.migrateLog();
        jdbc = db.jdbc();
        tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        signer = NoteSigner.generate("vareg.kg/bench", new SecureRandom());
    }

    /** Fresh committed journal rows for this iteration (outside the measured time). */
    @Setup(Level.Iteration)
    public void journal() {
        jdbc.update("""
                INSERT INTO registry.journal (record_type, record_version, canonical_json)
                SELECT 'BENCH', 1, convert_to('{"n":' || g || ',"type":"BENCH"}', 'UTF8') FROM generate_series(?, ?) g""",
                nextJournal, nextJournal + rows - 1);
        nextJournal += rows;
    }

    @Benchmark
    public long integrate() {
        return integrateAll(rows);
    }

    public long integrateAll(int total) {
        LogIntegrator integrator = new LogIntegrator(jdbc);
        long done = 0;
        while (done < total) {
            Long n = tx.execute(s -> integrator.integrate(batchSize).map(b -> {
                jdbc.update("INSERT INTO log.checkpoints (tree_size, root_hash, signed_note) VALUES (?, ?, ?)",
                        b.newSize(), b.root().toBytes(), signer.sign(new Checkpoint("vareg.kg/bench", b.newSize(), b.root()).toText()));
                return (long) b.journalIds().size();
            }).orElse(0L));
            if (n == null || n == 0) {
                throw new IllegalStateException("journal rows not integrated: " + done + " of " + total);
            }
            done += n;
        }
        return done;
    }

    /** The benchmark's database, for the smoke test's checks. */
    public JdbcTemplate jdbcForTests() {
        return jdbc;
    }

    @TearDown(Level.Trial)
    public void stop() {
        db.close();
    }
}
