package kg.vareg.bench.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import kg.vareg.bench.BenchDatabase;
import kg.vareg.bench.log.LeafRebuildBaseline;
import kg.vareg.bench.log.LogLoader;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.merkle.InclusionProof;
import kg.vareg.ledger.verify.MerkleVerifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmarks 2, 4 and 6 in one run against the real backend jar:
 * <ul>
 *   <li>2: GET /api/v1/public/log/proofs/inclusion?index=i&treeSize=N over a log of N (default 1,000,000)
 *       entries, random i; baseline: the same proofs rebuilt from the N leaf hashes (same database, same run);</li>
 *   <li>4: GET /api/v1/public/register/{number} over E (default 10,000) registered emissions, random number;</li>
 *   <li>6: peak VmRSS of the backend process during both loads.</li>
 * </ul>
 * Options: --entries N --emissions E --seconds S (per load) --clients C --baseline-proofs B --jvm "flags"
 * --jfr file.jfr. Prints figures; never fails on a stopwatch (only on wrong answers).
 */
public final class ReadLoadBenchmark {

    public record Figures(LoadGenerator.Result proofs, double baselineProofsPerSecond, double baselineMeanMillis,
                          LoadGenerator.Result register, long peakRssKiB) {
    }

    private ReadLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(options(args), System.out::println);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new java.util.HashMap<>(Map.of("entries", "1000000", "emissions", "10000", "seconds", "20",
                "clients", "16", "baseline-proofs", "20", "jvm", String.join(" ", BackendProcess.DOCKERFILE_JVM_FLAGS)));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return o;
    }

    public static Figures run(Map<String, String> o, java.util.function.Consumer<String> say) throws Exception {
        long n = Long.parseLong(o.get("entries"));
        int emissions = Integer.parseInt(o.get("emissions"));
        Duration load = Duration.ofSeconds(Long.parseLong(o.get("seconds")));
        int clients = Integer.parseInt(o.get("clients"));
        int baselineProofs = Integer.parseInt(o.get("baseline-proofs"));
        List<String> jvm = new ArrayList<>(List.of(o.get("jvm").isBlank() ? new String[0] : o.get("jvm").split(" ")));
        if (o.containsKey("jfr")) {
            jvm.add("-XX:StartFlightRecording=filename=" + o.get("jfr") + ",settings=profile,dumponexit=true");
        }
        Path logFile = Path.of(System.getProperty("java.io.tmpdir"), "bench-backend.log");
        try (BenchDatabase db = BenchDatabase.start()) {
            db.migrateLog();
            say.accept("backend: starting " + jvm + " (log " + logFile + ")");
            try (BackendProcess backend = BackendProcess.start(db, jvm, logFile)) {
                JdbcTemplate jdbc = db.jdbc();
                long t0 = System.nanoTime();
                Sha256Hash root = LogLoader.load(db.dataSource(), n);
                say.accept(String.format("log: %,d entries loaded in %.1f s, root %s", n, (System.nanoTime() - t0) / 1e9, root));
                RegisterSeeder.seed(jdbc, emissions);
                say.accept(String.format("register: %,d emissions seeded", emissions));
                long idleRss = backend.rssKiB();

                // Correctness first: one proof from the API verifies against the loaded root.
                verifyOneProof(backend, n, root);
                SplittableRandom rnd = new SplittableRandom(42);
                long[] indexes = rnd.longs(1 << 16, 0, n).toArray();
                int[] regs = rnd.ints(1 << 16, 0, emissions).toArray();

                // Warm-up (JIT, connection pool), not measured.
                Duration warm = Duration.ofSeconds(Math.max(1, load.toSeconds() / 4));
                LoadGenerator.run(backend.baseUrl(), i -> proofPath(indexes, i, n), clients, warm);
                LoadGenerator.run(backend.baseUrl(), i -> "/api/v1/public/register/" + RegisterSeeder.number(regs[(int) (i & 0xFFFF)]), clients, warm);

                LoadGenerator.Result[] proofs = new LoadGenerator.Result[1];
                LoadGenerator.Result[] register = new LoadGenerator.Result[1];
                long peak = backend.peakRssDuring(() -> {
                    try {
                        proofs[0] = LoadGenerator.run(backend.baseUrl(), i -> proofPath(indexes, i, n), clients, load);
                        register[0] = LoadGenerator.run(backend.baseUrl(),
                                i -> "/api/v1/public/register/" + RegisterSeeder.number(regs[(int) (i & 0xFFFF)]), clients, load);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
                say.accept("2. inclusion proofs over HTTP at " + String.format("%,d", n) + " entries: " + proofs[0]);
                say.accept("4. GET /api/v1/public/register/{number} (" + emissions + " emissions): " + register[0]);
                say.accept(String.format("6. backend VmRSS: idle after start %,d KiB, peak under the read load %,d KiB (%.0f MB)",
                        idleRss, peak, peak / 1024.0));

                // Baseline of 2: rebuild the path from the leaves (in-process, same DB), proofs checked too.
                long b0 = System.nanoTime();
                for (int i = 0; i < baselineProofs; i++) {
                    long index = indexes[i];
                    InclusionProof p = LeafRebuildBaseline.proof(jdbc, index, n);
                    MerkleVerifier.verifyInclusion(p, TreeHasher.leafHash(LogLoader.entry(index + 1)), root);
                }
                double baseSeconds = (System.nanoTime() - b0) / 1e9;
                double basePerSecond = baselineProofs / baseSeconds;
                say.accept(String.format("2. baseline (rebuild the path from %,d leaf hashes): %.2f proofs/s, mean %.0f ms (%d proofs, 1 thread)",
                        n, basePerSecond, baseSeconds * 1000 / baselineProofs, baselineProofs));
                say.accept(String.format("2. ratio: %,.0f× (HTTP, %d clients) vs the baseline", proofs[0].perSecond() / basePerSecond, clients));
                if (proofs[0].errors() > 0 || register[0].errors() > 0) {
                    throw new IllegalStateException("non-200 answers under load: proofs " + proofs[0].errors()
                            + ", register " + register[0].errors() + " (see " + logFile + ")");
                }
                return new Figures(proofs[0], basePerSecond, baseSeconds * 1000 / baselineProofs, register[0], peak);
            }
        }
    }

    private static String proofPath(long[] indexes, long i, long n) {
        return "/api/v1/public/log/proofs/inclusion?index=" + indexes[(int) (i & 0xFFFF)] + "&treeSize=" + n;
    }

    private static void verifyOneProof(BackendProcess backend, long n, Sha256Hash root) throws Exception {
        long index = n / 3;
        var http = java.net.http.HttpClient.newHttpClient();
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(backend.baseUrl()
                + "/api/v1/public/log/proofs/inclusion?index=" + index + "&treeSize=" + n)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("proof API answered HTTP " + r.statusCode() + ": " + new String(r.body()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) kg.vareg.ledger.json.CanonicalJson.standard().parse(r.body());
        List<String> path = new ArrayList<>();
        ((List<?>) p.get("inclusionPath")).forEach(x -> path.add((String) x));
        MerkleVerifier.verifyInclusion(new InclusionProof(index, n, kg.vareg.ledger.verify.ProofCodec.hexHashes(path)),
                TreeHasher.leafHash(LogLoader.entry(index + 1)), root);
    }
}
