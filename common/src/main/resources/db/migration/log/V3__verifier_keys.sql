-- The checkpoint signers' public verifier keys (c2sp.org/signed-note), recorded by the anchoring worker when it
-- starts, so the backend can publish them without reading the worker's files or depending on the worker.
-- Old keys stay: checkpoints signed before a key rotation must remain verifiable.
-- (V2 of this schema is reserved for branch bench.)
CREATE TABLE verifier_keys (
    verifier_key     TEXT        PRIMARY KEY,          -- <name>+<8 hex key id>+<base64(0x01 || Ed25519 public key)>
    key_name         TEXT        NOT NULL,             -- = the checkpoint origin
    key_id           TEXT        NOT NULL CHECK (key_id ~ '^[0-9a-f]{8}$'),
    public_key       BYTEA       NOT NULL CHECK (length(public_key) = 32),
    first_started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_started_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
