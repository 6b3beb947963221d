-- Where journal → log integration resumes (LogIntegrator, docs/anchoring.md "Integration cursor").
-- Journal rows are integrated in (txid, id) order. Invariant, kept in the SAME transaction as the leaves
-- it covers: every registry.journal row with (txid, id) <= (after_txid, after_id) has its leaf, no row
-- above it has one. A batch therefore reads an index range starting at the cursor instead of anti-joining
-- the whole journal with log.leaves: its cost no longer grows with the log (docs/benchmarks.md, row 1).
-- Why txid first: a row becomes eligible only once txid < pg_snapshot_xmin (every older transaction has
-- finished), and every transaction that can still commit later has a txid >= that horizon — so a row that
-- commits late always sorts above the cursor and is never skipped, whatever journal id it took.
-- NULL = not known (a log integrated before this migration): the integrator uses the anti-join until one
-- batch drains every eligible row, then sets the cursor.
CREATE TABLE integration_cursor (
    id          SMALLINT    PRIMARY KEY CHECK (id = 1),
    after_txid  XID8,
    after_id    BIGINT,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((after_txid IS NULL) = (after_id IS NULL))
);
INSERT INTO integration_cursor (id, after_txid, after_id)
SELECT 1,
       CASE WHEN EXISTS (SELECT 1 FROM leaves) THEN NULL ELSE '0'::xid8 END,
       CASE WHEN EXISTS (SELECT 1 FROM leaves) THEN NULL ELSE 0 END;
