-- The RFC 9162 Merkle log, owned by the anchoring worker (schema "log"); the backend only reads it.
-- Leaves plus the hashes of complete subtrees: any proof needs O(log n) reads and the tree is never
-- rebuilt to answer one (ARCHITECTURE.md "The log and the anchor", docs/anchoring.md).

-- One leaf per journal row: leaf_index is dense (0, 1, 2, ...), never reassigned, never changed.
-- journal_id UNIQUE is the database's own guarantee that a journal row gets exactly one index.
CREATE TABLE leaves (
    leaf_index    BIGINT      PRIMARY KEY CHECK (leaf_index >= 0),
    journal_id    BIGINT      NOT NULL UNIQUE,
    leaf_hash     BYTEA       NOT NULL CHECK (octet_length(leaf_hash) = 32),
    integrated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX leaves_by_hash ON leaves (leaf_hash);

-- Hash of the complete subtree at (level, node_index): it covers leaves
-- [node_index * 2^level, (node_index + 1) * 2^level). Level 0 duplicates leaves.leaf_hash so that a
-- proof is one indexed read of this table. Written once, when the subtree becomes complete.
CREATE TABLE nodes (
    level       SMALLINT    NOT NULL CHECK (level BETWEEN 0 AND 62),
    node_index  BIGINT      NOT NULL CHECK (node_index >= 0),
    hash        BYTEA       NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (level, node_index)
);

-- Signed checkpoints (C2SP tlog-checkpoint notes, Ed25519 signed-note), one per tree size signed,
-- written in the same transaction as the leaves they cover.
CREATE TABLE checkpoints (
    tree_size   BIGINT      PRIMARY KEY CHECK (tree_size > 0),
    root_hash   BYTEA       NOT NULL CHECK (octet_length(root_hash) = 32),
    signed_note TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Anchor transactions of checkpoints on the EVM chain, with their fate. The signed raw transaction
-- is stored BEFORE it is broadcast, so a crash between "send" and "remember" cannot make the worker
-- send a second, different transaction for the same size: it re-broadcasts the same bytes.
--   PENDING   signed (and maybe broadcast), no receipt yet
--   MINED     receipt in block (block_number, block_hash), fewer than K confirmations
--   CONFIRMED K confirmations reached
--   DROPPED   its nonce was consumed by another transaction (replaced) or it was abandoned
--   FAILED    mined but reverted
-- A reorg that removes a MINED transaction puts it back to PENDING (reorg_count + 1) and the same
-- signed bytes are re-broadcast: on-chain it exists at most once.
CREATE TABLE anchors (
    id                  BIGSERIAL   PRIMARY KEY,
    tree_size           BIGINT      NOT NULL REFERENCES checkpoints (tree_size),
    root_hash           BYTEA       NOT NULL CHECK (octet_length(root_hash) = 32),
    chain_id            BIGINT      NOT NULL,
    contract_address    TEXT        NOT NULL,
    from_address        TEXT        NOT NULL,
    tx_hash             TEXT        NOT NULL UNIQUE,
    nonce               BIGINT      NOT NULL,
    raw_tx              BYTEA       NOT NULL,
    max_fee_per_gas     NUMERIC(78, 0) NOT NULL,
    max_priority_fee_per_gas NUMERIC(78, 0) NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('PENDING', 'MINED', 'CONFIRMED', 'DROPPED', 'FAILED')),
    block_number        BIGINT,
    block_hash          TEXT,
    block_time          TIMESTAMPTZ,
    gas_used            BIGINT,
    effective_gas_price NUMERIC(78, 0),
    reorg_count         INT         NOT NULL DEFAULT 0,
    broadcast_count     INT         NOT NULL DEFAULT 0,
    last_error          TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- At most one live anchor per size and contract: the database refuses a second one.
CREATE UNIQUE INDEX anchors_one_live_per_size ON anchors (chain_id, contract_address, tree_size)
    WHERE status IN ('PENDING', 'MINED', 'CONFIRMED');
CREATE INDEX anchors_by_status ON anchors (status, tree_size);

-- ShedLock's table: only the instance holding the "vareg-anchoring" lock integrates and anchors.
CREATE TABLE shedlock (
    name       VARCHAR(64)  PRIMARY KEY,
    lock_until TIMESTAMPTZ  NOT NULL,
    locked_at  TIMESTAMPTZ  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
