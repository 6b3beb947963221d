package kg.vareg.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kg.vareg.contracts.generated.RegistryAnchor;
import kg.vareg.devstack.ContractDeployments;
import kg.vareg.devstack.EvmNode;
import kg.vareg.devstack.FreePort;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * The register as deployed: the backend jar and the anchoring-worker jar as processes on one database and one
 * chain, with a {@link RegistryAnchor} of their own whose anchorer is the worker's keystore wallet.
 */
final class Stack implements AutoCloseable {
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    final Path dir;
    final Db db;
    final EvmNode chain;
    final String anchorAddress;
    final AppProcess backend;
    final AppProcess worker;
    final Api api;
    final Api.Account registrar;

    private Stack(Path dir, Db db, EvmNode chain, String anchorAddress, AppProcess backend, AppProcess worker,
            Api.Account registrar) {
        this.dir = dir;
        this.db = db;
        this.chain = chain;
        this.anchorAddress = anchorAddress;
        this.backend = backend;
        this.worker = worker;
        this.api = new Api(backend.url(""));
        this.registrar = registrar;
    }

    /**
     * Starts backend and worker (in parallel: they only share the database, whose schemas each migrates itself) and
     * waits for both to be healthy. {@code wallet} is a funded dev account that becomes the anchorer.
     */
    static Stack start(Path dir, Db db, EvmNode chain, Credentials wallet, List<String> extraWorkerProperties) throws Exception {
        Files.createDirectories(dir.resolve("keys"));
        String anchor = deployAnchor(chain, wallet.getAddress());
        List<String> common = List.of(
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                // How long a request waits for a database connection before its 503 (Hikari's default is 30 s).
                "--spring.datasource.hikari.connection-timeout=2000",
                "--vareg.chain.rpc-url=" + chain.rpcUrl(),
                "--vareg.chain.chain-id=" + chain.chainId(),
                "--vareg.anchor.contract-address=" + anchor);
        List<String> backendProps = new ArrayList<>(common);
        // The verifier CLI's audit reads every entry anonymously: the public rate limit is not under test here.
        backendProps.add("--vareg.security.rate-limit.capacity=1000000");
        backendProps.add("--vareg.security.rate-limit.refill=1000000");
        AppProcess backend = AppProcess.start("backend", AppProcess.jar("backend", "vareg-backend.jar"), FreePort.find(),
                backendProps, dir.resolve("logs/backend.log"));
        AppProcess worker = startWorker(dir, db, chain, anchor, wallet, extraWorkerProperties);
        try {
            backend.awaitHealthy(START_TIMEOUT);
            worker.awaitHealthy(START_TIMEOUT);
        } catch (RuntimeException e) {
            backend.stop();
            worker.stop();
            throw e;
        }
        Api.Account registrar = new Api.Account("fault-registrar", "fault-registrar-password");
        addUser(db, registrar, "REGISTRAR", null);
        return new Stack(dir, db, chain, anchor, backend, worker, registrar);
    }

    /** The anchoring worker alone, tuned to anchor within about a second of a change. */
    static AppProcess startWorker(Path dir, Db db, EvmNode chain, String anchor, Credentials wallet, List<String> extra)
            throws Exception {
        Path keys = dir.resolve("keys");
        Files.createDirectories(keys);
        Path pass = keys.resolve("wallet.pass");
        Path keystore = keys.resolve("wallet.json");
        if (!Files.exists(keystore)) {
            Files.writeString(pass, "fault-test-wallet-passphrase\n");
            String file = WalletUtils.generateWalletFile("fault-test-wallet-passphrase", wallet.getEcKeyPair(), keys.toFile(), false);
            Files.move(keys.resolve(file), keystore);
        }
        List<String> props = new ArrayList<>(List.of(
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.datasource.hikari.connection-timeout=2000",
                "--vareg.chain.rpc-url=" + chain.rpcUrl(),
                "--vareg.chain.chain-id=" + chain.chainId(),
                "--vareg.anchor.contract-address=" + anchor,
                "--vareg.anchoring.keystore-path=" + keystore,
                "--vareg.anchoring.keystore-passphrase-file=" + pass,
                "--vareg.checkpoint.signing-key-path=" + keys.resolve("checkpoint-ed25519.pem"),
                "--vareg.checkpoint.signing-key-passphrase-file=" + keys.resolve("checkpoint.pass"),
                "--vareg.checkpoint.generate-if-missing=true",
                // Compressed time: anchor after 1 s (production: 60 s or 100 entries); anvil mines on demand, so 1
                // confirmation (the reorg case is WorkerFaultsIT's).
                "--vareg.anchoring.max-delay=PT1S",
                "--vareg.anchoring.poll-interval=PT0.5S",
                "--vareg.anchoring.confirmations=1"));
        props.addAll(extra);
        return AppProcess.start("anchoring-worker", AppProcess.jar("anchoring-worker", "vareg-anchoring-worker.jar"),
                FreePort.find(), props, dir.resolve("logs/anchoring-worker.log"));
    }

    static String deployAnchor(EvmNode chain, String anchorer) throws Exception {
        var admin = chain.account(0);
        return RegistryAnchor.deploy(chain.web3j(), ContractDeployments.transactionManager(chain.web3j(), admin, chain.chainId()),
                new DefaultGasProvider(), admin.getAddress(), anchorer).send().getContractAddress();
    }

    RegistryAnchor anchor() {
        return RegistryAnchor.load(anchorAddress, chain.web3j(),
                ContractDeployments.transactionManager(chain.web3j(), chain.account(0), chain.chainId()), new DefaultGasProvider());
    }

    /** The size of the latest checkpoint on the contract. */
    long anchoredSize() {
        try {
            return anchor().latestCheckpoint().send().component1().longValueExact();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the contract: " + e.getMessage(), e);
        }
    }

    /** A user written straight into registry.app_user (bcrypt cost 4: logins cheap on a loaded test machine). */
    static void addUser(Db db, Api.Account account, String role, java.util.UUID issuerId) {
        db.update("INSERT INTO registry.app_user (username, password_hash, role, issuer_id) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (username) DO NOTHING",
                account.username(), "{bcrypt}" + BCrypt.hashpw(account.password(), BCrypt.gensalt(4)), role, issuerId);
    }

    /** {@code vareg-verify audit} (verifier-cli's shaded jar, a process) against this backend and contract. */
    Cli.Result audit() {
        return Cli.run("audit", "--backend", backend.url(""), "--rpc", chain.rpcUrl(), "--contract", anchorAddress);
    }

    /** What the database and the backend are doing (sessions, waits, request threads), for a failure message. */
    String diagnose() {
        StringBuilder sb = new StringBuilder("pg_stat_activity:\n");
        try {
            for (List<Object> row : db.query("SELECT pid, state, wait_event_type, wait_event, now() - xact_start, left(query, 160)"
                    + " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
                sb.append("  ").append(row).append('\n');
            }
        } catch (RuntimeException e) {
            sb.append("  ").append(e.getMessage()).append('\n');
        }
        String dump = backend.threadDump();
        sb.append("backend request threads:\n");
        for (String thread : dump.split("\n\n")) {
            if (thread.contains("-exec-") && thread.contains("kg.vareg")) {
                sb.append(thread).append("\n\n");
            }
        }
        return sb.toString();
    }

    long journalRows() {
        return db.number("SELECT count(*) FROM registry.journal");
    }

    long leaves() {
        return db.number("SELECT count(*) FROM log.leaves");
    }

    @Override
    public void close() {
        worker.stop();
        backend.stop();
    }
}
