-- Four-eyes (security issue 8): a decision on registration, refusal, suspension, invalidity (¶25(3)), not-genuine
-- (¶52) or cancellation is first PROPOSED by one staff member and takes effect only when a DIFFERENT staff member
-- confirms it. The check constraint repeats the rule in the database itself.
CREATE TABLE decision_proposal (
    id               UUID        PRIMARY KEY,
    emission_id      UUID        NOT NULL REFERENCES emission (id),
    decision         TEXT        NOT NULL CHECK (decision IN ('REGISTER', 'REFUSE', 'SUSPEND', 'INVALIDATE', 'NOT_GENUINE', 'CANCEL')),
    payload          TEXT        NOT NULL,
    payload_sha256   VARCHAR(64) NOT NULL,
    emission_version BIGINT      NOT NULL,
    proposed_by      TEXT        NOT NULL, -- a database user or an OpenID Connect subject
    proposed_role    TEXT        NOT NULL,
    proposed_at      TIMESTAMPTZ NOT NULL,
    status           TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'CONFIRMED', 'WITHDRAWN', 'STALE')),
    decided_by       TEXT,
    decided_at       TIMESTAMPTZ,
    CHECK (status <> 'CONFIRMED' OR (decided_by IS NOT NULL AND decided_by <> proposed_by))
);
-- At most one pending proposal per emission and decision: a second proposer must confirm or withdraw it.
CREATE UNIQUE INDEX decision_proposal_one_pending ON decision_proposal (emission_id, decision) WHERE status = 'PENDING';

-- Who acted, for the regulator only: the journal carries "actor": "sha256:<hex>" = SHA-256(salt ‖ canonical JSON of
-- the username); the salt stays here, so the public log names no staff member yet the regulator can open it.
CREATE TABLE actor_commitment (
    commitment TEXT        PRIMARY KEY,
    username   TEXT        NOT NULL,
    salt       BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
