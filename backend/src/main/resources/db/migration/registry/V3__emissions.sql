-- The emission aggregate (¶4-56): the decision data of ¶5, its workflow state and the dates that drive
-- every deadline. Only the aggregate changes the state; this table is its storage.
CREATE TABLE emission (
    id                          UUID          PRIMARY KEY,
    version                     BIGINT        NOT NULL,
    issuer_id                   UUID          NOT NULL REFERENCES issuer (id),
    state                       TEXT          NOT NULL,
    state_before_suspension     TEXT,
    va_type                     TEXT          NOT NULL CHECK (va_type IN ('STABLECOIN', 'DIGITAL_TOKEN')),
    quantity                    NUMERIC(78,0) NOT NULL CHECK (quantity > 0),
    minimum_quantity            NUMERIC(78,0) NOT NULL CHECK (minimum_quantity > 0),
    token_decimals              INT           NOT NULL CHECK (token_decimals BETWEEN 0 AND 36),
    nominal_value               NUMERIC(38,18) NOT NULL CHECK (nominal_value > 0),
    nominal_currency            VARCHAR(3)       NOT NULL,
    placement_price             TEXT          NOT NULL,
    placement_start             DATE          NOT NULL,
    placement_end               DATE          NOT NULL CHECK (placement_end >= placement_start),
    placement_terms             TEXT          NOT NULL,
    presale_terms               TEXT,
    circulation_terms           TEXT          NOT NULL,
    holders_rights              TEXT,
    blockchain                  TEXT          NOT NULL,
    issuer_wallet               VARCHAR(42)      NOT NULL,
    token_address               VARCHAR(42)      NOT NULL,
    collateral_manager_id       UUID          REFERENCES issuer_party (id),
    pledgor_waiver_terms        TEXT,
    white_paper_sha256          VARCHAR(64),
    submitted_on                DATE,
    decision_due                DATE,
    registered_on               DATE,
    registration_number         TEXT,
    refusal_grounds             TEXT,
    pending_white_paper_sha256  VARCHAR(64),
    white_paper_change_requested_on DATE,
    offer_disclosed_on          DATE,
    offer_url                   TEXT,
    placement_started_on        DATE,
    results_reported_on         DATE,
    placed_quantity             NUMERIC(78,0),
    proceeds                    NUMERIC(38,18),
    actual_placement_end        DATE,
    results_decided_on          DATE,
    cure_deadline               DATE,
    cure_breaches               TEXT,
    burned_quantity             NUMERIC(78,0) NOT NULL DEFAULT 0 CHECK (burned_quantity >= 0),
    unplaced_burned             NUMERIC(78,0) NOT NULL DEFAULT 0 CHECK (unplaced_burned >= 0),
    success_ground              TEXT,
    number_cancelled_on         DATE,
    written_confirmation_on     DATE,
    published_on                DATE,
    created_at                  TIMESTAMPTZ   NOT NULL,
    updated_at                  TIMESTAMPTZ   NOT NULL,
    CHECK (minimum_quantity <= quantity),
    CHECK (burned_quantity <= quantity),
    CHECK (placed_quantity IS NULL OR (placed_quantity >= 0 AND placed_quantity <= quantity))
);
CREATE INDEX emission_issuer ON emission (issuer_id);
CREATE INDEX emission_state ON emission (state);
CREATE INDEX emission_token ON emission (lower(token_address));
CREATE UNIQUE INDEX emission_number ON emission (registration_number) WHERE registration_number IS NOT NULL;

-- ¶5 collateral value, ¶3-5..3-10 the items behind it.
CREATE TABLE emission_collateral (
    emission_id      UUID           NOT NULL REFERENCES emission (id),
    position         INT            NOT NULL,
    type             TEXT           NOT NULL,
    appraised_value  NUMERIC(38,18) NOT NULL CHECK (appraised_value > 0),
    currency         VARCHAR(3)        NOT NULL,
    appraisal_date   DATE,
    registered_on    DATE,
    registered_with  TEXT,
    description      TEXT           NOT NULL,
    PRIMARY KEY (emission_id, position)
);

-- The full history of each emission: one row per domain event, in order.
CREATE TABLE emission_event (
    id           BIGSERIAL   PRIMARY KEY,
    emission_id  UUID        NOT NULL REFERENCES emission (id),
    type         TEXT        NOT NULL,
    paragraph    TEXT        NOT NULL,
    actor_role   TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    payload      TEXT        NOT NULL
);
CREATE INDEX emission_event_emission ON emission_event (emission_id, id);

-- Documents: the ¶9 package, white papers, reports and decisions. The journal carries the SHA-256 only.
CREATE TABLE document (
    id           UUID        PRIMARY KEY,
    emission_id  UUID        NOT NULL REFERENCES emission (id),
    kind         TEXT        NOT NULL,
    file_name    TEXT        NOT NULL,
    media_type   TEXT        NOT NULL,
    size_bytes   BIGINT      NOT NULL CHECK (size_bytes > 0),
    sha256       VARCHAR(64)    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content      BYTEA       NOT NULL,
    -- Private kinds (¶66: passport, founding documents, founders' questionnaires) enter the journal only as
    -- SHA-256(commitment_salt || sha256) so a guessable file cannot be confirmed from the public log.
    commitment_salt BYTEA,
    uploaded_by  TEXT        NOT NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX document_emission ON document (emission_id, kind);
