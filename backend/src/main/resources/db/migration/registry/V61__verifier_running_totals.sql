-- Running totals of a token's stored events on its state row (docs/verifier.md, docs/benchmarks-verifier.md):
-- adjusted in the transaction that inserts a range's events (only the rows actually inserted count, so a
-- rescan never double-counts) and in the transaction that deletes them on a reorg. A pass with no news then
-- reads one row instead of summing every stored event.
-- totals_issuer = the issuer wallet the *_issuer totals were summed for; NULL (rows from before this
-- migration) or another wallet (a corrected register) = recomputed once from verifier_event.
ALTER TABLE verifier_token_state
    ADD COLUMN minted             NUMERIC(78,0) NOT NULL DEFAULT 0,
    ADD COLUMN burned             NUMERIC(78,0) NOT NULL DEFAULT 0,
    ADD COLUMN placed             NUMERIC(78,0) NOT NULL DEFAULT 0,
    ADD COLUMN returned           NUMERIC(78,0) NOT NULL DEFAULT 0,
    ADD COLUMN minted_to_issuer   NUMERIC(78,0) NOT NULL DEFAULT 0,
    ADD COLUMN burned_from_issuer NUMERIC(78,0) NOT NULL DEFAULT 0,
    ADD COLUMN totals_issuer      TEXT;
