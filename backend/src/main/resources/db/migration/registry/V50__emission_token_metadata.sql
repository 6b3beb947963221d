-- What the register expects the token contract to say about itself (¶5 decision data, ¶62), used by the on-chain
-- supply verifier (docs/verifier.md): how the token announces supply changes, and its ERC-20 name and symbol.
-- All optional: an emission without them is watched as a plain ERC-20 (Transfer events) without name/symbol checks.
-- (V50-V59: integration branch glue.)
ALTER TABLE emission
    ADD COLUMN token_profile TEXT CHECK (token_profile IN ('TRANSFER', 'ISSUE_REDEEM', 'MINT_BURN', 'NONE')),
    ADD COLUMN token_name    TEXT CHECK (length(token_name) BETWEEN 1 AND 100),
    ADD COLUMN token_symbol  TEXT CHECK (length(token_symbol) BETWEEN 1 AND 20);
