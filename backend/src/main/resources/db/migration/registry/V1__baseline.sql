-- vareg register schema, version 1: the baseline. The register's own tables follow in later versions.
-- The journal is the transactional outbox the anchoring worker reads (ARCHITECTURE.md "The seam"):
-- every register change inserts exactly one row here in its own transaction.
CREATE TABLE journal (
    id              BIGSERIAL   PRIMARY KEY,
    -- The writing transaction: the worker integrates only rows whose transaction is older than every
    -- transaction still running (pg_snapshot_xmin), so a row that commits late is never skipped.
    txid            XID8        NOT NULL DEFAULT pg_current_xact_id(),
    record_type     TEXT        NOT NULL,
    record_version  INT         NOT NULL,
    canonical_json  BYTEA       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
COMMENT ON TABLE journal IS 'One row per register change, written in the same transaction (outbox); canonical RFC 8785 bytes.';
