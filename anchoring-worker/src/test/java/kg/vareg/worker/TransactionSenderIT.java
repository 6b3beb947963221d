package kg.vareg.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kg.vareg.common.logstore.AnchorStatus;
import kg.vareg.common.logstore.LogQueries;
import kg.vareg.contracts.generated.RegistryAnchor;
import kg.vareg.devstack.AnvilNode;
import kg.vareg.devstack.ContractDeployments;
import kg.vareg.devstack.EvmNode;
import kg.vareg.testsupport.PostgresDatabase;
import kg.vareg.testsupport.TestChain;
import kg.vareg.testsupport.TestPostgres;
import kg.vareg.worker.anchoring.AnchorStep;
import kg.vareg.worker.anchoring.AnchoringHealthIndicator;
import kg.vareg.worker.anchoring.AnchoringState;
import kg.vareg.worker.sender.TxSender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * The one transaction sender (docs/anchoring.md, "Transaction sender") on a real anvil node: a base-fee
 * spike, a dropped transaction, the fee cap, a crash between sign and broadcast and between broadcast
 * and receipt, and a stale leader — each anchors once, in order, with one gap-free nonce sequence.
 */
class TransactionSenderIT {

    @TempDir
    Path tmp;

    @Test
    void baseFeeSpikeLeavesTheAnchorUnderpricedAndTheBumpGetsItMined() throws Exception {
        try (AnvilNode node = TestChain.startPrivate()) {
            Rig rig = rig(node, "sender_spike", Map.of("vareg.sender.bump-after-blocks", "1",
                    "vareg.sender.max-fee-per-tx-wei", "1000000000000000000"));
            try (ConfigurableApplicationContext ctx = WorkerRig.start(rig.props)) {
                WorkerLoop loop = ctx.getBean(WorkerLoop.class);
                JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
                WorkerRig.rpc(node, "evm_setAutomine", List.of(false));
                WorkerRig.insertJournal(rig.db, 0, 5);
                assertThat(loop.runOnce().step()).containsInstanceOf(AnchorStep.Sent.class);
                BigInteger originalMaxFee = fee(jdbc, "ORIGINAL");

                // The next block's base fee jumps far above what the transaction offers: it is not included.
                WorkerRig.rpc(node, "anvil_setNextBlockBaseFeePerGas",
                        List.of("0x" + originalMaxFee.multiply(BigInteger.valueOf(20)).toString(16)));
                WorkerRig.rpc(node, "anvil_mine", List.of("0x1"));
                assertThat(receiptCount(node, jdbc)).isZero();

                loop.runOnce(); // one block without inclusion: replaced with higher fees
                assertThat(jdbc.queryForObject("SELECT count(*) FROM log.tx_attempts WHERE kind = 'BUMP'", Long.class))
                        .isEqualTo(1);
                assertThat(fee(jdbc, "BUMP")).isGreaterThanOrEqualTo(originalMaxFee.multiply(BigInteger.valueOf(9))
                        .divide(BigInteger.valueOf(8)));
                assertThat(jdbc.queryForObject("SELECT max_priority_fee_per_gas FROM log.tx_attempts WHERE kind = 'BUMP'",
                        java.math.BigDecimal.class).toBigInteger()).isGreaterThanOrEqualTo(
                        jdbc.queryForObject("SELECT max_priority_fee_per_gas FROM log.tx_attempts WHERE kind = 'ORIGINAL'",
                                java.math.BigDecimal.class).toBigInteger().multiply(BigInteger.valueOf(9))
                                .divide(BigInteger.valueOf(8)));
                confirm(node, loop, jdbc);
                // The bump was mined: the anchor row shows its hash; one nonce, once on-chain.
                assertThat(new LogQueries(jdbc).latestAnchor(AnchorStatus.CONFIRMED).orElseThrow().txHash())
                        .isEqualTo(jdbc.queryForObject("SELECT tx_hash FROM log.tx_attempts WHERE kind = 'BUMP'", String.class));
                assertOneSequence(jdbc, node, rig.wallet, 1);
                assertThat(anchor(node, rig.contract).checkpointCount().send().intValue()).isEqualTo(1);
            }
        }
    }

    @Test
    void droppedTransactionIsReBroadcastByteForByte() throws Exception {
        try (AnvilNode node = TestChain.startPrivate()) {
            Rig rig = rig(node, "sender_drop", Map.of());
            try (ConfigurableApplicationContext ctx = WorkerRig.start(rig.props)) {
                WorkerLoop loop = ctx.getBean(WorkerLoop.class);
                JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
                WorkerRig.rpc(node, "evm_setAutomine", List.of(false));
                WorkerRig.insertJournal(rig.db, 0, 5);
                AnchorStep.Sent sent = (AnchorStep.Sent) loop.runOnce().step().orElseThrow();
                WorkerRig.rpc(node, "anvil_dropTransaction", List.of(sent.txHash()));
                assertThat(node.web3j().ethGetTransactionByHash(sent.txHash()).send().getTransaction()).isEmpty();

                loop.runOnce(); // unknown to the node: the stored bytes go out again
                assertThat(node.web3j().ethGetTransactionByHash(sent.txHash()).send().getTransaction()).isPresent();
                assertThat(jdbc.queryForObject("SELECT broadcast_count FROM log.tx_attempts", Integer.class)).isEqualTo(2);
                confirm(node, loop, jdbc);
                assertThat(new LogQueries(jdbc).latestAnchor(AnchorStatus.CONFIRMED).orElseThrow().txHash())
                        .isEqualTo(sent.txHash());
                assertOneSequence(jdbc, node, rig.wallet, 1);
            }
        }
    }

    @Test
    void replacedByAForeignTransactionAndCancelledWhenObsoleteEachAnchorOnce() throws Exception {
        try (AnvilNode node = TestChain.startPrivate()) {
            Rig rig = rig(node, "sender_replace", Map.of());
            try (ConfigurableApplicationContext ctx = WorkerRig.start(rig.props)) {
                WorkerLoop loop = ctx.getBean(WorkerLoop.class);
                JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
                WorkerRig.rpc(node, "evm_setAutomine", List.of(false));
                WorkerRig.insertJournal(rig.db, 0, 5);
                assertThat(loop.runOnce().step()).containsInstanceOf(AnchorStep.Sent.class);
                // Someone with the key replaces nonce 0 by a transaction of their own.
                byte[] foreign = org.web3j.crypto.TransactionEncoder.signMessage(
                        org.web3j.crypto.RawTransaction.createTransaction(node.chainId(), BigInteger.ZERO,
                                BigInteger.valueOf(21_000), rig.wallet.getAddress(), BigInteger.ZERO, "0x",
                                BigInteger.valueOf(50_000_000_000L), BigInteger.valueOf(500_000_000_000L)), rig.wallet);
                assertThat(node.web3j().ethSendRawTransaction(org.web3j.utils.Numeric.toHexString(foreign)).send()
                        .hasError()).isFalse();
                WorkerRig.rpc(node, "anvil_mine", List.of("0x1"));
                assertThat(loop.runOnce().step()).containsInstanceOf(AnchorStep.Sent.class); // DROPPED, re-sent at 1
                assertThat(jdbc.queryForObject("SELECT status FROM log.tx_requests WHERE nonce = 0", String.class))
                        .isEqualTo("DROPPED");

                // The anchor at nonce 1 becomes obsolete while pending: cancelled by a 0-value self-transfer.
                AtomicBoolean obsolete = new AtomicBoolean(true);
                ctx.getBean(kg.vareg.worker.sender.SenderConfiguration.Sender.class).sender().orElseThrow()
                        .onObsolete("anchor:", r -> obsolete.get());
                loop.runOnce();
                obsolete.set(false);
                String cancel = jdbc.queryForObject("SELECT tx_hash FROM log.tx_attempts WHERE kind = 'CANCEL'", String.class);
                var tx = node.web3j().ethGetTransactionByHash(cancel).send().getTransaction().orElseThrow();
                assertThat(tx.getTo()).isEqualToIgnoringCase(rig.wallet.getAddress());
                assertThat(tx.getValue()).isZero();
                assertThat(tx.getNonce()).isEqualTo(BigInteger.ONE);
                WorkerRig.rpc(node, "anvil_mine", List.of("0x1"));
                confirm(node, loop, jdbc);
                assertThat(jdbc.queryForList("SELECT status FROM log.tx_requests ORDER BY nonce", String.class))
                        .containsExactly("DROPPED", "CANCELLED", "FINAL");
                assertThat(jdbc.queryForList("SELECT tree_size FROM log.anchors WHERE status = 'CONFIRMED'", Long.class))
                        .containsExactly(5L);
                assertOneSequence(jdbc, node, rig.wallet, 3);
                assertThat(anchor(node, rig.contract).checkpointCount().send().intValue()).isEqualTo(1);
            }
        }
    }

    @Test
    void feeCapHoldsBackWithDegradedHealthAndAZeroCapRefusesToStart() throws Exception {
        EvmNode node = TestChain.shared();
        Rig rig = rig(node, "sender_cap", Map.of("vareg.sender.max-fee-per-tx-wei", "1000"));
        try (ConfigurableApplicationContext ctx = WorkerRig.start(rig.props)) {
            WorkerLoop loop = ctx.getBean(WorkerLoop.class);
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            HealthIndicator health = ctx.getBean("anchoringHealthIndicator", HealthIndicator.class);
            WorkerRig.insertJournal(rig.db, 0, 5);
            AnchorStep step = loop.runOnce().step().orElseThrow();
            assertThat(step).isInstanceOf(AnchorStep.HeldBack.class);
            assertThat(((AnchorStep.HeldBack) step).why()).contains("per-transaction cap");
            assertThat(health.health().getStatus()).isEqualTo(AnchoringHealthIndicator.DEGRADED);
            assertThat(health.health().getDetails().get("reason").toString()).contains("max-fee-per-tx-wei");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM log.tx_requests", Long.class)).isZero();
        }
        Map<String, Object> zero = new java.util.HashMap<>(rig.props);
        zero.put("vareg.sender.max-fee-per-tx-wei", "0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WorkerRig.start(zero).close())
                .rootCause().hasMessageContaining("max-fee-per-tx-wei");
        // Caps raised: the same backlog is anchored.
        Map<String, Object> ok = new java.util.HashMap<>(rig.props);
        ok.remove("vareg.sender.max-fee-per-tx-wei");
        try (ConfigurableApplicationContext ctx = WorkerRig.start(ok)) {
            assertThat(ctx.getBean(WorkerLoop.class).runOnce().step()).containsInstanceOf(AnchorStep.Sent.class);
        }
    }

    @Test
    void crashesBetweenSignAndBroadcastAndBetweenBroadcastAndReceiptAnchorOnceInOrder() throws Exception {
        try (AnvilNode node = TestChain.startPrivate()) {
            Rig rig = rig(node, "sender_crash", Map.of());
            AtomicBoolean crash = new AtomicBoolean(true);
            TxSender.BroadcastHook hook = txHash -> {
                if (crash.getAndSet(false)) {
                    throw new IllegalStateException("injected crash before broadcasting " + txHash);
                }
            };
            WorkerRig.insertJournal(rig.db, 0, 5);
            try (ConfigurableApplicationContext ctx = start(rig.props, hook)) {
                ctx.getBean(WorkerLoop.class).runOnce(); // stored, signed, never broadcast
                JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("SELECT broadcast_count FROM log.tx_attempts", Integer.class)).isZero();
                assertThat(ctx.getBean(AnchoringState.class).current().chainError()).hasValueSatisfying(
                        e -> assertThat(e).contains("injected crash"));
            }
            try (ConfigurableApplicationContext ctx = WorkerRig.start(rig.props)) { // restart
                WorkerLoop loop = ctx.getBean(WorkerLoop.class);
                JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
                confirm(node, loop, jdbc);
                // Crash between broadcast and receipt: the next anchor is broadcast, not mined, the process dies.
                WorkerRig.rpc(node, "evm_setAutomine", List.of(false));
                WorkerRig.insertJournal(rig.db, 5, 5);
                assertThat(loop.runOnce().step()).containsInstanceOf(AnchorStep.Sent.class);
            }
            try (ConfigurableApplicationContext ctx = WorkerRig.start(rig.props)) {
                WorkerLoop loop = ctx.getBean(WorkerLoop.class);
                JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
                WorkerRig.rpc(node, "evm_setAutomine", List.of(true));
                WorkerRig.mine(node, 1);
                for (int i = 0; i < 6 && new LogQueries(jdbc).latestAnchor(AnchorStatus.CONFIRMED)
                        .map(a -> a.treeSize() < 10).orElse(true); i++) {
                    loop.runOnce();
                    WorkerRig.mine(node, 1);
                }
                assertThat(jdbc.queryForList("SELECT tree_size FROM log.anchors WHERE status = 'CONFIRMED' ORDER BY nonce",
                        Long.class)).containsExactly(5L, 10L);
                assertOneSequence(jdbc, node, rig.wallet, 2);
                RegistryAnchor a = anchor(node, rig.contract);
                assertThat(a.checkpointCount().send().intValue()).isEqualTo(2);
                assertThat(a.checkpointAt(BigInteger.ZERO).send().component1().longValueExact()).isEqualTo(5);
            }
        }
    }

    @Test
    void aLeaderWhoseLeaseExpiredWhileBusyCannotSend() throws Exception {
        try (AnvilNode node = TestChain.startPrivate()) {
            Map<String, Object> lease = Map.of("vareg.anchoring.lock-at-most-for", "PT1S", "vareg.sender.lease-keep-alive", "false");
            Rig rig = rig(node, "sender_fence", lease);
            CountDownLatch inBroadcast = new CountDownLatch(1);
            CountDownLatch resume = new CountDownLatch(1);
            AtomicBoolean block = new AtomicBoolean(true);
            TxSender.BroadcastHook slow = txHash -> {
                if (block.getAndSet(false)) {
                    inBroadcast.countDown();
                    try {
                        resume.await(60, TimeUnit.SECONDS); // the busy leader: its lease runs out meanwhile
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            WorkerRig.insertJournal(rig.db, 0, 5);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try (ConfigurableApplicationContext a = start(rig.props, slow);
                 ConfigurableApplicationContext b = WorkerRig.start(rig.props)) {
                Future<WorkerLoop.Tick> busy = pool.submit(() -> a.getBean(WorkerLoop.class).runOnce());
                assertThat(inBroadcast.await(60, TimeUnit.SECONDS)).isTrue();
                // B becomes leader once A's lease expires (polled with a deadline, not slept).
                WorkerLoop loopB = b.getBean(WorkerLoop.class);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                WorkerLoop.Tick t;
                do {
                    t = loopB.runOnce();
                } while (!t.leader() && System.nanoTime() < deadline);
                assertThat(t.leader()).isTrue();
                resume.countDown();
                busy.get(60, TimeUnit.SECONDS);
                // A, stale, was refused at its broadcast; B re-broadcast A's stored transaction itself.
                assertThat(a.getBean(AnchoringState.class).current().chainError())
                        .hasValueSatisfying(e -> assertThat(e).contains("stale leader"));
                JdbcTemplate jdbc = b.getBean(JdbcTemplate.class);
                confirm(node, loopB, jdbc);
                WorkerRig.insertJournal(rig.db, 5, 5);
                loopB.runOnce();
                confirm(node, loopB, jdbc);
                assertThat(jdbc.queryForList("SELECT tree_size FROM log.anchors WHERE status = 'CONFIRMED' ORDER BY nonce",
                        Long.class)).containsExactly(5L, 10L);
                assertOneSequence(jdbc, node, rig.wallet, 2);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    // ------------------------------------------------------------------------------------------

    private record Rig(PostgresDatabase db, String contract, Credentials wallet, Map<String, Object> props) {
    }

    private Rig rig(EvmNode node, String name, Map<String, Object> extra) throws Exception {
        PostgresDatabase db = TestPostgres.freshDatabase(name);
        WorkerRig.createJournal(db);
        Credentials wallet = node instanceof AnvilNode ? node.account(3) : Credentials.create(
                org.web3j.crypto.Keys.createEcKeyPair());
        if (!(node instanceof AnvilNode)) {
            // A fresh funded wallet on the shared node, so this test owns its nonce sequence.
            fund(node, wallet);
        }
        String contract = WorkerRig.deployAnchor(node, node.account(0), wallet.getAddress());
        Path[] ks = WorkerRig.keystore(tmp.resolve(name), wallet);
        Map<String, Object> props = WorkerRig.properties(db, node, contract, ks[0], ks[1], tmp.resolve(name));
        props.putAll(extra);
        return new Rig(db, contract, wallet, props);
    }

    private static void fund(EvmNode node, Credentials wallet) throws Exception {
        new org.web3j.tx.Transfer(node.web3j(), ContractDeployments.transactionManager(node.web3j(), node.account(0), node.chainId())).sendFunds(wallet.getAddress(), java.math.BigDecimal.ONE, org.web3j.utils.Convert.Unit.ETHER).send();
    }

    private static ConfigurableApplicationContext start(Map<String, Object> props, TxSender.BroadcastHook hook) {
        return new SpringApplicationBuilder(AnchoringWorkerApplication.class).initializers(c -> {
            c.getEnvironment().getPropertySources().addFirst(new MapPropertySource("t", props));
            c.getBeanFactory().registerSingleton("broadcastHook", hook);
        }).run();
    }

    /** Mines and ticks until nothing is in flight (bounded). */
    private static void confirm(EvmNode node, WorkerLoop loop, JdbcTemplate jdbc) throws Exception {
        for (int i = 0; i < 10; i++) {
            WorkerRig.rpc(node, "anvil_mine", List.of("0x1"));
            loop.runOnce();
            if (jdbc.queryForObject("SELECT count(*) FROM log.anchors WHERE status IN ('PENDING', 'MINED')", Long.class) == 0
                    && jdbc.queryForObject("SELECT count(*) FROM log.anchors WHERE status = 'CONFIRMED'", Long.class) > 0) {
                return;
            }
        }
        throw new AssertionError("anchor not confirmed: " + jdbc.queryForList("SELECT status, tree_size FROM log.anchors"));
    }

    private static long receiptCount(EvmNode node, JdbcTemplate jdbc) throws Exception {
        long n = 0;
        for (String h : jdbc.queryForList("SELECT tx_hash FROM log.tx_attempts", String.class)) {
            n += node.web3j().ethGetTransactionReceipt(h).send().getTransactionReceipt().isPresent() ? 1 : 0;
        }
        return n;
    }

    private static BigInteger fee(JdbcTemplate jdbc, String kind) {
        return jdbc.queryForObject("SELECT max_fee_per_gas FROM log.tx_attempts WHERE kind = ? ORDER BY id LIMIT 1",
                java.math.BigDecimal.class, kind).toBigInteger();
    }

    /** One nonce sequence: the wallet's stored nonces are 0..n-1 and the chain counted exactly n. */
    private static void assertOneSequence(JdbcTemplate jdbc, EvmNode node, Credentials wallet, int n) throws Exception {
        assertThat(jdbc.queryForList("SELECT nonce FROM log.tx_requests ORDER BY nonce", Long.class))
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, n).boxed().toList());
        assertThat(node.web3j().ethGetTransactionCount(wallet.getAddress(), DefaultBlockParameterName.LATEST).send()
                .getTransactionCount()).isEqualTo(BigInteger.valueOf(n));
    }

    private static RegistryAnchor anchor(EvmNode node, String contract) {
        return RegistryAnchor.load(contract, node.web3j(),
                ContractDeployments.transactionManager(node.web3j(), node.account(0), node.chainId()),
                new DefaultGasProvider());
    }
}
