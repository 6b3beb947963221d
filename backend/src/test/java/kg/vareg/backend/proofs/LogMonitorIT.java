package kg.vareg.backend.proofs;

import kg.vareg.backend.support.Tamper;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kg.vareg.backend.support.BackendIntegrationTest;
import kg.vareg.common.logstore.LogIntegrator;
import kg.vareg.common.logstore.PostgresHashStore;
import kg.vareg.contracts.generated.RegistryAnchor;
import kg.vareg.devstack.ContractDeployments;
import kg.vareg.devstack.EvmNode;
import kg.vareg.ledger.checkpoint.Checkpoint;
import kg.vareg.ledger.checkpoint.NoteSigner;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.MerkleProofs;
import kg.vareg.testsupport.TestChain;
import kg.vareg.verifier.cli.VaregVerifyChain;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * {@code vareg-verify monitor} against the real backend (its public proof API over a log integrated by the
 * real LogIntegrator) and a RegistryAnchor on the real dev chain with four anchored checkpoints: all verify;
 * then each kind of divergence — a damaged subtree in the backend's store, a backend checkpoint with another
 * root, a backend claim of an anchor the contract does not hold, a divergence appearing while the monitor
 * polls — makes it exit 1 with one FAIL line naming the checkpoint.
 */
@BackendIntegrationTest
@TestPropertySource(properties = "vareg.test.context=log-monitor") // own context, own fresh database
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogMonitorIT {

    static final String ORIGIN = "vareg.kg/register/v1";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    PlatformTransactionManager txm;

    final NoteSigner signer = NoteSigner.generate(ORIGIN, new SecureRandom());
    EvmNode node;
    RegistryAnchor anchor;
    long anchoredSize;
    long thirdAnchorBlock;
    int rows;

    @BeforeAll
    void fourAnchoredCheckpointsAndOneOnlySigned() throws Exception {
        Flyway.configure().dataSource(dataSource).schemas("log").defaultSchema("log")
                .locations("classpath:db/migration/log").load().migrate();
        node = TestChain.shared();
        var tm = ContractDeployments.transactionManager(node.web3j(), node.account(0), node.chainId());
        anchor = RegistryAnchor.deploy(node.web3j(), tm, new DefaultGasProvider(),
                node.account(0).getAddress(), node.account(0).getAddress()).send();
        integrate(3);
        anchorLatest();
        integrate(2); // size 5: signed, never anchored
        integrate(2);
        anchorLatest(); // 7
        integrate(5);
        thirdAnchorBlock = anchorLatest().getBlockNumber().longValueExact(); // 12
        integrate(4);
        anchorLatest(); // 16
    }

    @Test
    @Order(1)
    void everyAnchoredCheckpointExtendsThePreviousOneAndMatchesTheBackend() {
        assertThat(monitor("--once")).startsWith("0|").contains("OK: 4 anchored checkpoints verified, latest size 16");
        // Starting mid-history: the previous checkpoint comes from the contract (checkpointAt).
        assertThat(monitor("--once", "--from-block", Long.toString(thirdAnchorBlock)))
                .startsWith("0|").contains("OK: 2 anchored checkpoints verified, latest size 16");
    }

    @Test
    @Order(2)
    void aDamagedSubtreeInTheBackendsLogBreaksTheConsistencyProof() {
        // The proof 3 -> 7 is [leaf 2, leaf 3, node(1,0), MTH(4..7)]: change node (1,0) in the backend's store.
        byte[] original = jdbc.queryForObject("SELECT hash FROM log.nodes WHERE level = 1 AND node_index = 0", byte[].class);
        Tamper.asSuperuser(jdbc, "UPDATE log.nodes SET hash = ? WHERE level = 1 AND node_index = 0",
                (Object) Sha256Hash.digest("forged".getBytes(StandardCharsets.UTF_8)).toBytes());
        try {
            assertThat(monitor("--once")).startsWith("1|FAIL: checkpoint #1 (size 7")
                    .contains("is not proven consistent with the anchored checkpoint of size 3");
        } finally {
            Tamper.asSuperuser(jdbc, "UPDATE log.nodes SET hash = ? WHERE level = 1 AND node_index = 0", (Object) original);
        }
    }

    @Test
    @Order(3)
    void aBackendCheckpointWithAnotherRootIsNamed() {
        byte[] original = jdbc.queryForObject("SELECT root_hash FROM log.checkpoints WHERE tree_size = 12", byte[].class);
        Tamper.asSuperuser(jdbc, "UPDATE log.checkpoints SET root_hash = ? WHERE tree_size = 12",
                (Object) Sha256Hash.digest("other".getBytes(StandardCharsets.UTF_8)).toBytes());
        try {
            assertThat(monitor("--once")).startsWith("1|FAIL: checkpoint #2 (size 12")
                    .contains("the backend's checkpoint of size 12 has root");
        } finally {
            Tamper.asSuperuser(jdbc, "UPDATE log.checkpoints SET root_hash = ? WHERE tree_size = 12", (Object) original);
        }
        assertThat(monitor("--once")).startsWith("0|");
    }

    @Test
    @Order(4)
    void aBackendClaimOfAnAnchorTheContractDoesNotHoldIsNamed() {
        jdbc.update("""
                INSERT INTO log.anchors (tree_size, root_hash, chain_id, contract_address, from_address, tx_hash, nonce,
                       raw_tx, max_fee_per_gas, max_priority_fee_per_gas, status, block_number, block_hash, gas_used)
                SELECT tree_size, root_hash, ?, ?, ?, '0xclaimed', 99, '\\x00', 0, 0, 'CONFIRMED', 1, '0x00', 1
                  FROM log.checkpoints WHERE tree_size = 5""",
                node.chainId(), anchor.getContractAddress(), node.account(0).getAddress());
        try {
            assertThat(monitor("--once")).startsWith("1|FAIL: the backend lists size 5 as anchored on "
                    + anchor.getContractAddress()).contains("has no checkpoint of that size");
        } finally {
            jdbc.update("DELETE FROM log.anchors WHERE tx_hash = '0xclaimed'");
        }
    }

    @Test
    @Order(5)
    void usageErrors() {
        assertThat(cli("monitor", "--rpc", node.rpcUrl(), "--contract", anchor.getContractAddress(), "--once"))
                .isEqualTo("2|FAIL: usage: missing required option --backend (see vareg-verify --help)");
        assertThat(cli("monitor", "--rpc", node.rpcUrl(), "--contract", anchor.getContractAddress(), "--backend",
                backend(), "--interval", "soon")).startsWith("2|FAIL: usage: --interval must be");
    }

    @Test
    @Order(6)
    void whilePollingANewAnchorWhoseRootTheBackendDoesNotServeStopsTheMonitor() throws Exception {
        CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> monitor("--interval", "1"));
        // It verifies the four existing checkpoints and keeps polling.
        Thread.sleep(2_500);
        assertThat(running).isNotDone();
        // The log grows; the backend then serves a different root for the new size than the one anchored.
        integrate(4);
        anchorLatest(); // 20
        Tamper.asSuperuser(jdbc, "UPDATE log.checkpoints SET root_hash = ? WHERE tree_size = 20",
                (Object) Sha256Hash.digest("rewritten".getBytes(StandardCharsets.UTF_8)).toBytes());
        String result = running.get(60, TimeUnit.SECONDS);
        assertThat(result).startsWith("1|FAIL: checkpoint #4 (size 20").contains("the backend's checkpoint of size 20");
    }

    // ------------------------------------------------------------------ helpers

    private String monitor(String... extra) {
        List<String> args = new ArrayList<>(List.of("monitor", "--rpc", node.rpcUrl(), "--contract",
                anchor.getContractAddress(), "--backend", backend()));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    private String backend() {
        return "http://localhost:" + port;
    }

    private static String cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = VaregVerifyChain.run(args, new PrintStream(out, true), new PrintStream(err, true));
        String text = code == 0 ? out.toString() : err.toString();
        String[] lines = text.strip().split("\n");
        // Exit 0: the summary is the last line; otherwise exactly one FAIL line.
        return code + "|" + (code == 0 ? lines[lines.length - 1] : text.strip());
    }

    private void integrate(int n) {
        for (int i = 0; i < n; i++) {
            jdbc.update("INSERT INTO registry.journal (record_type, record_version, canonical_json) VALUES ('TEST', 1, ?)",
                    (Object) ("{\"n\":" + rows++ + ",\"type\":\"TEST\"}").getBytes(StandardCharsets.UTF_8));
        }
        new TransactionTemplate(txm).executeWithoutResult(s -> {
            LogIntegrator.Batch b = new LogIntegrator(jdbc).integrate(n).orElseThrow();
            jdbc.update("INSERT INTO log.checkpoints (tree_size, root_hash, signed_note) VALUES (?, ?, ?)",
                    b.newSize(), b.root().toBytes(), signer.sign(new Checkpoint(ORIGIN, b.newSize(), b.root()).toText()));
        });
    }

    /** Anchors the latest signed checkpoint with the consistency proof from the last anchored one. */
    private TransactionReceipt anchorLatest() throws Exception {
        long size = jdbc.queryForObject("SELECT max(tree_size) FROM log.checkpoints", Long.class);
        byte[] root = jdbc.queryForObject("SELECT root_hash FROM log.checkpoints WHERE tree_size = ?", byte[].class, size);
        List<byte[]> proof = anchoredSize == 0 ? List.of()
                : MerkleProofs.consistencyProof(PostgresHashStore.atSize(jdbc, size), anchoredSize, size).path().stream()
                .map(Sha256Hash::toBytes).toList();
        TransactionReceipt r = anchor.anchor(BigInteger.valueOf(size), root, proof).send();
        jdbc.update("""
                INSERT INTO log.anchors (tree_size, root_hash, chain_id, contract_address, from_address, tx_hash, nonce,
                       raw_tx, max_fee_per_gas, max_priority_fee_per_gas, status, block_number, block_hash, gas_used)
                VALUES (?, ?, ?, ?, ?, ?, 0, '\\x00', 0, 0, 'CONFIRMED', ?, ?, ?)""",
                size, root, node.chainId(), anchor.getContractAddress(), node.account(0).getAddress(),
                r.getTransactionHash(), r.getBlockNumber().longValueExact(), r.getBlockHash(), r.getGasUsed().longValueExact());
        anchoredSize = size;
        return r;
    }
}
