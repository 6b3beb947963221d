package kg.vareg.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import kg.vareg.devstack.EvmNode;
import kg.vareg.testsupport.PostgresDatabase;
import kg.vareg.testsupport.TestChain;
import kg.vareg.testsupport.TestPostgres;
import kg.vareg.worker.anchoring.AnchorStep;
import kg.vareg.worker.integration.JournalIntegration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * Issue 15 item 11: before anchoring, the new range is re-hashed from the journal bytes and its subtrees
 * rebuilt; a corrupted {@code log.nodes} row stops anchoring with an alarm (health DOWN), nothing is sent.
 */
class JournalRehashIT {

    @TempDir
    Path tmp;

    @Test
    void corruptedNodesRowStopsAnchoringWithAnAlarm() throws Exception {
        EvmNode node = TestChain.shared();
        PostgresDatabase db = TestPostgres.freshDatabase("worker_rehash");
        WorkerRig.createJournal(db);
        Credentials wallet = Credentials.create(Keys.createEcKeyPair());
        new org.web3j.tx.Transfer(node.web3j(), kg.vareg.devstack.ContractDeployments.transactionManager(node.web3j(), node.account(0), node.chainId())).sendFunds(wallet.getAddress(), java.math.BigDecimal.ONE, org.web3j.utils.Convert.Unit.ETHER).send();
        String contract = WorkerRig.deployAnchor(node, node.account(0), wallet.getAddress());
        Path[] ks = WorkerRig.keystore(tmp.resolve("ks"), wallet);
        Map<String, Object> props = WorkerRig.properties(db, node, contract, ks[0], ks[1], tmp);
        try (ConfigurableApplicationContext ctx = WorkerRig.start(props)) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            WorkerRig.insertJournal(db, 0, 6);
            ctx.getBean(JournalIntegration.class).drain(100, 1);
            // Leaf 3's stored hash no longer matches its journal bytes (triggers off for this one session).
            jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
                try (var st = c.createStatement()) {
                    st.execute("SET session_replication_role = replica");
                    st.execute("UPDATE log.nodes SET hash = sha256(hash) WHERE level = 0 AND node_index = 3");
                    st.execute("SET session_replication_role = origin");
                }
                return null;
            });

            AnchorStep step = ctx.getBean(WorkerLoop.class).runOnce().step().orElseThrow();
            assertThat(step).isInstanceOf(AnchorStep.Alarm.class);
            assertThat(((AnchorStep.Alarm) step).why()).contains("journal re-hash").contains("(0,3)");
            HealthIndicator health = ctx.getBean("anchoringHealthIndicator", HealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM log.tx_requests", Long.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM log.anchors", Long.class)).isZero();
        }
    }
}
