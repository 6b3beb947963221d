package kg.vareg.backend.verification;

/** What the chain says explains a change of totalSupply() that no mint/burn event announced (issue 13). */
public enum SupplyChangeCause {
    /** Supply created in the contract's creation block with no Transfer/Issue (Tether's constructor). */
    CONSTRUCTOR,
    /** An Issue/Redeem event of a token read with a profile that does not count them. */
    ISSUE_REDEEM,
    /** A blacklisted holder's funds destroyed ({@code DestroyedBlackFunds}). */
    BLACKLIST_DESTRUCTION,
    /** A rebase: Ampleforth {@code LogRebase}, A7A5 {@code TotalLiquidityUpdated}. */
    REBASE,
    /** Nothing on the chain explains it (a silent mint, a fee burned without an event, ...). */
    UNKNOWN
}
