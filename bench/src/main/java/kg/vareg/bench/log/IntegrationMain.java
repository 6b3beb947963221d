package kg.vareg.bench.log;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link IntegrationBenchmark} through JMH (batches of 1000 and the one-entry-per-transaction baseline
 * in the same run) and prints entries per second and the ratio. Args: [rows per iteration] [iterations].
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
        double batched = run("1000", rows, iterations);
        double single = run("1", baselineRows, 2);
        System.out.printf("1. ratio batched / one entry per transaction: %.1f×%n", batched / single);
    }

    private static double run(String batchSize, String rows, int iterations) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(IntegrationBenchmark.class.getName())
                .param("batchSize", batchSize)
                .param("rows", rows)
                .measurementIterations(iterations)
                .jvmArgsAppend("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dvareg.root=" + System.getProperty("vareg.root", "."),
                        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"))
                .build()).run();
        RunResult r = results.iterator().next();
        double msPerInvocation = r.getPrimaryResult().getScore();
        double perSecond = Integer.parseInt(rows) / (msPerInvocation / 1000.0);
        var stats = r.getPrimaryResult().getStatistics();
        System.out.printf("1. journal entries integrated, batches of %s: %,.0f entries/s mean over %d iterations of %s rows "
                        + "(best %,.0f/s, worst %,.0f/s; log grew to %,d entries)%n",
                batchSize, perSecond, iterations, rows, Integer.parseInt(rows) / (stats.getMin() / 1000.0),
                Integer.parseInt(rows) / (stats.getMax() / 1000.0), (long) Integer.parseInt(rows) * (iterations + 1));
        return perSecond;
    }
}
