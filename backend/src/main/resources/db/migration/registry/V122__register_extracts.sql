-- Issue 15 item 3: a register extract (¶61) is issued deliberately (POST) and then served from here. One row, hence
-- one journal row and one Merkle leaf, per DISTINCT extract: the same register content in the same language is the
-- same extract (same bytes, same id); downloading it again writes nothing.
CREATE TABLE register_extract (
    id                  UUID        PRIMARY KEY,
    registration_number TEXT        NOT NULL,
    language            VARCHAR(8)  NOT NULL,
    content_sha256      CHAR(64)    NOT NULL,
    pdf                 BYTEA       NOT NULL,
    pdf_sha256          CHAR(64)    NOT NULL,
    journal_id          BIGINT      NOT NULL,
    issued_at           TIMESTAMPTZ NOT NULL,
    UNIQUE (registration_number, language, content_sha256)
);
