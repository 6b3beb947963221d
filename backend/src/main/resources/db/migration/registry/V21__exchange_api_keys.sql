-- API keys of crypto exchanges / trading operators for the token status API (docs/exchange-api.md).
-- Only a SHA-256 of the secret is kept: the key is shown once, when issued. Keys are 256-bit random,
-- so a fast hash is enough (no password-stretching needed); key_id is the public part used for lookup.
CREATE TABLE exchange_api_key (
    id             BIGSERIAL    PRIMARY KEY,
    key_id         TEXT         NOT NULL UNIQUE,
    exchange_name  TEXT         NOT NULL,
    secret_sha256  BYTEA        NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    created_by     TEXT         NOT NULL,
    revoked_at     TIMESTAMPTZ,
    revoked_by     TEXT,
    last_used_at   TIMESTAMPTZ
);
