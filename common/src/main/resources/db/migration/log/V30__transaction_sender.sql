-- The anchoring worker's one transaction sender (docs/anchoring.md, "Transaction sender"): every
-- on-chain write of the worker (anchors, TokenRegistry statuses) goes through these tables.
-- Tables of the log schema written by the worker only; the backend reads none of them.

-- Fencing token per wallet: every leader tick takes the next epoch; a send is recorded only in a
-- transaction that still sees its own epoch here (row locked), so a leader whose lease expired
-- while busy can never record, hence never broadcast, a transaction.
CREATE TABLE sender_fence (
    chain_id    BIGINT      NOT NULL,
    wallet      TEXT        NOT NULL,
    epoch       BIGINT      NOT NULL CHECK (epoch > 0),
    holder      TEXT        NOT NULL,
    acquired_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (chain_id, wallet)
);

-- One row per nonce of the wallet: the payload meant for it and what became of it.
--   PENDING    signed and (about to be) broadcast, no attempt included yet
--   INCLUDED   one attempt is in a block, not yet final
--   FINAL      included and final (K confirmations or the chain's finalized/safe tag)
--   REVERTED   included but reverted
--   CANCELLED  the payload became obsolete; a 0-value self-transfer used the nonce
--   DROPPED    the nonce was consumed by a transaction the worker did not send
CREATE TABLE tx_requests (
    id                  BIGSERIAL   PRIMARY KEY,
    chain_id            BIGINT      NOT NULL,
    wallet              TEXT        NOT NULL,
    nonce               BIGINT      NOT NULL CHECK (nonce >= 0),
    purpose             TEXT        NOT NULL,
    to_address          TEXT        NOT NULL,
    data                BYTEA       NOT NULL,
    gas_limit           BIGINT      NOT NULL,
    fence_epoch         BIGINT      NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('PENDING', 'INCLUDED', 'FINAL', 'REVERTED',
                                                                'CANCELLED', 'DROPPED')),
    cancel_requested    BOOLEAN     NOT NULL DEFAULT false,
    included_tx_hash    TEXT,
    block_number        BIGINT,
    block_hash          TEXT,
    gas_used            BIGINT,
    effective_gas_price NUMERIC(78, 0),
    reorg_count         INT         NOT NULL DEFAULT 0,
    last_error          TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (chain_id, wallet, nonce)
);
CREATE INDEX tx_requests_open ON tx_requests (chain_id, wallet, nonce) WHERE status IN ('PENDING', 'INCLUDED');

-- Every signed transaction for a request, stored BEFORE it is broadcast: the original, each fee
-- bump (same nonce, fees +12.5 % or more) and a cancellation. Followed until one is included.
CREATE TABLE tx_attempts (
    id                       BIGSERIAL   PRIMARY KEY,
    request_id               BIGINT      NOT NULL REFERENCES tx_requests (id),
    kind                     TEXT        NOT NULL CHECK (kind IN ('ORIGINAL', 'BUMP', 'CANCEL')),
    tx_hash                  TEXT        NOT NULL UNIQUE,
    raw_tx                   BYTEA       NOT NULL,
    max_fee_per_gas          NUMERIC(78, 0) NOT NULL,
    max_priority_fee_per_gas NUMERIC(78, 0) NOT NULL,
    gas_limit                BIGINT      NOT NULL,
    signed_at_block          BIGINT      NOT NULL,
    broadcast_count          INT         NOT NULL DEFAULT 0,
    last_error               TEXT,
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX tx_attempts_by_request ON tx_attempts (request_id, id);

-- The anchor row follows the request that carries it; tx_hash / raw_tx show its latest attempt.
ALTER TABLE anchors ADD COLUMN tx_request_id BIGINT REFERENCES tx_requests (id);
ALTER TABLE token_registry_status ADD COLUMN pending_request_id BIGINT REFERENCES tx_requests (id);
