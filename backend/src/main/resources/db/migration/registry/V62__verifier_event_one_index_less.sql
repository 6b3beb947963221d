-- verifier_event_by_block served only the reorg rewind (DELETE … WHERE block_number > ?); the rewind now names
-- every kind (kind = ANY(…), which the CHECK constraint makes the same rows) so verifier_event_by_kind
-- (chain_id, token_address, kind, block_number, log_index) serves it. One index less to maintain per
-- inserted event on the first scan of a token (docs/benchmarks-verifier.md).
DROP INDEX verifier_event_by_block;
