-- Simple database users (hashed passwords) with one role each; an ISSUER user belongs to one issuer.
CREATE TABLE app_user (
    username       TEXT        PRIMARY KEY CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
    password_hash  TEXT        NOT NULL,
    role           TEXT        NOT NULL CHECK (role IN ('REGISTRAR', 'SUPERVISOR', 'ISSUER')),
    issuer_id      UUID        REFERENCES issuer (id),
    enabled        BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((role = 'ISSUER') = (issuer_id IS NOT NULL))
);

-- Idempotency-Key on creating POSTs: same key and body replays the stored response; a different body is refused.
CREATE TABLE idempotency_record (
    principal      TEXT        NOT NULL,
    idem_key       TEXT        NOT NULL,
    request_hash   VARCHAR(64)    NOT NULL,
    method_path    TEXT        NOT NULL,
    status         INT,
    content_type   TEXT,
    location       TEXT,
    body           BYTEA,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, idem_key)
);
