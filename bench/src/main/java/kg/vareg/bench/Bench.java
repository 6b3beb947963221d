package kg.vareg.bench;

import java.util.Arrays;
import kg.vareg.bench.http.ReadLoadBenchmark;
import kg.vareg.bench.log.IntegrationMain;

/** The one entry point of {@code ./mvnw -q -pl bench exec:exec -Dbench=<name> [-Dbench.args="..."]}. */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (name) {
            case "integration" -> IntegrationMain.main(rest);
            case "read-load" -> ReadLoadBenchmark.main(rest);
            case "tile-load" -> kg.vareg.bench.http.TileLoadBenchmark.main(rest);
            case "explain-integration" -> kg.vareg.bench.log.ExplainIntegration.main(rest);
            default -> System.out.println("""
                    vareg benchmarks (docs/benchmarks.md):
                      -Dbench=integration [-Dbench.args="<rows per iteration> <iterations> <baseline rows> <prefill>"]
                                          1. journal → log, batched (empty log and behind <prefill>, default 1M) vs one per tx (JMH)
                      -Dbench=read-load   [-Dbench.args="--entries 1000000 --emissions 10000 --seconds 20 --clients 16"]
                                          2. inclusion proofs over HTTP at 1M (+ rebuild-from-leaves baseline),
                                          4. GET register entry by number, 6. backend RSS under that load
                      -Dbench=tile-load   [-Dbench.args="--entries 1000000 --seconds 20 --clients 16"]
                                          tlog-tiles reads over HTTP (+ JSON proof API baseline), taskset-pinned
                      bench/warm-start.sh                                                    5. whole stack warm start
                      contracts-tests exec:java                                              3. gas per anchor (docs/benchmarks.md)
                    """);
        }
    }
}
