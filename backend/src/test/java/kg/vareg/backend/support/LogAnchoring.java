package kg.vareg.backend.support;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import javax.sql.DataSource;
import kg.vareg.common.logstore.LogIntegrator;
import kg.vareg.common.logstore.PostgresHashStore;
import kg.vareg.common.logstore.VerifierKeys;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.MerkleProofs;
import kg.vareg.contracts.generated.RegistryAnchor;
import kg.vareg.devstack.ContractDeployments;
import kg.vareg.devstack.EvmNode;
import kg.vareg.ledger.checkpoint.Checkpoint;
import kg.vareg.ledger.checkpoint.NoteSigner;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * What the anchoring worker does, with its real integration code (common's LogIntegrator): journal rows → leaves,
 * a signed checkpoint, and the root anchored on a RegistryAnchor deployed on the shared anvil. The worker itself is a
 * separate application; its keys and state machine are tested in anchoring-worker.
 */
public final class LogAnchoring {
    public static final String ORIGIN = "vareg.kg/register/v1";

    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager txm;
    private final EvmNode node;
    public final NoteSigner signer = NoteSigner.generate(ORIGIN, new SecureRandom());
    private RegistryAnchor anchor;

    public LogAnchoring(DataSource dataSource, PlatformTransactionManager txm, EvmNode node) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.txm = txm;
        this.node = node;
        Flyway.configure().dataSource(dataSource).schemas("log").defaultSchema("log")
                .locations("classpath:db/migration/log").load().migrate();
        // as the worker does when it starts: its public verifier key, for the backend to publish
        new VerifierKeys(jdbc).record(signer.verifier());
    }

    /** Integrates every committed journal row not yet in the log and signs a checkpoint; the new size. */
    public long integrate() {
        return new TransactionTemplate(txm).execute(s -> {
            LogIntegrator.Batch batch = new LogIntegrator(jdbc).integrate(10_000).orElseThrow();
            jdbc.update("INSERT INTO log.checkpoints (tree_size, root_hash, signed_note) VALUES (?, ?, ?)", batch.newSize(),
                    batch.root().toBytes(), signer.sign(new Checkpoint(ORIGIN, batch.newSize(), batch.root()).toText()));
            return batch.newSize();
        });
    }

    /** Anchors the checkpoint of this size on the contract (deployed on first use) and records it CONFIRMED. */
    public RegistryAnchor anchor(long size) throws Exception {
        var tm = ContractDeployments.transactionManager(node.web3j(), node.account(0), node.chainId());
        if (anchor == null) {
            anchor = RegistryAnchor.deploy(node.web3j(), tm, new DefaultGasProvider(),
                    node.account(0).getAddress(), node.account(0).getAddress()).send();
        }
        byte[] root = jdbc.queryForObject("SELECT root_hash FROM log.checkpoints WHERE tree_size = ?", byte[].class, size);
        // after the first anchor the contract wants the consistency proof from its latest size to this one
        long previous = anchor.latestCheckpoint().send().component1().longValueExact();
        List<byte[]> consistency = previous == 0 ? List.of()
                : MerkleProofs.consistencyProof(PostgresHashStore.atSize(jdbc, size), previous, size).path().stream()
                        .map(Sha256Hash::toBytes).toList();
        var receipt = anchor.anchor(BigInteger.valueOf(size), root, consistency).send();
        jdbc.update("""
                INSERT INTO log.anchors (tree_size, root_hash, chain_id, contract_address, from_address, tx_hash, nonce,
                       raw_tx, max_fee_per_gas, max_priority_fee_per_gas, status, block_number, block_hash, gas_used, block_time)
                VALUES (?, ?, ?, ?, ?, ?, 0, '\\x00', 0, 0, 'CONFIRMED', ?, ?, ?, now())""",
                size, root, node.chainId(), anchor.getContractAddress(), node.account(0).getAddress(), receipt.getTransactionHash(),
                receipt.getBlockNumber().longValueExact(), receipt.getBlockHash(), receipt.getGasUsed().longValueExact());
        return anchor;
    }

    public RegistryAnchor contract() {
        return anchor;
    }
}
