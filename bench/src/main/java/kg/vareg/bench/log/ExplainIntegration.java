package kg.vareg.bench.log;

import kg.vareg.bench.BenchDatabase;

/**
 * Diagnostic for benchmark 1's bottleneck: EXPLAIN ANALYZE of LogIntegrator's eligibility query (the same
 * SQL) with 1,000 rows waiting behind 0 and behind N already-integrated rows. Args: [integrated N].
 */
public final class ExplainIntegration {

    static final String ELIGIBLE = """
            EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
            SELECT j.id, j.canonical_json FROM registry.journal j
             WHERE j.txid < pg_snapshot_xmin(pg_current_snapshot())
               AND NOT EXISTS (SELECT 1 FROM log.leaves l WHERE l.journal_id = j.id)
             ORDER BY j.id
             LIMIT 1000""";

    private ExplainIntegration() {
    }

    public static void main(String[] args) throws Exception {
        int integrated = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        IntegrationBenchmark b = new IntegrationBenchmark();
        b.batchSize = 1000;
        b.rows = 1000;
        b.start();
        try {
            b.journal();
            System.out.println("-- 0 rows integrated, 1,000 waiting:");
            b.jdbcForTests().queryForList(ELIGIBLE, String.class).forEach(System.out::println);
            b.integrateAll(1000);
            b.rows = integrated - 1000;
            b.journal();
            b.integrateAll(integrated - 1000);
            b.rows = 1000;
            b.journal();
            b.jdbcForTests().execute("ANALYZE");
            System.out.printf("-- %,d rows integrated, 1,000 waiting:%n", integrated);
            b.jdbcForTests().queryForList(ELIGIBLE, String.class).forEach(System.out::println);
        } finally {
            b.stop();
        }
    }
}
