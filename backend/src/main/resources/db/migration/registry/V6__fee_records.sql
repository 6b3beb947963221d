-- Registration fee records (¶26-28): payments (upfront with the package, then per quarter) and the issuer's
-- quarterly notices of the nominal value placed and the fee paid.
CREATE TABLE fee_payment (
    id           BIGSERIAL      PRIMARY KEY,
    emission_id  UUID           NOT NULL REFERENCES emission (id),
    quarter_year INT,
    quarter      INT            CHECK (quarter BETWEEN 1 AND 4),
    paid_on      DATE           NOT NULL,
    amount       NUMERIC(38,18) NOT NULL CHECK (amount > 0),
    currency     VARCHAR(3)     NOT NULL,
    recorded_at  TIMESTAMPTZ    NOT NULL,
    CHECK ((quarter_year IS NULL) = (quarter IS NULL))
);
CREATE INDEX fee_payment_emission ON fee_payment (emission_id);

CREATE TABLE fee_quarter_notice (
    emission_id     UUID           NOT NULL REFERENCES emission (id),
    quarter_year    INT            NOT NULL,
    quarter         INT            NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    placed_nominal  NUMERIC(38,18) NOT NULL CHECK (placed_nominal >= 0),
    filed_on        DATE           NOT NULL,
    PRIMARY KEY (emission_id, quarter_year, quarter)
);
