package kg.vareg.backend.verification;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import kg.vareg.contracts.generated.BenchEventToken;
import kg.vareg.devstack.AnvilNode;
import kg.vareg.devstack.ContractDeployments;
import kg.vareg.testsupport.PostgresDatabase;
import kg.vareg.testsupport.TestChain;
import kg.vareg.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.tx.gas.StaticGasProvider;
import tools.jackson.databind.ObjectMapper;

/**
 * Benchmark (a program, not a test): 100k real Transfer events on a private anvil, scanned by the
 * verifier (adaptive eth_getLogs ranges, writing to real PostgreSQL), then a no-news incremental pass,
 * then a naive block-by-block eth_getLogs scan of the same blocks, in the same run. Prints figures for
 * docs/benchmarks-verifier.md. Run:
 * <pre>
 * ./mvnw -q -pl backend test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=kg.vareg.backend.verification.VerifierScanBenchmark [-Dexec.args="100000 1000 100"]
 * </pre>
 * Arguments: events, events per transaction, empty blocks mined between transactions.
 */
public final class VerifierScanBenchmark {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perTx = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int gap = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        try (AnvilNode node = TestChain.startPrivate()) {
            run(node, events, perTx, gap);
        }
        System.exit(0);
    }

    private static void run(AnvilNode node, int events, int perTx, int gap) throws Exception {
        Evm evm = new Evm(node, node.chainId());
        var gas = new StaticGasProvider(BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(29_000_000));
        String issuer = evm.address(1);
        BenchEventToken token = BenchEventToken.deploy(node.web3j(), evm.tm(0), gas, "Bench", "BNC",
                BigInteger.valueOf(6), issuer).send();
        BenchEventToken asIssuer = BenchEventToken.load(token.getContractAddress(), node.web3j(),
                ContractDeployments.transactionManager(node.web3j(), node.account(1), node.chainId()), gas);
        asIssuer.mint(issuer, BigInteger.valueOf(events)).send();
        long t0 = System.nanoTime();
        for (int sent = 0, seed = 0; sent < events; sent += perTx, seed++) {
            int count = Math.min(perTx, events - sent);
            var r = asIssuer.place(BigInteger.valueOf(seed), BigInteger.valueOf(count), BigInteger.ONE).send();
            if (!r.isStatusOK()) {
                throw new IllegalStateException("place() failed: " + r.getTransactionHash());
            }
            evm.mine(gap);
        }
        long head = evm.head();
        System.out.printf(Locale.ROOT, "generated %d Transfer events (+1 mint) in %d blocks in %.1f s%n", events, head,
                (System.nanoTime() - t0) / 1e9);

        PostgresDatabase db = TestPostgres.freshDatabase("verifierbench");
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).schemas("registry").defaultSchema("registry")
                .locations("classpath:db/migration/registry").load().migrate();
        var ds = new DriverManagerDataSource(db.jdbcUrl(), db.user(), db.password());
        var tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        JdbcClient jdbc = JdbcClient.create(ds);
        var chain = new VerifierProperties.Chain(node.chainId(), "bench", URI.create(node.rpcUrl()), 0, 2000,
                Duration.ofSeconds(30), 2, Duration.ofMillis(100), null);
        var props = new VerifierProperties(false, Duration.ofSeconds(15), Duration.ofSeconds(10), java.time.ZoneId.of("Asia/Bishkek"),
                List.of(chain), new VerifierProperties.Webhook(null, 8, Duration.ofSeconds(5)));
        ChainRegistry chains = new ChainRegistry(props, null);
        var register = new InMemoryRegisteredTokens();
        LocalDate today = LocalDate.now();
        MonitoredToken t = register.put(new MonitoredToken("KG0101BNCH1", node.chainId(), token.getContractAddress(), issuer,
                BigInteger.valueOf(events), 6, "Bench", "BNC", "DIGITAL_TOKEN", EmissionPhase.PLACEMENT, null,
                today.minusDays(1), today.plusDays(1), TokenProfile.TRANSFER, null));
        var verifier = new SupplyVerifier(chains, register, new VerificationStore(jdbc, new JdbcTemplate(ds), tx),
                new FindingStore(jdbc, tx, new ObjectMapper(), false), props, Clock.systemUTC());

        // Per range: events, fetch time (RPC + decoding, in the background) and write time (PostgreSQL).
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(SupplyVerifier.class))
                .setLevel(ch.qos.logback.classic.Level.DEBUG);
        long s0 = System.nanoTime();
        ScanOutcome first = verifier.verify(t);
        double full = (System.nanoTime() - s0) / 1e9;
        long stored = jdbc.sql("SELECT count(*) FROM registry.verifier_event").query(Long.class).single();
        System.out.printf(Locale.ROOT, "verifier initial scan: %s%n  %d events stored in %.2f s = %.0f events/s (adaptive ranges, "
                + "max 2000 blocks, PostgreSQL writes and reconciliation included)%n", first, stored, full, stored / full);

        int passes = 5;
        long n0 = System.nanoTime();
        for (int i = 0; i < passes; i++) {
            verifier.verify(t);
        }
        System.out.printf(Locale.ROOT, "no-news incremental pass: %.1f ms (mean of %d)%n", (System.nanoTime() - n0) / 1e6 / passes, passes);
        // In the same run, what the no-news pass used to do instead of reading the running totals of the token's
        // state row: sum every stored event (the former VerificationStore.totals).
        long a0 = System.nanoTime();
        for (int i = 0; i < passes; i++) {
            jdbc.sql("""
                    SELECT coalesce(sum(amount) FILTER (WHERE kind = 'MINT'), 0), coalesce(sum(amount) FILTER (WHERE kind = 'BURN'), 0),
                           coalesce(sum(amount) FILTER (WHERE kind = 'PLACEMENT'), 0), coalesce(sum(amount) FILTER (WHERE kind = 'RETURN'), 0),
                           coalesce(sum(amount) FILTER (WHERE kind = 'MINT' AND to_address = ?), 0),
                           coalesce(sum(amount) FILTER (WHERE kind = 'BURN' AND from_address = ?), 0)
                    FROM registry.verifier_event WHERE chain_id = ? AND token_address = ?""")
                    .params(t.issuerWallet(), t.issuerWallet(), t.chainId(), t.tokenAddress()).query().listOfRows();
        }
        System.out.printf(Locale.ROOT, "  former per-pass aggregation over the %d stored events (replaced by the running totals): %.1f ms%n",
                stored, (System.nanoTime() - a0) / 1e6 / passes);

        ChainGateway gateway = chains.byId(node.chainId()).orElseThrow();
        List<String> topics = EventDecoder.topicsFor(TokenProfile.TRANSFER);
        long creation = jdbc.sql("SELECT creation_block FROM registry.verifier_token_state").query(Long.class).single();
        long b0 = System.nanoTime();
        long naiveEvents = 0;
        for (long b = creation; b <= head; b++) {
            naiveEvents += gateway.logs(token.getContractAddress(), b, b, topics).stream()
                    .flatMap(l -> EventDecoder.decode(l, t).stream()).count();
        }
        double naive = (System.nanoTime() - b0) / 1e9;
        System.out.printf(Locale.ROOT, "naive block-by-block scan: %d blocks, %d events in %.2f s = %.0f events/s "
                + "(eth_getLogs per block, decoding only, no database writes)%n", head - creation + 1, naiveEvents, naive,
                naiveEvents / naive);
        System.out.printf(Locale.ROOT, "machine: %d cores, %s, %d MB max heap, Java %s%n",
                Runtime.getRuntime().availableProcessors(), cpu(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }
}
