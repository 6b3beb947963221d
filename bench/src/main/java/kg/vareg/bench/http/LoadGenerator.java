package kg.vareg.bench.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A closed-loop HTTP load generator: {@code clients} virtual threads each send a request, wait for the
 * answer, record its latency, and send the next, for {@code duration}. Every answer must be HTTP 200 (a
 * non-200 is counted as an error, never as a fast success).
 */
public final class LoadGenerator {

    public record Result(long requests, long errors, double seconds, long p50Micros, long p99Micros, long p999Micros,
                         long maxMicros) {
        public double perSecond() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format("%,.0f req/s (%d requests, %d errors, %.1f s), p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms",
                    perSecond(), requests, errors, seconds, p50Micros / 1000.0, p99Micros / 1000.0, p999Micros / 1000.0,
                    maxMicros / 1000.0);
        }
    }

    private LoadGenerator() {
    }

    /** {@code path(i)} gives the i-th request's path (i counts requests across all clients). */
    public static Result run(String baseUrl, LongFunction<String> path, int clients, Duration duration) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong counter = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    long[] mine = new long[1 << 16];
                    int n = 0;
                    while (System.nanoTime() < deadline) {
                        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + path.apply(counter.getAndIncrement())))
                                .timeout(Duration.ofSeconds(30)).build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = (System.nanoTime() - t0) / 1000;
                    }
                    latencies[client] = mine;
                    counts[client] = n;
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(total, errors.get(), seconds, pct(all, 0.50), pct(all, 0.99), pct(all, 0.999),
                all.length == 0 ? 0 : all[all.length - 1]);
    }

    private static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
