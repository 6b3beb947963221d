-- Account administration (issue 14): an ADMINISTRATOR role manages staff and issuer accounts; one-time passwords
-- that must be changed at first login; an optional TOTP second factor (RFC 6238) for staff; credentials_version
-- grows on every disable, reset and role change, so open sessions of that account stop at their next request.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('REGISTRAR', 'SUPERVISOR', 'ISSUER', 'ADMINISTRATOR'));
ALTER TABLE app_user
    ADD COLUMN must_change_password BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN totp_secret          TEXT,
    ADD COLUMN credentials_version  BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN updated_at           TIMESTAMPTZ;
ALTER TABLE app_user ADD CONSTRAINT app_user_totp_staff_only CHECK (totp_secret IS NULL OR role <> 'ISSUER');

-- The security journal of account changes: who (the acting account), when, what (action, target account, role,
-- issuer id). Never passwords, TOTP secrets or founders' data; not part of the public log (registry.journal), it is
-- the regulator's own record. Append-only: rows are never updated or deleted.
CREATE TABLE account_event (
    id          BIGSERIAL   PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    actor_role  TEXT        NOT NULL,
    action      TEXT        NOT NULL CHECK (action IN ('CREATED', 'DISABLED', 'ENABLED', 'PASSWORD_RESET', 'ROLE_CHANGED',
                                                       'PASSWORD_CHANGED', 'TOTP_ENABLED', 'TOTP_REMOVED', 'BOOTSTRAPPED')),
    target      TEXT        NOT NULL,
    details     JSONB       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX account_event_target ON account_event (target, id);

CREATE FUNCTION account_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'account_event is append-only';
END $$;
CREATE TRIGGER account_event_no_change BEFORE UPDATE OR DELETE ON account_event
    FOR EACH ROW EXECUTE FUNCTION account_event_append_only();
