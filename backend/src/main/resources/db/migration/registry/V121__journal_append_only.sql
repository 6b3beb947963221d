-- Issue 15 item 10: the journal (the register's permanent record, the source of every Merkle leaf) is append-only by
-- the database: an UPDATE, DELETE or TRUNCATE of registry.journal is refused for every role the applications use.
-- There is no maintenance path: a wrong record is corrected by a new record (docs/security.md "Append-only").
-- A database superuser can still disable triggers: that is why the log is anchored on chain and monitored.
CREATE FUNCTION refuse_journal_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'registry.journal is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON journal
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_journal_change();
CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_journal_change();
