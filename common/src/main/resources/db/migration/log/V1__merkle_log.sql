-- The RFC 9162 Merkle log, owned by the anchoring worker (schema "log"); the backend only reads it.
-- Leaves plus the hashes of complete subtrees: any proof needs O(log n) reads and the tree is never
-- rebuilt to answer one (ARCHITECTURE.md "The log and the anchor").

-- One leaf per journal row: leaf_index is dense (0, 1, 2, ...), never reassigned, never changed.
CREATE TABLE leaves (
    leaf_index  BIGINT      PRIMARY KEY CHECK (leaf_index >= 0),
    journal_id  BIGINT      NOT NULL UNIQUE,
    leaf_hash   BYTEA       NOT NULL CHECK (octet_length(leaf_hash) = 32),
    integrated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX leaves_by_hash ON leaves (leaf_hash);

-- Hash of the complete subtree at (level, node_index): it covers leaves
-- [node_index * 2^level, (node_index + 1) * 2^level). Level 0 duplicates leaves.leaf_hash.
CREATE TABLE nodes (
    level       SMALLINT    NOT NULL CHECK (level BETWEEN 0 AND 63),
    node_index  BIGINT      NOT NULL CHECK (node_index >= 0),
    hash        BYTEA       NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (level, node_index)
);

-- Signed checkpoints (C2SP tlog-checkpoint notes), one per tree size the worker signed.
CREATE TABLE checkpoints (
    tree_size   BIGINT      PRIMARY KEY CHECK (tree_size > 0),
    root_hash   BYTEA       NOT NULL CHECK (octet_length(root_hash) = 32),
    signed_note TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Anchor transactions of checkpoints on the EVM chain, with their fate.
CREATE TABLE anchors (
    id              BIGSERIAL   PRIMARY KEY,
    tree_size       BIGINT      NOT NULL REFERENCES checkpoints (tree_size),
    chain_id        BIGINT      NOT NULL,
    contract_address TEXT       NOT NULL,
    tx_hash         TEXT,
    nonce           BIGINT,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'MINED', 'CONFIRMED', 'DROPPED', 'REORGED', 'FAILED')),
    block_number    BIGINT,
    block_hash      TEXT,
    block_time      TIMESTAMPTZ,
    gas_used        BIGINT,
    effective_gas_price NUMERIC(78, 0),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX anchors_one_live_per_size ON anchors (chain_id, contract_address, tree_size)
    WHERE status IN ('PENDING', 'MINED', 'CONFIRMED');
