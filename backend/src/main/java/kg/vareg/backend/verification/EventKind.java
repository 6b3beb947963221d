package kg.vareg.backend.verification;

/** What a log means for the register. Holder-to-holder transfers are not kept: they change no supply. */
public enum EventKind {
    /** New VAs: Transfer from zero, Issue, or Mint (per the token's profile). */
    MINT,
    /** VAs destroyed: Transfer to zero, Redeem, or Burn. */
    BURN,
    /** Transfer out of the issuer wallet to anyone but zero (placement, ¶4(5), ¶20-22). */
    PLACEMENT,
    /** Transfer into the issuer wallet from a holder (buy-back / refund). */
    RETURN,
    /** A proxy announced a new implementation or beacon (EIP-1967 Upgraded / BeaconUpgraded). */
    UPGRADED
}
