package kg.vareg.devstack;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.tx.Transfer;
import org.web3j.utils.Convert;

/**
 * The whole stack on one machine with no external services: embedded PostgreSQL (data under
 * data/postgres), the local EVM node (state under data/chain), the contracts deployed once, dev keys,
 * the backend on :8080 and the anchoring worker. Ctrl-C stops everything in reverse order.
 */
public final class DevStack {
    private final Path root = ProjectPaths.root();
    private final Path data;
    private final boolean demo;
    private final int httpPort = intEnv("VAREG_HTTP_PORT", 8080);
    private final int workerPort = intEnv("VAREG_WORKER_PORT", 8081);
    private final int chainPort = intEnv("VAREG_CHAIN_PORT", 8545);
    private final int postgresPort = intEnv("VAREG_POSTGRES_PORT", 54329);
    private final List<AutoCloseable> running = new ArrayList<>();

    private DevStack(Path data, boolean demo) {
        this.data = data;
        this.demo = demo;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("deploy")) {
            DeployCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Path data = null;
        boolean demo = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--demo" -> demo = true;
                case "--data" -> data = Path.of(args[++i]);
                case "--help", "-h" -> {
                    System.out.println("usage: DevStack [--data DIR] [--demo] | deploy --help   (ports: VAREG_HTTP_PORT, VAREG_WORKER_PORT, VAREG_CHAIN_PORT, VAREG_POSTGRES_PORT)");
                    return;
                }
                default -> fail("unknown option " + args[i] + " (try --help)");
            }
        }
        DevStack stack = new DevStack(data != null ? data : ProjectPaths.root().resolve("data"), demo);
        try {
            stack.run();
        } catch (RuntimeException e) {
            stack.stop();
            fail(e.getMessage());
        }
    }

    private void run() {
        Instant started = Instant.now();
        checkPortsFree();
        Path backendJar = jar("backend", "vareg-backend.jar");
        Path workerJar = jar("anchoring-worker", "vareg-anchoring-worker.jar");
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "devstack-stop"));

        say("PostgreSQL: starting on port " + postgresPort + ", data in " + data.resolve("postgres"));
        LocalPostgres postgres = LocalPostgres.startPersistent(data.resolve("postgres"), postgresPort);
        running.add(postgres);
        postgres.ensureDatabase("vareg");

        say("EVM node (anvil): starting on port " + chainPort + ", state in " + data.resolve("chain"));
        AnvilNode node = AnvilNode.startPersistent(chainPort, AnvilNode.DEFAULT_CHAIN_ID,
                data.resolve("chain/state.json"), data.resolve("logs/anvil.log"));
        running.add(node);

        DevKeys keys = DevKeys.ensure(data.resolve("keys"));
        var anchorer = keys.anchoringWallet();
        fund(node, anchorer.getAddress());
        var deployed = ContractDeployments.ensureDeployed(node, data.resolve("contracts.properties"), node.account(0),
                anchorer.getAddress(), node.account(1).getAddress(), this::say);
        say((deployed.reused() ? "Contracts reused: " : "Contracts deployed: ") + "RegistryAnchor " + deployed.anchorAddress()
                + ", TokenRegistry " + deployed.tokenRegistryAddress() + ", TestIssuerToken " + deployed.tokenAddress());

        List<String> common = List.of(
                "--spring.datasource.url=" + postgres.jdbcUrl("vareg"),
                "--spring.datasource.username=" + postgres.user(),
                "--spring.datasource.password=" + postgres.password(),
                "--vareg.chain.rpc-url=" + node.rpcUrl(),
                "--vareg.chain.chain-id=" + node.chainId(),
                "--vareg.anchor.contract-address=" + deployed.anchorAddress(),
                "--vareg.token-registry.contract-address=" + deployed.tokenRegistryAddress());
        List<String> backendArgs = new ArrayList<>(common);
        backendArgs.add("--server.port=" + httpPort);
        backendArgs.add("--vareg.demo.enabled=" + demo);
        backendArgs.add("--vareg.demo.token-address=" + deployed.tokenAddress());
        if (demo) backendArgs.add("--vareg.demo.accounts-file=" + DemoLogins.ensure(data, this::say).toAbsolutePath());
        List<String> workerArgs = new ArrayList<>(common);
        workerArgs.add("--server.port=" + workerPort);
        workerArgs.add("--vareg.anchoring.keystore-path=" + keys.keystore());
        workerArgs.add("--vareg.anchoring.keystore-passphrase-file=" + keys.keystorePassphraseFile());
        workerArgs.add("--vareg.checkpoint.signing-key-path=" + keys.signingKey());
        workerArgs.add("--vareg.checkpoint.signing-key-passphrase-file=" + keys.signingKeyPassphraseFile());
        workerArgs.add("--vareg.checkpoint.generate-if-missing=true");

        JavaApp backend = JavaApp.start("backend", backendJar, backendArgs, data.resolve("logs/backend.log"));
        running.add(backend);
        awaitHealthy("backend", backend, "http://localhost:" + httpPort + "/actuator/health");
        JavaApp worker = JavaApp.start("anchoring-worker", workerJar, workerArgs, data.resolve("logs/anchoring-worker.log"));
        running.add(worker);
        awaitHealthy("anchoring-worker", worker, "http://localhost:" + workerPort + "/actuator/health");

        say("vareg is up in " + Duration.between(started, Instant.now()).toMillis() / 1000.0 + " s: http://localhost:" + httpPort
                + "  (logs in " + data.resolve("logs") + "; Ctrl-C stops everything)");
        JavaApp died = JavaApp.awaitFirstExit(List.of(backend, worker));
        say(died.name() + " stopped (exit code " + died.exitCode() + "); see " + died.log() + ". Stopping the stack.");
        stop();
        System.exit(1);
    }

    private void checkPortsFree() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("VAREG_HTTP_PORT", httpPort);
        ports.put("VAREG_WORKER_PORT", workerPort);
        ports.put("VAREG_CHAIN_PORT", chainPort);
        ports.put("VAREG_POSTGRES_PORT", postgresPort);
        ports.forEach((variable, port) -> {
            if (!FreePort.isFree(port)) {
                throw new IllegalStateException("port " + port + " is taken: stop what listens there (e.g. another vareg) or set "
                        + variable);
            }
        });
    }

    private Path jar(String module, String name) {
        Path jar = root.resolve(module).resolve("target").resolve(name);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests install (./start.sh does it)");
        }
        return jar;
    }

    static void fund(EvmNode node, String address) {
        try {
            BigInteger balance = node.web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
            if (balance.compareTo(Convert.toWei(BigDecimal.TEN, Convert.Unit.ETHER).toBigInteger()) < 0) {
                new Transfer(node.web3j(), ContractDeployments.transactionManager(node.web3j(), node.account(0), node.chainId()))
                        .sendFunds(address, BigDecimal.valueOf(1000), Convert.Unit.ETHER).send();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot fund the anchoring wallet " + address + ": " + e.getMessage(), e);
        }
    }

    private void awaitHealthy(String name, JavaApp app, String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up (code " + app.exitCode() + "); see " + app.log());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    say(name + " is UP: " + url);
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " did not become healthy within 3 minutes (last: " + last + "); see " + app.log());
    }

    private synchronized void stop() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("vareg: while stopping: " + e.getMessage());
            }
        }
        running.clear();
    }

    private void say(String line) {
        System.out.println("vareg: " + line);
    }

    private static void fail(String reason) {
        System.err.println("vareg: " + reason);
        System.exit(1);
    }

    private static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
