package kg.vareg.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kg.vareg.contracts.generated.RegistryAnchor;
import kg.vareg.common.logstore.AnchorStatus;
import kg.vareg.common.logstore.LogQueries;
import kg.vareg.common.logstore.PostgresHashStore;
import kg.vareg.devstack.ContractDeployments;
import kg.vareg.devstack.EvmNode;
import kg.vareg.ledger.checkpoint.Checkpoint;
import kg.vareg.ledger.checkpoint.NoteVerifier;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.merkle.InMemoryHashStore;
import kg.vareg.ledger.merkle.MerkleProofs;
import kg.vareg.ledger.verify.MerkleVerifier;
import kg.vareg.testsupport.PostgresDatabase;
import kg.vareg.testsupport.TestChain;
import kg.vareg.testsupport.TestPostgres;
import kg.vareg.worker.anchoring.AnchorStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.web3j.crypto.Credentials;
import org.web3j.tx.gas.DefaultGasProvider;
import io.micrometer.core.instrument.MeterRegistry;

/** Journal rows → worker → signed checkpoint → anchored on the real dev chain, with K confirmations. */
class AnchoringWorkerIT {

    @TempDir
    Path tmp;

    @Test
    void integratesSignsAndAnchorsOnChain() throws Exception {
        PostgresDatabase db = TestPostgres.freshDatabase("worker_happy");
        WorkerRig.createJournal(db);
        EvmNode node = TestChain.shared();
        Credentials admin = node.account(0);
        Credentials wallet = node.account(5);
        String contract = WorkerRig.deployAnchor(node, admin, wallet.getAddress());
        Path[] ks = WorkerRig.keystore(tmp.resolve("ks"), wallet);

        try (ConfigurableApplicationContext ctx = WorkerRig.start(
                WorkerRig.properties(db, node, contract, ks[0], ks[1], tmp))) {
            WorkerLoop loop = ctx.getBean(WorkerLoop.class);
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            LogQueries q = new LogQueries(jdbc);

            WorkerRig.insertJournal(db, 0, 3);
            WorkerLoop.Tick t1 = loop.runOnce();
            assertThat(t1.leader()).isTrue();
            assertThat(t1.integrated()).isEqualTo(3);
            // 3 < batch-size 5 and max-delay is an hour: not due yet.
            assertThat(t1.step()).containsInstanceOf(AnchorStep.NotDue.class);

            WorkerRig.insertJournal(db, 3, 4);
            WorkerLoop.Tick t2 = loop.runOnce();
            assertThat(t2.integrated()).isEqualTo(4);
            assertThat(t2.step()).containsInstanceOf(AnchorStep.Sent.class);
            assertThat(((AnchorStep.Sent) t2.step().orElseThrow()).size()).isEqualTo(7);

            // Leaves are dense, in journal-id order, and the leaf hash is RFC 9162 over the canonical bytes.
            List<Long> journalIds = jdbc.queryForList("SELECT journal_id FROM log.leaves ORDER BY leaf_index", Long.class);
            assertThat(journalIds).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            InMemoryHashStore reference = new InMemoryHashStore();
            for (int i = 0; i < 7; i++) {
                Sha256Hash leaf = TreeHasher.leafHash(WorkerRig.entry(i).getBytes(StandardCharsets.UTF_8));
                assertThat(q.leaf(i).orElseThrow().leafHash()).isEqualTo(leaf);
                reference.appendLeafHashes(List.of(leaf));
            }
            Sha256Hash root = MerkleProofs.root(reference, 7);

            // The signed checkpoint verifies with the published verifier key.
            NoteVerifier key = NoteVerifier.parse(Files.readString(tmp.resolve("checkpoint.pem.pub")).strip());
            Checkpoint cp = Checkpoint.parse(key.open(q.checkpoint(7).orElseThrow().signedNote()));
            assertThat(cp.size()).isEqualTo(7);
            assertThat(cp.root()).isEqualTo(root);
            // ... and the worker recorded that same key in the log schema at start, for the backend to publish
            assertThat(new kg.vareg.common.logstore.VerifierKeys(jdbc).all()).singleElement().satisfies(k -> {
                assertThat(k.verifierKey()).isEqualTo(key.encode());
                assertThat(k.keyId()).isEqualTo(String.format("%08x", key.keyId()));
                assertThat(k.current()).isTrue();
            });

            // Proofs from the PostgreSQL store verify against that root.
            PostgresHashStore store = PostgresHashStore.open(jdbc);
            for (int i = 0; i < 7; i++) {
                MerkleVerifier.verifyInclusion(MerkleProofs.inclusionProof(store, i, 7), q.leaf(i).orElseThrow().leafHash(), root);
            }

            // Mined but not yet K=2 confirmations deep.
            WorkerLoop.Tick t3 = loop.runOnce();
            assertThat(t3.step()).containsInstanceOf(AnchorStep.Waiting.class);
            WorkerRig.mine(node, 1);
            WorkerLoop.Tick t4 = loop.runOnce();
            assertThat(t4.step()).containsInstanceOf(AnchorStep.NothingToAnchor.class);
            assertThat(q.latestAnchor(AnchorStatus.CONFIRMED).orElseThrow().treeSize()).isEqualTo(7);

            RegistryAnchor anchor = RegistryAnchor.load(contract, node.web3j(),
                    ContractDeployments.transactionManager(node.web3j(), admin, node.chainId()), new DefaultGasProvider());
            var latest = anchor.latestCheckpoint().send();
            assertThat(latest.component1().longValueExact()).isEqualTo(7);
            assertThat(Sha256Hash.of(latest.component2())).isEqualTo(root);
            assertThat(anchor.checkpointCount().send().intValue()).isEqualTo(1);

            // Metrics and health tell the same story.
            MeterRegistry meters = ctx.getBean(MeterRegistry.class);
            assertThat(meters.get("vareg.anchoring.last.anchored.size").gauge().value()).isEqualTo(7.0);
            assertThat(meters.get("vareg.anchoring.entries.waiting").gauge().value()).isZero();
            assertThat(meters.get("vareg.anchoring.gas.spent").functionCounter().count()).isPositive();
            HealthIndicator health = ctx.getBean("anchoringHealthIndicator", HealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            // A second batch is anchored with a consistency proof the contract accepts.
            WorkerRig.insertJournal(db, 7, 6);
            assertThat(loop.runOnce().step()).containsInstanceOf(AnchorStep.Sent.class);
            WorkerRig.mine(node, 2);
            loop.runOnce();
            assertThat(anchor.latestCheckpoint().send().component1().longValueExact()).isEqualTo(13);
            assertThat(anchor.checkpointCount().send().intValue()).isEqualTo(2);
        }
    }
}
