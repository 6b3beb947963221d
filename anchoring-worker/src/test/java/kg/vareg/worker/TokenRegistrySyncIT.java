package kg.vareg.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import kg.vareg.contracts.generated.TokenRegistry;
import kg.vareg.devstack.ContractDeployments;
import kg.vareg.devstack.EvmNode;
import kg.vareg.ledger.json.CanonicalJson;
import kg.vareg.testsupport.PostgresDatabase;
import kg.vareg.testsupport.TestChain;
import kg.vareg.testsupport.TestPostgres;
import kg.vareg.worker.tokenregistry.TokenRegistryConfiguration;
import kg.vareg.worker.tokenregistry.TokenRegistrySync;
import kg.vareg.worker.tokenregistry.TokenStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.tuples.generated.Tuple6;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * The worker mirrors the register's journal (format v1, as the backend's JournalRecord writes it) into a real
 * TokenRegistry on the dev chain: registration, placement, suspension collapse to the latest status; records
 * that are not about a registered emission are ignored; an unknown blockchain is skipped with its reason; a
 * second run writes nothing; a "crash after the write, before recording it" does not write again; later
 * changes (lifted suspension, unsuccessful) follow.
 */
class TokenRegistrySyncIT {

    static final String TOKEN = "0x1111111111111111111111111111111111111111";
    static final String OTHER_TOKEN = "0x2222222222222222222222222222222222222222";
    static final String A = "7b0cf9f4-59d1-4a5b-8f8e-0f3a6b0f6a01";
    static final String B = "7b0cf9f4-59d1-4a5b-8f8e-0f3a6b0f6a02";
    static final String C = "7b0cf9f4-59d1-4a5b-8f8e-0f3a6b0f6a03";
    static final BigInteger SUPPLY = new BigInteger("1000000000000000000000000");

    @TempDir
    Path tmp;

    @Test
    void mirrorsEmissionStatusesIdempotentlyAndSurvivesARestart() throws Exception {
        PostgresDatabase db = TestPostgres.freshDatabase("worker_tokenreg");
        WorkerRig.createJournal(db);
        EvmNode node = TestChain.shared();
        Credentials admin = node.account(0);
        Credentials wallet = node.account(6);
        TokenRegistry registry = TokenRegistry.deploy(node.web3j(),
                ContractDeployments.transactionManager(node.web3j(), admin, node.chainId()), new DefaultGasProvider(),
                admin.getAddress(), wallet.getAddress()).send();
        Path[] ks = WorkerRig.keystore(tmp.resolve("ks"), wallet);
        Map<String, Object> props = WorkerRig.properties(db, node, null, ks[0], ks[1], tmp);
        props.put("vareg.token-registry.contract-address", registry.getContractAddress());

        try (ConfigurableApplicationContext ctx = WorkerRig.start(props)) {
            WorkerLoop loop = ctx.getBean(WorkerLoop.class);
            TokenRegistrySync sync = ctx.getBean(TokenRegistryConfiguration.Mirror.class).sync().orElseThrow();
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);

            journal(db, record("ApplicationDrafted", B, null, event("ApplicationDrafted", Map.of("state", "DRAFT"))));
            journal(db, record("EmissionRegistered", A, "KG0107AB121", event("EmissionRegistered", Map.of(
                    "state", "REGISTERED", "registrationNumber", "KG0107AB121",
                    "entry", entry("eip155:" + node.chainId(), TOKEN, "STABLECOIN")))));
            journal(db, record("EmissionRegistered", C, "KG0207AB122", event("EmissionRegistered", Map.of(
                    "state", "REGISTERED", "registrationNumber", "KG0207AB122",
                    "entry", entry("Solana", OTHER_TOKEN, "DIGITAL_TOKEN")))));
            journal(db, record("PlacementStarted", A, "KG0107AB121", event("PlacementStarted", Map.of("state", "PLACEMENT"))));
            journal(db, "{\"n\":1,\"type\":\"TEST\"}"); // not a register record
            journal(db, record("EmissionSuspended", A, "KG0107AB121",
                    event("EmissionSuspended", Map.of("state", "SUSPENDED", "suspendedFrom", "PLACEMENT"))));
            assertThat(loop.runOnce().integrated()).isEqualTo(6);

            long nonceBefore = nonce(node, wallet);
            TokenRegistrySync.Run first = sync.runOnce();
            assertThat(first.entriesRead()).isEqualTo(6);
            assertThat(first.written()).isEqualTo(1); // A only, at its latest status: one transaction
            assertThat(nonce(node, wallet)).isEqualTo(nonceBefore + 1);
            assertStatus(registry, node, TOKEN, true, "KG0107AB121", 3, 1, SUPPLY);
            assertThat(registry.isInGoodStanding(TOKEN).send()).isFalse(); // suspended: registered, not in good standing
            // C declares a chain the worker cannot name: skipped, with the reason recorded; B never had a number.
            assertThat(jdbc.queryForObject("SELECT skipped_reason FROM log.token_registry_status WHERE emission_id = ?",
                    String.class, C)).contains("unknown blockchain 'Solana'");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM log.token_registry_status WHERE emission_id = ?",
                    Integer.class, B)).isZero();
            assertStatus(registry, node, OTHER_TOKEN, false, null, 0, 0, BigInteger.ZERO);

            // Idempotent: nothing new in the log, nothing sent.
            TokenRegistrySync.Run second = sync.runOnce();
            assertThat(second.entriesRead()).isZero();
            assertThat(second.written() + second.alreadyOnChain()).isZero();
            assertThat(nonce(node, wallet)).isEqualTo(nonceBefore + 1);

            // Crash after the write was mined but before it was recorded: the next run sees the status on-chain.
            jdbc.update("UPDATE log.token_registry_status SET synced_leaf_index = NULL WHERE emission_id = ?", A);
            TokenRegistrySync.Run afterCrash = sync.runOnce();
            assertThat(afterCrash.alreadyOnChain()).isEqualTo(1);
            assertThat(afterCrash.written()).isZero();
            assertThat(nonce(node, wallet)).isEqualTo(nonceBefore + 1);

            // Later changes follow: suspension lifted back to placement, then declared unsuccessful (number cancelled).
            journal(db, record("SuspensionLifted", A, "KG0107AB121", event("SuspensionLifted", Map.of("state", "PLACEMENT"))));
            loop.runOnce();
            assertThat(sync.runOnce().written()).isEqualTo(1);
            assertStatus(registry, node, TOKEN, true, "KG0107AB121", 2, 1, SUPPLY);
            assertThat(registry.isInGoodStanding(TOKEN).send()).isTrue();
            journal(db, record("ResultsReported", A, "KG0107AB121", event("ResultsReported", Map.of("state", "RESULTS_REPORTED")),
                    event("EmissionDeclaredUnsuccessful", Map.of("state", "UNSUCCESSFUL")),
                    event("RegistrationNumberCancelled", Map.of("registrationNumber", "KG0107AB121", "numberStatus", "CANCELLED"))));
            loop.runOnce();
            assertThat(sync.runOnce().written()).isEqualTo(1);
            assertStatus(registry, node, TOKEN, false, "KG0107AB121", 6, 1, SUPPLY);
            assertThat(registry.isRegistered(TOKEN).send()).isFalse();
        }

        // A restart of the worker continues from its cursor: nothing re-read, nothing re-sent.
        try (ConfigurableApplicationContext ctx = WorkerRig.start(props)) {
            long nonce = nonce(node, wallet);
            TokenRegistrySync.Run run = ctx.getBean(TokenRegistryConfiguration.Mirror.class).sync().orElseThrow().runOnce();
            assertThat(run.entriesRead()).isZero();
            assertThat(run.written()).isZero();
            assertThat(nonce(node, wallet)).isEqualTo(nonce);
        }
    }

    @Test
    void blankContractAddressTurnsTheMirrorOff() throws Exception {
        PostgresDatabase db = TestPostgres.freshDatabase("worker_tokenreg_off");
        WorkerRig.createJournal(db);
        EvmNode node = TestChain.shared();
        Path[] ks = WorkerRig.keystore(tmp.resolve("ks2"), node.account(6));
        try (ConfigurableApplicationContext ctx = WorkerRig.start(WorkerRig.properties(db, node, null, ks[0], ks[1], tmp))) {
            assertThat(ctx.getBean(TokenRegistryConfiguration.Mirror.class).sync()).isEmpty();
        }
    }

    private static void assertStatus(TokenRegistry registry, EvmNode node, String token, boolean registered, String number,
                                     int state, int vaType, BigInteger quantity) throws Exception {
        Tuple6<Boolean, byte[], BigInteger, BigInteger, BigInteger, BigInteger> s =
                registry.statusOf(BigInteger.valueOf(node.chainId()), token).send();
        assertThat(s.component1()).isEqualTo(registered);
        assertThat(s.component2()).isEqualTo(number == null ? new byte[12] : TokenStatus.bytes12(number));
        assertThat(s.component3().intValue()).isEqualTo(state);
        assertThat(s.component4().intValue()).isEqualTo(vaType);
        assertThat(s.component5()).isEqualTo(quantity);
    }

    private static long nonce(EvmNode node, Credentials c) throws Exception {
        return node.web3j().ethGetTransactionCount(c.getAddress(), DefaultBlockParameterName.PENDING).send()
                .getTransactionCount().longValueExact();
    }

    private static Map<String, Object> entry(String blockchain, String token, String vaType) {
        return Map.of("blockchain", blockchain, "tokenAddress", token, "vaType", vaType, "quantity", "1000000",
                "tokenDecimals", 18, "onChainSupply", SUPPLY.toString(), "issuerFullName", "Test LLC");
    }

    private static Map<String, Object> event(String type, Map<String, Object> changes) {
        return Map.of("type", type, "paragraph", "¶", "changes", changes);
    }

    @SafeVarargs
    private static String record(String type, String emission, String number, Map<String, Object>... events) {
        Map<String, Object> subject = number == null ? Map.of("emission", emission, "issuer", B)
                : Map.of("emission", emission, "issuer", B, "registrationNumber", number);
        return new String(CanonicalJson.standard().toBytes(Map.of("v", 1, "type", type, "subject", subject,
                "at", "2026-11-26T10:00:00Z", "actorRole", "REGISTRAR", "events", java.util.List.of(events),
                "commitments", Map.of(), "documents", java.util.List.of())), StandardCharsets.UTF_8);
    }

    private static void journal(PostgresDatabase db, String canonical) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO registry.journal (record_type, record_version, canonical_json) VALUES ('X', 1, ?)")) {
            ps.setBytes(1, canonical.getBytes(StandardCharsets.UTF_8));
            ps.executeUpdate();
        }
    }
}
