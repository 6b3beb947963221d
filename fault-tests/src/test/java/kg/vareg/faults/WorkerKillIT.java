package kg.vareg.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kg.vareg.contracts.generated.RegistryAnchor;
import kg.vareg.devstack.ContractDeployments;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.merkle.InMemoryHashStore;
import kg.vareg.ledger.merkle.MerkleProofs;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * The anchoring worker killed for real (SIGKILL) while it integrates a large backlog (issue 8 item 6, docs/faults.md
 * F5). WorkerFaultsIT injects a failure inside one JVM; here the process dies with open transactions, its ShedLock
 * lease still held. Restarted, the worker finishes the backlog: every journal row exactly one index, no gap, every
 * stored leaf hash and checkpoint root equal to what the ledger recomputes from the journal, and every anchor on the
 * contract (each verified there by a consistency proof) at a distinct size with our root.
 */
class WorkerKillIT {
    static final int BACKLOG = 30_000;
    static final int BATCH = 250;
    static final Duration LEASE = Duration.ofSeconds(10);

    @Test
    void killedMidBatchTheRestartedWorkerLeavesNoGapNoDuplicateAndAnchorsTheSameLog() throws Exception {
        SharedStack shared = SharedStack.get();
        Db db = shared.db(shared.createDatabase("worker_kill"));
        db.execute("CREATE SCHEMA registry");
        db.execute("""
                CREATE TABLE registry.journal (
                    id              BIGSERIAL   PRIMARY KEY,
                    txid            XID8        NOT NULL DEFAULT pg_current_xact_id(),
                    record_type     TEXT        NOT NULL,
                    record_version  INT         NOT NULL,
                    canonical_json  BYTEA       NOT NULL,
                    created_at      TIMESTAMPTZ NOT NULL DEFAULT now())""");
        // The backlog, committed in 30 transactions (as many writers would have).
        for (int from = 1; from <= BACKLOG; from += 1000) {
            db.update("INSERT INTO registry.journal (record_type, record_version, canonical_json) SELECT 'KillTest', 1,"
                    + " convert_to('{\"n\":' || g || ',\"type\":\"KillTest\"}', 'UTF8') FROM generate_series(?, ?) g",
                    from, Math.min(BACKLOG, from + 999));
        }
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "worker-kill-");
        Credentials wallet = shared.chain.account(7);
        String anchor = Stack.deployAnchor(shared.chain, wallet.getAddress());
        List<String> props = List.of("--vareg.anchoring.integration-batch-size=" + BATCH,
                "--vareg.anchoring.lock-at-most-for=PT" + LEASE.toSeconds() + "S");

        AppProcess worker = Stack.startWorker(dir, db, shared.chain, anchor, wallet, props);
        long atKill;
        try {
            // Kill while it integrates: some batches committed, most of the backlog still to do.
            assertThat(Pause.until(Duration.ofSeconds(120), () -> leaves(db) >= BACKLOG / 10))
                    .as("worker integrating; see %s", worker.log()).isTrue();
            worker.kill();
            atKill = leaves(db);
        } finally {
            worker.stop();
        }
        assertThat(atKill).as("killed mid-backlog (else raise BACKLOG)").isLessThan(BACKLOG);
        assertThat(atKill % BATCH).as("only whole batches survive a kill").isZero();
        long checkpointsAtKill = db.number("SELECT count(*) FROM log.checkpoints");
        assertThat(db.number("SELECT coalesce(max(tree_size), 0) FROM log.checkpoints")).isEqualTo(atKill);

        Instant restarted = Instant.now();
        AppProcess again = Stack.startWorker(dir, db, shared.chain, anchor, wallet, props);
        Duration caughtUp;
        try {
            again.awaitHealthy(Stack.START_TIMEOUT);
            assertThat(Pause.until(Duration.ofSeconds(120), () -> leaves(db) == BACKLOG))
                    .as("backlog integrated after the restart (%d of %d); see %s", leaves(db), BACKLOG, again.log()).isTrue();
            caughtUp = Duration.between(restarted, Instant.now());
            RegistryAnchor contract = RegistryAnchor.load(anchor, shared.chain.web3j(), ContractDeployments.transactionManager(
                    shared.chain.web3j(), shared.chain.account(0), shared.chain.chainId()), new DefaultGasProvider());
            assertThat(Pause.until(Duration.ofSeconds(60), () -> latestSize(contract) == BACKLOG && db.number(
                    "SELECT count(*) FROM log.anchors WHERE status = 'CONFIRMED' AND tree_size = ?", BACKLOG) == 1))
                    .as("the whole log anchored and confirmed").isTrue();

            // Dense, each journal row exactly once, nothing missing.
            assertThat(db.number("SELECT count(*) FROM log.leaves")).isEqualTo(BACKLOG);
            assertThat(db.number("SELECT max(leaf_index) + 1 FROM log.leaves")).isEqualTo(BACKLOG);
            assertThat(db.number("SELECT count(DISTINCT journal_id) FROM log.leaves")).isEqualTo(BACKLOG);
            assertThat(db.number("SELECT count(*) FROM registry.journal j WHERE NOT EXISTS"
                    + " (SELECT 1 FROM log.leaves l WHERE l.journal_id = j.id)")).isZero();
            long expectedNodes = 0;
            for (int level = 0; (1L << level) <= BACKLOG; level++) {
                expectedNodes += BACKLOG >> level;
            }
            assertThat(db.number("SELECT count(*) FROM log.nodes")).as("every complete subtree stored once").isEqualTo(expectedNodes);

            // The ledger recomputes the tree from the journal's bytes, in leaf order: same leaves, same roots.
            InMemoryHashStore recomputed = recompute(db);
            List<List<Object>> checkpoints = db.query("SELECT tree_size, root_hash FROM log.checkpoints ORDER BY tree_size");
            for (List<Object> cp : checkpoints) {
                long size = ((Number) cp.get(0)).longValue();
                assertThat(MerkleProofs.root(recomputed, size)).as("checkpoint root at %d", size)
                        .isEqualTo(Sha256Hash.of((byte[]) cp.get(1)));
            }
            assertThat(db.number("SELECT count(*) - count(DISTINCT tree_size) FROM log.checkpoints")).isZero();

            // On-chain: strictly growing sizes (nothing anchored twice), each with the recomputed root.
            int onChain = contract.checkpointCount().send().intValueExact();
            long previous = 0;
            for (int i = 0; i < onChain; i++) {
                var c = contract.checkpointAt(BigInteger.valueOf(i)).send();
                long size = c.component1().longValueExact();
                assertThat(size).as("anchor %d grows", i).isGreaterThan(previous);
                assertThat(Sha256Hash.of(c.component2())).as("anchored root at %d", size).isEqualTo(MerkleProofs.root(recomputed, size));
                previous = size;
            }
            assertThat(db.number("SELECT count(*) FROM log.anchors WHERE status = 'CONFIRMED'")).isEqualTo(onChain);

            new Figures("F5 worker SIGKILL").put("backlog rows", BACKLOG).put("batch", BATCH)
                    .put("leaves at kill", atKill).put("checkpoints at kill", checkpointsAtKill)
                    .put("lease (s)", LEASE.toSeconds()).put("caught up after restart (s)", caughtUp.toMillis() / 1000.0)
                    .put("leaves", BACKLOG).put("gaps", 0).put("duplicates", 0)
                    .put("checkpoints verified", checkpoints.size()).put("anchors on chain", onChain).print();
        } finally {
            again.stop();
        }
    }

    private static long leaves(Db db) {
        try {
            return db.number("SELECT count(*) FROM log.leaves");
        } catch (IllegalStateException notMigratedYet) {
            return 0;
        }
    }

    private static long latestSize(RegistryAnchor contract) {
        try {
            return contract.latestCheckpoint().send().component1().longValueExact();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Leaf hashes recomputed from the journal's canonical bytes (in leaf order) and compared with the stored ones. */
    private static InMemoryHashStore recompute(Db db) throws Exception {
        InMemoryHashStore store = new InMemoryHashStore();
        List<Sha256Hash> batch = new ArrayList<>();
        try (var c = db.connect(); var st = c.createStatement()) {
            c.setAutoCommit(false);
            st.setFetchSize(5000);
            try (ResultSet rs = st.executeQuery("SELECT l.leaf_index, l.leaf_hash, j.canonical_json FROM log.leaves l"
                    + " JOIN registry.journal j ON j.id = l.journal_id ORDER BY l.leaf_index")) {
                long expected = 0;
                while (rs.next()) {
                    assertThat(rs.getLong(1)).isEqualTo(expected++);
                    Sha256Hash leaf = TreeHasher.leafHash(rs.getBytes(3));
                    assertThat(leaf).as("leaf %d", rs.getLong(1)).isEqualTo(Sha256Hash.of(rs.getBytes(2)));
                    batch.add(leaf);
                    if (batch.size() == 5000) {
                        store.appendLeafHashes(batch);
                        batch = new ArrayList<>();
                    }
                }
            }
        }
        if (!batch.isEmpty()) {
            store.appendLeafHashes(batch);
        }
        return store;
    }
}
