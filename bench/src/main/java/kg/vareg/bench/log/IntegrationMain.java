package kg.vareg.bench.log;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link IntegrationBenchmark} through JMH (batches of 1000 and the one-entry-per-transaction baseline
 * in the same run) and prints entries per second and the ratio. Args: [rows per iteration] [iterations]
 * [baseline rows] [prefill]: the batched run is repeated behind a log prefilled with {@code prefill} entries
 * (default 1,000,000; 0 skips it) to show that a batch costs the same whatever the size of the log.
 */
public final class IntegrationMain {

    private IntegrationMain() {
    }

    public static void main(String[] args) throws Exception {
        String rows = args.length > 0 ? args[0] : "10000";
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String baselineRows = args.length > 2 ? args[2] : "1000";
        // The baseline is O(log size) slower per entry AND pays a whole transaction per entry: it runs on
        // fewer rows (a smaller, younger log, which only flatters the baseline).
        long prefill = args.length > 3 ? Long.parseLong(args[3]) : 1_000_000L;
        double batched = run("1000", rows, iterations, 0);
        if (prefill > 0) {
            run("1000", rows, iterations, prefill);
        }
        double single = run("1", baselineRows, 2, 0);
        System.out.printf("1. ratio batched / one entry per transaction: %.1f×%n", batched / single);
    }

    private static double run(String batchSize, String rows, int iterations, long prefill) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(IntegrationBenchmark.class.getName())
                .param("batchSize", batchSize)
                .param("rows", rows)
                .param("prefill", Long.toString(prefill))
                .measurementIterations(iterations)
                .jvmArgsAppend("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dvareg.root=" + System.getProperty("vareg.root", "."),
                        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"))
                .build()).run();
        RunResult r = results.iterator().next();
        double msPerInvocation = r.getPrimaryResult().getScore();
        double perSecond = Integer.parseInt(rows) / (msPerInvocation / 1000.0);
        var stats = r.getPrimaryResult().getStatistics();
        System.out.printf("1. journal entries integrated, batches of %s: %,.0f entries/s mean over %d iterations of %s rows "
                        + "(best %,.0f/s, worst %,.0f/s; log grew from %,d to %,d entries)%n",
                batchSize, perSecond, iterations, rows, Integer.parseInt(rows) / (stats.getMin() / 1000.0),
                Integer.parseInt(rows) / (stats.getMax() / 1000.0), prefill,
                prefill + (long) Integer.parseInt(rows) * (iterations + 1));
        return perSecond;
    }
}
