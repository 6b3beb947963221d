-- The anchoring worker reads the journal from its integration cursor in (txid, id) order
-- (common's LogIntegrator, log.integration_cursor): one index range per batch, O(batch) instead of an
-- anti-join over the whole journal (docs/benchmarks.md, row 1). Also serves the backlog count.
CREATE INDEX journal_by_txid_id ON journal (txid, id);
