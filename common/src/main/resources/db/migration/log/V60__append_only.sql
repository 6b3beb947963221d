-- Issue 15 item 10: the log is append-only by the database, not by convention. Leaves, subtree hashes and
-- checkpoints are only ever INSERTed (LogIntegrator, JournalIntegration); an UPDATE, DELETE or TRUNCATE of them is
-- refused for every role the applications use. Maintenance paths that stay mutable, on purpose (docs/security.md
-- "Append-only"): anchors (status of a transaction: PENDING → MINED → CONFIRMED / DROPPED / FAILED, reorgs),
-- integration_cursor, token_registry_cursor, token_registry_status (sync state) and shedlock (locks).
-- A database superuser can still disable triggers: that is why the log is anchored on chain and monitored.
CREATE FUNCTION refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'log.% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER leaves_append_only BEFORE UPDATE OR DELETE ON leaves
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER leaves_no_truncate BEFORE TRUNCATE ON leaves
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER nodes_append_only BEFORE UPDATE OR DELETE ON nodes
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER nodes_no_truncate BEFORE TRUNCATE ON nodes
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE ON checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER checkpoints_no_truncate BEFORE TRUNCATE ON checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
