package kg.vareg.worker;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kg.vareg.contracts.generated.RegistryAnchor;
import kg.vareg.devstack.ContractDeployments;
import kg.vareg.devstack.EvmNode;
import kg.vareg.testsupport.PostgresDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.tx.gas.DefaultGasProvider;

/** Test plumbing for the worker: the journal table, a deployed anchor contract, a keystore, a context. */
final class WorkerRig {

    private WorkerRig() {
    }

    /**
     * The journal table exactly as the backend's registry V1__baseline.sql creates it (the worker must
     * not depend on the backend module, so the DDL is repeated here).
     */
    static void createJournal(PostgresDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS registry");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS registry.journal (
                        id              BIGSERIAL   PRIMARY KEY,
                        txid            XID8        NOT NULL DEFAULT pg_current_xact_id(),
                        record_type     TEXT        NOT NULL,
                        record_version  INT         NOT NULL,
                        canonical_json  BYTEA       NOT NULL,
                        created_at      TIMESTAMPTZ NOT NULL DEFAULT now())""");
        }
    }

    static String entry(int i) {
        return "{\"n\":" + i + ",\"type\":\"TEST\"}";
    }

    /** Inserts {@code count} journal rows, each in its own transaction, numbered from {@code first}. */
    static void insertJournal(PostgresDatabase db, int first, int count) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO registry.journal (record_type, record_version, canonical_json) VALUES ('TEST', 1, ?)")) {
            for (int i = first; i < first + count; i++) {
                ps.setBytes(1, entry(i).getBytes(StandardCharsets.UTF_8));
                ps.executeUpdate();
            }
        }
    }

    /** Deploys RegistryAnchor with {@code anchorer} holding ANCHORER_ROLE. */
    static String deployAnchor(EvmNode node, Credentials admin, String anchorer) throws Exception {
        return RegistryAnchor.deploy(node.web3j(),
                ContractDeployments.transactionManager(node.web3j(), admin, node.chainId()),
                new DefaultGasProvider(), admin.getAddress(), anchorer).send().getContractAddress();
    }

    /** A web3j keystore (light scrypt, tests only) for {@code wallet} plus its passphrase file. */
    static Path[] keystore(Path dir, Credentials wallet) throws Exception {
        Files.createDirectories(dir);
        String file = WalletUtils.generateWalletFile("test-pass", wallet.getEcKeyPair(), dir.toFile(), false);
        Path pass = dir.resolve("keystore.pass");
        Files.writeString(pass, "test-pass\n");
        return new Path[] {dir.resolve(file), pass};
    }

    static Map<String, Object> properties(PostgresDatabase db, EvmNode node, String contract, Path keystore,
                                          Path keystorePass, Path keyDir) {
        Map<String, Object> p = new HashMap<>();
        p.put("spring.datasource.url", db.jdbcUrl());
        p.put("spring.datasource.username", db.user());
        p.put("spring.datasource.password", db.password());
        p.put("vareg.chain.rpc-url", node.rpcUrl());
        p.put("vareg.chain.chain-id", Long.toString(node.chainId()));
        p.put("vareg.chain.request-timeout", "PT3S");
        p.put("vareg.anchor.contract-address", contract == null ? "" : contract);
        p.put("vareg.anchoring.keystore-path", keystore == null ? "" : keystore.toString());
        p.put("vareg.anchoring.keystore-passphrase-file", keystorePass == null ? "" : keystorePass.toString());
        p.put("vareg.anchoring.scheduling-enabled", "false");
        p.put("vareg.anchoring.confirmations", "2");
        p.put("vareg.anchoring.batch-size", "5");
        p.put("vareg.anchoring.max-delay", "PT1H");
        p.put("vareg.checkpoint.signing-key-path", keyDir.resolve("checkpoint.pem").toString());
        p.put("vareg.checkpoint.signing-key-passphrase-file", keyDir.resolve("checkpoint.pass").toString());
        p.put("vareg.checkpoint.generate-if-missing", "true");
        p.put("server.port", "0");
        return p;
    }

    static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return start(properties, ctx -> { });
    }

    static ConfigurableApplicationContext start(Map<String, Object> properties,
            org.springframework.context.ApplicationContextInitializer<ConfigurableApplicationContext> extra) {
        // addFirst: test settings must beat application.yml (builder properties are only defaults).
        return new SpringApplicationBuilder(AnchoringWorkerApplication.class)
                .initializers(ctx -> ctx.getEnvironment().getPropertySources()
                        .addFirst(new org.springframework.core.env.MapPropertySource("worker-test", properties)), extra)
                .run();
    }

    static void mine(EvmNode node, int blocks) throws Exception {
        for (int i = 0; i < blocks; i++) {
            new Request<>("evm_mine", List.of(), new org.web3j.protocol.http.HttpService(node.rpcUrl()), Response.class)
                    .send();
        }
    }

    static String rpc(EvmNode node, String method, List<?> params) throws Exception {
        Response<?> r = new Request<>(method, params, new org.web3j.protocol.http.HttpService(node.rpcUrl()),
                StringResponse.class).send();
        if (r.hasError()) {
            throw new IllegalStateException(method + ": " + r.getError().getMessage());
        }
        return String.valueOf(r.getResult());
    }

    public static final class StringResponse extends Response<Object> {
    }

    static BigInteger count(RegistryAnchor anchor) throws Exception {
        return anchor.checkpointCount().send();
    }
}
