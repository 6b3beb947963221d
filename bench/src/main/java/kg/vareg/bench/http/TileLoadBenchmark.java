package kg.vareg.bench.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import kg.vareg.bench.BenchDatabase;
import kg.vareg.bench.log.LogLoader;
import kg.vareg.ledger.checkpoint.Checkpoint;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.tile.TileId;
import kg.vareg.ledger.tile.TileProofs;

/**
 * Item 4 (tile part) of issue 16: GET /log/tile/... over a log of N (default 1,000,000) entries, random full
 * level-0 and level-1 tiles, against the real backend jar; baseline in the same run: the JSON inclusion proof
 * API on the same log. The load generator (this JVM) is pinned to CPU 0 and the backend to CPU 1 with
 * {@code taskset}. Before the load, a proof built from tiles over HTTP is checked equal to the API's.
 * Options: --entries N --seconds S --clients C. Prints figures; fails only on wrong answers.
 */
public final class TileLoadBenchmark {

    private TileLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new java.util.HashMap<>(Map.of("entries", "1000000", "seconds", "20", "clients", "16"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        long n = Long.parseLong(o.get("entries"));
        Duration load = Duration.ofSeconds(Long.parseLong(o.get("seconds")));
        int clients = Integer.parseInt(o.get("clients"));
        Path logFile = Path.of(System.getProperty("java.io.tmpdir"), "bench-backend-tiles.log");
        try (BenchDatabase db = BenchDatabase.start()) {
            db.migrateLog();
            try (BackendProcess backend = BackendProcess.start(db, BackendProcess.DOCKERFILE_JVM_FLAGS, logFile)) {
                Sha256Hash root = LogLoader.load(db.dataSource(), n);
                System.out.printf("log: %,d entries, root %s%n", n, root);
                pin(ProcessHandle.current().pid(), "0");
                pin(backend.pid(), "1");
                checkProofFromTiles(backend.baseUrl(), n, root);
                long fullTiles0 = n / 256;
                long fullTiles1 = n / 65536;
                SplittableRandom rnd = new SplittableRandom(16);
                String[] tilePaths = new String[1 << 16];
                for (int i = 0; i < tilePaths.length; i++) {
                    tilePaths[i] = "/log/" + (fullTiles1 > 0 && i % 8 == 0
                            ? TileId.hashes(1, rnd.nextLong(fullTiles1), 256)
                            : TileId.hashes(0, rnd.nextLong(fullTiles0), 256)).path();
                }
                long[] indexes = rnd.longs(1 << 16, 0, n).toArray();
                Duration warm = Duration.ofSeconds(Math.max(1, load.toSeconds() / 4));
                LoadGenerator.run(backend.baseUrl(), i -> tilePaths[(int) (i & 0xFFFF)], clients, warm);
                LoadGenerator.run(backend.baseUrl(), i -> proof(indexes, i, n), clients, warm);
                LoadGenerator.Result tiles = LoadGenerator.run(backend.baseUrl(), i -> tilePaths[(int) (i & 0xFFFF)],
                        clients, load);
                LoadGenerator.Result proofs = LoadGenerator.run(backend.baseUrl(), i -> proof(indexes, i, n), clients, load);
                System.out.printf("tiles. GET /log/tile/<L>/<N> (full, random, %,d entries): %s%n", n, tiles);
                System.out.printf("tiles. baseline, same run: GET /api/v1/public/log/proofs/inclusion: %s%n", proofs);
                System.out.printf("tiles. ratio: %.2f× the proof API's requests/s%n", tiles.perSecond() / proofs.perSecond());
                if (tiles.errors() > 0 || proofs.errors() > 0) {
                    throw new IllegalStateException("non-200 answers under load (see " + logFile + ")");
                }
            }
        }
    }

    private static String proof(long[] indexes, long i, long n) {
        return "/api/v1/public/log/proofs/inclusion?index=" + indexes[(int) (i & 0xFFFF)] + "&treeSize=" + n;
    }

    private static void pin(long pid, String cpus) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("taskset -a -p -c " + cpus + " " + pid + " failed");
        }
    }

    private static void checkProofFromTiles(String base, long n, Sha256Hash root) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long index = n / 3;
        var fromTiles = TileProofs.inclusionProof(t -> {
            try {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/log/" + t.path())).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IOException(t.path() + ": HTTP " + r.statusCode());
                }
                return r.body();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }, new Checkpoint("vareg.kg/bench", n, root), index);
        HttpResponse<byte[]> api = http.send(HttpRequest.newBuilder(URI.create(base + proof(new long[] {index}, 0, n)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) kg.vareg.ledger.json.CanonicalJson.standard().parse(api.body());
        List<String> apiPath = new ArrayList<>();
        ((List<?>) p.get("inclusionPath")).forEach(x -> apiPath.add((String) x));
        if (!fromTiles.path().stream().map(Sha256Hash::toHex).toList().equals(apiPath)) {
            throw new IllegalStateException("the proof built from tiles differs from the API's");
        }
        System.out.printf("check: inclusion proof of %,d built from %s tiles equals the API's%n", index, "HTTP");
    }
}
