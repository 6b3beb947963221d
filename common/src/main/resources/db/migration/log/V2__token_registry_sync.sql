-- The anchoring worker's mirror of the register in TokenRegistry (docs/contracts.md, docs/anchoring.md
-- "TokenRegistry sync"). Small bookkeeping only: the register stays the authority, the log the evidence.

-- How far the log has been read for status changes (one row). Entries are read in leaf order, so a
-- restart continues exactly where the last committed read stopped.
CREATE TABLE token_registry_cursor (
    id              SMALLINT PRIMARY KEY CHECK (id = 1),
    next_leaf_index BIGINT   NOT NULL CHECK (next_leaf_index >= 0)
);
INSERT INTO token_registry_cursor (id, next_leaf_index) VALUES (1, 0);

-- Per emission: the status the register wants on-chain (from the latest log entry that changed it) and
-- how far that is written. wanted_leaf_index > synced_leaf_index (or NULL) means "to write".
CREATE TABLE token_registry_status (
    emission_id         TEXT        PRIMARY KEY,
    registration_number TEXT,
    blockchain          TEXT,
    chain_id            BIGINT,
    token_address       TEXT,
    va_type             SMALLINT,
    registered_quantity NUMERIC(78, 0),
    state               SMALLINT    NOT NULL CHECK (state BETWEEN 0 AND 9),
    wanted_leaf_index   BIGINT      NOT NULL,
    synced_leaf_index   BIGINT,
    pending_tx_hash     TEXT,        -- broadcast, receipt not seen yet (followed after a restart)
    pending_leaf_index  BIGINT,
    last_tx_hash        TEXT,
    skipped_reason      TEXT,        -- why it cannot be mirrored (unknown chain, no token address)
    last_error          TEXT,
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX token_registry_status_to_write ON token_registry_status (wanted_leaf_index)
    WHERE synced_leaf_index IS NULL OR synced_leaf_index < wanted_leaf_index;
