package kg.vareg.bench.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import kg.vareg.bench.BenchDatabase;
import kg.vareg.devstack.FreePort;

/**
 * The backend jar (backend/target/vareg-backend.jar) as a child process against the benchmark database, with
 * the JVM flags of backend/Dockerfile (production) unless told otherwise. No chain node: the read API does
 * not need one (health reports the chain DOWN, which the benchmarks ignore).
 */
public final class BackendProcess implements AutoCloseable {

    public static final List<String> DOCKERFILE_JVM_FLAGS = List.of("-XX:MaxRAMPercentage=75");

    private final Process process;
    private final int port;

    private BackendProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static BackendProcess start(BenchDatabase db, List<String> jvmFlags, Path log) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("vareg.root", ".")).resolve("backend/target/vareg-backend.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -q -pl backend -am install -DskipTests)");
        }
        int port = FreePort.find();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--vareg.chain.rpc-url=http://127.0.0.1:1",
                "--vareg.chain.chain-id=31337", "--logging.level.root=WARN",
                // All load comes from one client address: the public per-address rate limit (a protection,
                // docs/security.md T6) would answer 429 to nearly everything; the benchmark measures the server.
                "--vareg.security.rate-limit.enabled=false"));
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        BackendProcess b = new BackendProcess(p, port);
        b.awaitListening(log);
        return b;
    }

    private void awaitListening(Path log) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the backend exited (code " + process.exitValue() + "); see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200 || r.statusCode() == 503) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the backend did not answer within 3 minutes; see " + log);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** VmRSS of the process in KiB, from /proc/<pid>/status. */
    public long rssKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** Samples VmRSS every 100 ms while {@code work} runs; returns the peak in KiB. */
    public long peakRssDuring(Runnable work) {
        AtomicLong peak = new AtomicLong(rssKiB());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(rssKiB(), Math::max), 0, 100, TimeUnit.MILLISECONDS);
        try {
            work.run();
        } finally {
            sampler.shutdownNow();
        }
        return Math.max(peak.get(), rssKiB());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static Duration seconds(double s) {
        return Duration.ofMillis((long) (s * 1000));
    }
}
