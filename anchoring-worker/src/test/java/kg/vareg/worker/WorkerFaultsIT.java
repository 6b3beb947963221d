package kg.vareg.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import kg.vareg.common.logstore.AnchorStatus;
import kg.vareg.common.logstore.LogQueries;
import kg.vareg.contracts.generated.RegistryAnchor;
import kg.vareg.devstack.AnvilNode;
import kg.vareg.devstack.ContractDeployments;
import kg.vareg.devstack.FreePort;
import kg.vareg.testsupport.PostgresDatabase;
import kg.vareg.testsupport.TestChain;
import kg.vareg.testsupport.TestPostgres;
import kg.vareg.worker.anchoring.AnchorStep;
import kg.vareg.worker.integration.JournalIntegration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.web3j.crypto.Credentials;
import org.web3j.tx.gas.DefaultGasProvider;

/** The fault cases of the anchoring worker, against real PostgreSQL and real anvil nodes. */
class WorkerFaultsIT {

    @TempDir
    Path tmp;

    @Test
    void crashMidBatchLeavesNoTraceAndTheRestartContinuesWithoutGapOrDuplicate() throws Exception {
        PostgresDatabase db = TestPostgres.freshDatabase("worker_crash");
        WorkerRig.createJournal(db);
        AtomicBoolean crash = new AtomicBoolean(true);
        JournalIntegration.BatchHook hook = batch -> {
            if (crash.get()) {
                // Leaves, nodes and checkpoint are written in this transaction: the "crash" comes after.
                throw new IllegalStateException("injected crash after writing batch at " + batch.firstIndex());
            }
        };
        Map<String, Object> props = WorkerRig.properties(db, TestChain.shared(), null, null, null, tmp);
        props.put("vareg.anchoring.integration-batch-size", "4");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AnchoringWorkerApplication.class)
                .initializers(c -> {
                    c.getEnvironment().getPropertySources().addFirst(new MapPropertySource("t", props));
                    c.getBeanFactory().registerSingleton("crashHook", hook);
                }).run()) {
            WorkerLoop loop = ctx.getBean(WorkerLoop.class);
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            WorkerRig.insertJournal(db, 0, 10);
            assertThatThrownBy(loop::runOnce).hasMessageContaining("injected crash");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM log.leaves", Long.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM log.nodes", Long.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM log.checkpoints", Long.class)).isZero();

            crash.set(false);
            WorkerRig.insertJournal(db, 10, 3);
            assertThat(loop.runOnce().integrated()).isEqualTo(13);
            assertDenseAndComplete(jdbc, 13);
            // One checkpoint per committed batch of 4: sizes 4, 8, 12, 13.
            assertThat(jdbc.queryForList("SELECT tree_size FROM log.checkpoints ORDER BY 1", Long.class))
                    .containsExactly(4L, 8L, 12L, 13L);
        }
    }

    @Test
    void twoWorkersOnOneDatabaseGiveEachJournalRowExactlyOneIndex() throws Exception {
        PostgresDatabase db = TestPostgres.freshDatabase("worker_two");
        WorkerRig.createJournal(db);
        Map<String, Object> props = WorkerRig.properties(db, TestChain.shared(), null, null, null, tmp);
        props.put("vareg.anchoring.scheduling-enabled", "true");
        props.put("vareg.anchoring.poll-interval", "PT0.05S");
        props.put("vareg.anchoring.integration-batch-size", "7");
        TickRecorder ticks = new TickRecorder();
        try (ConfigurableApplicationContext a = WorkerRig.start(props, ticks.instance("a"));
             ConfigurableApplicationContext b = WorkerRig.start(props, ticks.instance("b"))) {
            // Writers commit concurrently while both workers poll: late commits must not be skipped.
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int base = w * 50;
                done.add(writers.submit(() -> {
                    WorkerRig.insertJournal(db, base, 50);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            writers.shutdown();
            JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (jdbc.queryForObject("SELECT count(*) FROM log.leaves", Long.class) < 200 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertDenseAndComplete(jdbc, 200);
            // One leader at a time (issue 15 item 13): the leader sections each instance ran, timed on this JVM's
            // monotonic clock, never overlap across instances.
            List<TickRecorder.Section> sections = ticks.sections();
            // With the kept-alive lease one instance may lead for the whole run; the other polls all along, so
            // any section it ran while the first led would show here as an overlap.
            assertThat(sections).as("leader sections").isNotEmpty();
            for (TickRecorder.Section x : sections) {
                for (TickRecorder.Section y : sections) {
                    if (!x.instance().equals(y.instance())) {
                        assertThat(x.overlaps(y)).as("%s overlaps %s", x, y).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void reorgedAnchorIsReAnchoredExactlyOnce() throws Exception {
        try (AnvilNode node = TestChain.startPrivate()) {
            PostgresDatabase db = TestPostgres.freshDatabase("worker_reorg");
            WorkerRig.createJournal(db);
            Credentials wallet = node.account(3);
            String contract = WorkerRig.deployAnchor(node, node.account(0), wallet.getAddress());
            Path[] ks = WorkerRig.keystore(tmp.resolve("ks"), wallet);
            try (ConfigurableApplicationContext ctx = WorkerRig.start(
                    WorkerRig.properties(db, node, contract, ks[0], ks[1], tmp))) {
                WorkerLoop loop = ctx.getBean(WorkerLoop.class);
                LogQueries q = new LogQueries(ctx.getBean(JdbcTemplate.class));
                RegistryAnchor anchor = load(node, contract);
                String snapshot = WorkerRig.rpc(node, "evm_snapshot", List.of());

                WorkerRig.insertJournal(db, 0, 5);
                assertThat(loop.runOnce().step()).containsInstanceOf(AnchorStep.Sent.class);
                assertThat(loop.runOnce().step()).containsInstanceOf(AnchorStep.Waiting.class); // MINED, 1 of 2
                assertThat(anchor.checkpointCount().send().intValue()).isEqualTo(1);

                // The block holding the anchor leaves the canonical chain.
                WorkerRig.rpc(node, "evm_revert", List.of(snapshot));
                assertThat(anchor.checkpointCount().send().intValue()).isZero();

                AnchorStep s = loop.runOnce().step().orElseThrow();
                assertThat(s).isInstanceOfAny(AnchorStep.Reorged.class, AnchorStep.Waiting.class);
                for (int i = 0; i < 5 && q.latestAnchor(AnchorStatus.CONFIRMED).isEmpty(); i++) {
                    WorkerRig.mine(node, 1);
                    loop.runOnce();
                }
                assertThat(q.latestAnchor(AnchorStatus.CONFIRMED).orElseThrow().reorgCount()).isEqualTo(1);
                assertThat(anchor.checkpointCount().send().intValue()).isEqualTo(1);
                assertThat(anchor.latestCheckpoint().send().component1().longValueExact()).isEqualTo(5);
                // Same signed transaction (same nonce) went out again: one anchor row, never a second.
                assertThat(q.anchorsOf(5)).hasSize(1);
            }
        }
    }

    @Test
    void deadNodeGrowsTheBacklogHealthSaysSoAndAnchoringResumes() throws Exception {
        int port = FreePort.find();
        Path state = tmp.resolve("anvil-state.json");
        AnvilNode node = AnvilNode.startPersistent(port, AnvilNode.DEFAULT_CHAIN_ID, state, tmp.resolve("anvil.log"));
        try {
            PostgresDatabase db = TestPostgres.freshDatabase("worker_dead");
            WorkerRig.createJournal(db);
            Credentials wallet = node.account(4);
            String contract = WorkerRig.deployAnchor(node, node.account(0), wallet.getAddress());
            Path[] ks = WorkerRig.keystore(tmp.resolve("ks"), wallet);
            try (ConfigurableApplicationContext ctx = WorkerRig.start(
                    WorkerRig.properties(db, node, contract, ks[0], ks[1], tmp))) {
                WorkerLoop loop = ctx.getBean(WorkerLoop.class);
                HealthIndicator health = ctx.getBean("anchoringHealthIndicator", HealthIndicator.class);
                LogQueries q = new LogQueries(ctx.getBean(JdbcTemplate.class));

                node.stop();
                WorkerRig.insertJournal(db, 0, 6);
                WorkerLoop.Tick t = loop.runOnce();
                assertThat(t.integrated()).isEqualTo(6); // the log keeps growing without the chain
                assertThat(t.step()).isEmpty();
                assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.health().getDetails().get("entriesWaiting")).isEqualTo(6L);

                node.start();
                assertThat(loop.runOnce().step()).containsInstanceOf(AnchorStep.Sent.class);
                WorkerRig.mine(node, 2);
                loop.runOnce();
                assertThat(q.latestAnchor(AnchorStatus.CONFIRMED).orElseThrow().treeSize()).isEqualTo(6);
                assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                assertThat(load(node, contract).checkpointCount().send().intValue()).isEqualTo(1);
            }
        } finally {
            node.close();
        }
    }

    private static RegistryAnchor load(AnvilNode node, String contract) {
        return RegistryAnchor.load(contract, node.web3j(),
                ContractDeployments.transactionManager(node.web3j(), node.account(0), node.chainId()),
                new DefaultGasProvider());
    }

    static void assertDenseAndComplete(JdbcTemplate jdbc, long n) {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM log.leaves", Long.class)).isEqualTo(n);
        assertThat(jdbc.queryForObject("SELECT coalesce(max(leaf_index) + 1, 0) FROM log.leaves", Long.class)).isEqualTo(n);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT journal_id) FROM log.leaves", Long.class)).isEqualTo(n);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM registry.journal j
                 WHERE NOT EXISTS (SELECT 1 FROM log.leaves l WHERE l.journal_id = j.id)""", Long.class)).isZero();
        // Every complete subtree of the final tree is stored (proofs never rebuild anything).
        long expectedNodes = 0;
        for (int level = 0; (1L << level) <= n; level++) {
            expectedNodes += n >> level;
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM log.nodes", Long.class)).isEqualTo(expectedNodes);
    }
}
