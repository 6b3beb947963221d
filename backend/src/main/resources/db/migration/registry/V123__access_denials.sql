-- Issue 15 items 3 and 6: a refused attempt (403) is recorded for the regulator's security review here, in a private
-- table, and no longer as a public journal row: the public log can never be redacted (¶66), it would grow at an
-- unauthenticated caller's will, and the attempt says nothing about the register's state. Append-only like the journal.
CREATE TABLE access_denial (
    id            BIGSERIAL   PRIMARY KEY,
    at            TIMESTAMPTZ NOT NULL,
    actor_role    TEXT        NOT NULL,
    actor_name    TEXT        NOT NULL,
    operation     TEXT        NOT NULL,
    target        UUID,
    reason        TEXT        NOT NULL,
    rule          TEXT
);
CREATE INDEX access_denial_at ON access_denial (at);

CREATE TRIGGER access_denial_append_only BEFORE UPDATE OR DELETE ON access_denial
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_journal_change();
