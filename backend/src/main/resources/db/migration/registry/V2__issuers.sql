-- Issuers (¶62 issuer data, ¶67-68 issuer code and region) and the parties around the collateral (¶3-2, ¶3-3).
CREATE TABLE issuer (
    id                       UUID        PRIMARY KEY,
    version                  BIGINT      NOT NULL,
    kind                     TEXT        NOT NULL CHECK (kind IN ('LEGAL_ENTITY', 'NATURAL_PERSON')),
    full_name                TEXT        NOT NULL,
    legal_form               TEXT,
    state_registration_data  TEXT,
    legal_address            TEXT        NOT NULL,
    issuer_code              VARCHAR(4)     NOT NULL UNIQUE CHECK (issuer_code ~ '^[A-Z0-9]{4}$'),
    region                   TEXT        NOT NULL,
    website                  TEXT,
    status                   TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'LIQUIDATED', 'REORGANISED', 'BANKRUPT')),
    -- ¶66: founders, beneficial owners and personal data are never public. Kept as JSON here; the journal
    -- only ever carries private_commitment = SHA-256(salt || canonical JSON).
    private_data             TEXT        NOT NULL,
    private_salt             BYTEA       NOT NULL,
    private_commitment       TEXT        NOT NULL,
    created_at               TIMESTAMPTZ NOT NULL,
    CHECK (kind = 'NATURAL_PERSON' OR (legal_form IS NOT NULL AND state_registration_data IS NOT NULL))
);

CREATE TABLE issuer_party (
    id                        UUID        PRIMARY KEY,
    issuer_id                 UUID        NOT NULL REFERENCES issuer (id),
    role                      TEXT        NOT NULL CHECK (role IN ('COLLATERAL_MANAGER', 'COLLATERAL_PROVIDER')),
    name                      TEXT        NOT NULL,
    registration_data         TEXT        NOT NULL,
    -- ¶3-2: the collateral manager declares it is not affiliated with the issuer nor with a creditor
    -- holding more than 10% of the issuer's balance-sheet assets.
    non_affiliation_declared  BOOLEAN     NOT NULL,
    -- ¶3-3: a third-party collateral provider also signs the decision and the white paper.
    signs_decision_and_white_paper BOOLEAN NOT NULL,
    created_at                TIMESTAMPTZ NOT NULL,
    CHECK (role <> 'COLLATERAL_MANAGER' OR non_affiliation_declared),
    CHECK (role <> 'COLLATERAL_PROVIDER' OR signs_decision_and_white_paper)
);
CREATE INDEX issuer_party_issuer ON issuer_party (issuer_id);
