-- Issue 13: every change of totalSupply() that no mint/burn event explains, attributed to its block and
-- transaction(s) by bisection of totalSupply() at historical blocks (docs/verifier.md, ¶5, ¶59).
-- Derived from the chain like the other verifier tables: a reorg's rewind deletes the rows above the fork.
CREATE TABLE verifier_supply_change (
    chain_id       BIGINT        NOT NULL,
    token_address  TEXT          NOT NULL,
    block_number   BIGINT        NOT NULL,
    block_hash     TEXT          NOT NULL,
    tx_hashes      TEXT[]        NOT NULL,
    delta          NUMERIC(78,0) NOT NULL,
    cause          TEXT          NOT NULL CHECK (cause IN ('CONSTRUCTOR', 'ISSUE_REDEEM', 'BLACKLIST_DESTRUCTION', 'REBASE', 'UNKNOWN')),
    found_at       TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (chain_id, token_address, block_number)
);
