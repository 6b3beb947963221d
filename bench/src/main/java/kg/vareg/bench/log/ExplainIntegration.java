package kg.vareg.bench.log;

import kg.vareg.bench.BenchDatabase;

/**
 * Diagnostic for benchmark 1: EXPLAIN ANALYZE of LogIntegrator's batch query (the same SQL: an index range
 * from the integration cursor) with 1,000 rows waiting behind 0 and behind N already-integrated rows, and,
 * for comparison, the anti-join it replaced (which walked the whole journal and log.leaves every batch).
 * Args: [integrated N].
 */
public final class ExplainIntegration {

    static final String CURSOR = """
            EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
            SELECT j.id, j.txid::text, j.canonical_json FROM registry.journal j
             WHERE (j.txid, j.id) > (CAST(? AS xid8), ?)
               AND j.txid < CAST(? AS xid8)
             ORDER BY j.txid, j.id
             LIMIT 1000""";

    static final String ANTI_JOIN = """
            EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
            SELECT j.id, j.canonical_json FROM registry.journal j
             WHERE j.txid < pg_snapshot_xmin(pg_current_snapshot())
               AND NOT EXISTS (SELECT 1 FROM log.leaves l WHERE l.journal_id = j.id)
             ORDER BY j.id
             LIMIT 1000""";

    private ExplainIntegration() {
    }

    /** With the cursor and horizon bound as parameters, exactly as LogIntegrator binds them. */
    private static void explainCursorQuery(IntegrationBenchmark b) {
        var jdbc = b.jdbcForTests();
        String horizon = jdbc.queryForObject("SELECT pg_snapshot_xmin(pg_current_snapshot())::text", String.class);
        var cursor = jdbc.queryForMap("SELECT after_txid::text AS t, after_id AS i FROM log.integration_cursor");
        jdbc.queryForList(CURSOR, String.class, cursor.get("t"), cursor.get("i"), horizon).forEach(System.out::println);
    }

    public static void main(String[] args) throws Exception {
        int integrated = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        IntegrationBenchmark b = new IntegrationBenchmark();
        b.batchSize = 1000;
        b.rows = 1000;
        b.start();
        try {
            b.journal();
            System.out.println("-- cursor query (LogIntegrator), 0 rows integrated, 1,000 waiting:");
            explainCursorQuery(b);
            b.integrateAll(1000);
            b.rows = integrated - 1000;
            b.journal();
            b.integrateAll(integrated - 1000);
            b.rows = 1000;
            b.journal();
            b.jdbcForTests().execute("ANALYZE");
            System.out.printf("-- cursor query (LogIntegrator), %,d rows integrated, 1,000 waiting:%n", integrated);
            explainCursorQuery(b);
            System.out.printf("-- the former anti-join, %,d rows integrated, 1,000 waiting:%n", integrated);
            b.jdbcForTests().queryForList(ANTI_JOIN, String.class).forEach(System.out::println);
        } finally {
            b.stop();
        }
    }
}
