-- The on-chain supply verifier (docs/verifier.md). Its tables are derived from the chain and can be
-- rebuilt by rescanning; they are not register changes and write no journal rows.
-- Addresses and hashes are stored lower-case 0x-hex; token amounts in base units as NUMERIC(78,0)
-- (uint256 fits in 78 decimal digits).

-- One row per watched token: how far it is verified and what was seen first (the baseline).
CREATE TABLE verifier_token_state (
    chain_id                 BIGINT        NOT NULL,
    token_address            TEXT          NOT NULL,
    registration_number      TEXT          NOT NULL,
    creation_block           BIGINT,
    last_scanned_block       BIGINT,
    last_scanned_hash        TEXT,
    log_range                BIGINT        NOT NULL,
    good_ranges              INT           NOT NULL DEFAULT 0,
    baseline_implementation  TEXT,
    baseline_code_hash       TEXT,
    current_implementation   TEXT,
    proxy_kind               TEXT,
    last_total_supply        NUMERIC(78,0),
    last_supply_from_events  NUMERIC(78,0),
    last_issuer_balance      NUMERIC(78,0),
    last_verified_at         TIMESTAMPTZ,
    -- optimistic lock: two backend instances never both advance the same token
    version                  BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (chain_id, token_address)
);

-- Mints, burns, placements, returns and proxy upgrades, deduplicated by (tx hash, log index).
CREATE TABLE verifier_event (
    chain_id       BIGINT        NOT NULL,
    token_address  TEXT          NOT NULL,
    tx_hash        TEXT          NOT NULL,
    log_index      INT           NOT NULL,
    block_number   BIGINT        NOT NULL,
    block_hash     TEXT          NOT NULL,
    block_time     TIMESTAMPTZ,
    kind           TEXT          NOT NULL CHECK (kind IN ('MINT', 'BURN', 'PLACEMENT', 'RETURN', 'UPGRADED')),
    from_address   TEXT          NOT NULL,
    to_address     TEXT          NOT NULL,
    amount         NUMERIC(78,0) NOT NULL,
    tx_sender      TEXT,
    tx_target      TEXT,
    PRIMARY KEY (chain_id, token_address, tx_hash, log_index)
);
CREATE INDEX verifier_event_by_block ON verifier_event (chain_id, token_address, block_number);
CREATE INDEX verifier_event_by_kind ON verifier_event (chain_id, token_address, kind, block_number, log_index);

-- Block hashes remembered per token (scan tips and blocks with events): a hash that changed = a reorg.
CREATE TABLE verifier_block (
    chain_id       BIGINT NOT NULL,
    token_address  TEXT   NOT NULL,
    block_number   BIGINT NOT NULL,
    block_hash     TEXT   NOT NULL,
    PRIMARY KEY (chain_id, token_address, block_number)
);

-- Supply over time: one row per verified block at which something changed.
CREATE TABLE verifier_snapshot (
    chain_id                 BIGINT        NOT NULL,
    token_address            TEXT          NOT NULL,
    block_number             BIGINT        NOT NULL,
    block_hash               TEXT          NOT NULL,
    block_time               TIMESTAMPTZ   NOT NULL,
    total_supply             NUMERIC(78,0),
    supply_from_events       NUMERIC(78,0) NOT NULL,
    minted                   NUMERIC(78,0) NOT NULL,
    burned                   NUMERIC(78,0) NOT NULL,
    placed                   NUMERIC(78,0) NOT NULL,
    returned                 NUMERIC(78,0) NOT NULL,
    issuer_balance           NUMERIC(78,0),
    expected_issuer_balance  NUMERIC(78,0) NOT NULL,
    implementation           TEXT,
    recorded_at              TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (chain_id, token_address, block_number)
);

-- Findings open, update and close themselves as the chain moves. token_address '' = the chain itself.
CREATE TABLE verifier_finding (
    id                   BIGSERIAL     PRIMARY KEY,
    chain_id             BIGINT        NOT NULL,
    token_address        TEXT          NOT NULL,
    registration_number  TEXT,
    kind                 TEXT          NOT NULL,
    subject              TEXT          NOT NULL,
    severity             TEXT          NOT NULL CHECK (severity IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    paragraph            TEXT          NOT NULL,
    status               TEXT          NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    block_number         BIGINT,
    tx_hash              TEXT,
    detail               TEXT          NOT NULL,
    opened_at            TIMESTAMPTZ   NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL,
    closed_at            TIMESTAMPTZ
);
CREATE UNIQUE INDEX verifier_finding_one_open ON verifier_finding (chain_id, token_address, kind, subject)
    WHERE status = 'OPEN';
CREATE INDEX verifier_finding_by_token ON verifier_finding (chain_id, token_address, status);

-- Supervisors' alerts: the in-app list and the webhook outbox (delivered by a scheduled sender).
CREATE TABLE verifier_alert (
    id               BIGSERIAL    PRIMARY KEY,
    finding_id       BIGINT       NOT NULL REFERENCES verifier_finding (id),
    transition       TEXT         NOT NULL CHECK (transition IN ('OPENED', 'CLOSED')),
    payload          TEXT         NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    webhook_state    TEXT         NOT NULL CHECK (webhook_state IN ('PENDING', 'DELIVERED', 'FAILED', 'NONE')),
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    last_error       TEXT,
    acknowledged_at  TIMESTAMPTZ,
    acknowledged_by  TEXT
);
CREATE INDEX verifier_alert_pending ON verifier_alert (next_attempt_at) WHERE webhook_state = 'PENDING';
