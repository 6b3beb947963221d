package kg.vareg.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kg.vareg.bench.http.ReadLoadBenchmark;
import kg.vareg.bench.log.IntegrationBenchmark;
import kg.vareg.bench.log.LeafRebuildBaseline;
import kg.vareg.bench.log.LogLoader;
import kg.vareg.common.logstore.PostgresHashStore;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.merkle.InMemoryHashStore;
import kg.vareg.ledger.merkle.MerkleProofs;
import org.junit.jupiter.api.Test;

/**
 * Each benchmark program end-to-end on a tiny size, so they cannot rot: they still compile, run, and measure
 * the right thing (correct trees, proofs that verify, 200 answers). No stopwatch is asserted.
 */
class BenchmarksSmokeIT {

    @Test
    void integrationBenchmarkIntegratesEveryRowIntoACorrectTree() {
        IntegrationBenchmark b = new IntegrationBenchmark();
        b.rows = 300;
        b.batchSize = 64;
        b.start();
        try {
            b.journal();
            assertThat(b.integrate()).isEqualTo(300);
            b.batchSize = 1; // the baseline path
            b.rows = 20;
            b.journal();
            assertThat(b.integrate()).isEqualTo(20);
            InMemoryHashStore expected = new InMemoryHashStore();
            for (int i = 1; i <= 320; i++) {
                expected.appendLeafHashes(List.of(TreeHasher.leafHash(
                        ("{\"n\":" + i + ",\"type\":\"BENCH\"}").getBytes(StandardCharsets.UTF_8))));
            }
            var jdbc = b.jdbcForTests();
            assertThat(MerkleProofs.root(PostgresHashStore.open(jdbc), 320)).isEqualTo(MerkleProofs.root(expected, 320));
        } finally {
            b.stop();
        }
    }

    @Test
    void loaderAndRebuildBaselineAgreeWithTheStoredTree() throws Exception {
        try (BenchDatabase db = BenchDatabase.start()) {
            db.migrateRegistry();
            db.migrateLog();
            Sha256Hash root = LogLoader.load(db.dataSource(), 1000);
            PostgresHashStore store = PostgresHashStore.open(db.jdbc());
            assertThat(MerkleProofs.root(store, 1000)).isEqualTo(root);
            for (long i : new long[] {0, 1, 511, 512, 999}) {
                assertThat(LeafRebuildBaseline.proof(db.jdbc(), i, 1000))
                        .isEqualTo(MerkleProofs.inclusionProof(store, i, 1000));
            }
        }
    }

    @Test
    void readLoadBenchmarkRunsAgainstTheBackendJar() throws Exception {
        List<String> lines = new ArrayList<>();
        ReadLoadBenchmark.Figures f = ReadLoadBenchmark.run(Map.of("entries", "3000", "emissions", "25", "seconds", "1",
                "clients", "2", "baseline-proofs", "3", "jvm", "-Xmx256m"), lines::add);
        assertThat(f.proofs().requests()).isPositive();
        assertThat(f.proofs().errors()).isZero();
        assertThat(f.register().requests()).isPositive();
        assertThat(f.register().errors()).isZero();
        assertThat(f.peakRssKiB()).isPositive();
        assertThat(f.baselineProofsPerSecond()).isPositive();
        assertThat(lines).anyMatch(l -> l.startsWith("2. inclusion proofs over HTTP"))
                .anyMatch(l -> l.startsWith("4. GET")).anyMatch(l -> l.startsWith("6. backend VmRSS"));
    }

    @Test
    void warmStartScriptIsValidBashAndDrivesStartSh() throws Exception {
        Path script = Path.of(System.getProperty("vareg.root", "..")).resolve("bench/warm-start.sh");
        Process p = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
        assertThat(Files.readString(script)).contains("./start.sh --data").contains("kill -TERM -- \"-$pid\"");
        assertThat(Files.isExecutable(script)).isTrue();
    }
}
