package kg.vareg.backend.emissions;

/**
 * How the emission's token contract announces supply changes, as the issuer declares it (¶5 technical data). The
 * register keeps its own enum so that it depends on no other feature; the on-chain verifier maps it by name onto
 * {@code verification.TokenProfile} (same names, pinned by a test).
 */
public enum TokenEventProfile {
    /** Plain ERC-20: Transfer(0 → x) mints, Transfer(x → 0) burns. */
    TRANSFER,
    /** Tether style: Issue(uint256) / Redeem(uint256). */
    ISSUE_REDEEM,
    /** Mint(address,uint256) / Burn(address,uint256) events. */
    MINT_BURN,
    /** No supply events: the supply is watched only through totalSupply(). */
    NONE
}
