package kg.vareg.backend.verification;

/** Every discrepancy the verifier reports, with its default severity and the ¶ it concerns. */
public enum FindingKind {
    SUPPLY_ABOVE_REGISTERED(Severity.CRITICAL, "¶5, ¶59", "on-chain supply above the registered quantity"),
    MINT_BY_UNDECLARED_WALLET(Severity.HIGH, "¶5", "minted by a wallet other than the declared issuer wallet"),
    MINTER_NOT_ISSUER(Severity.MEDIUM, "¶5", "the contract's owner (minter) is not the declared issuer wallet"),
    MINT_OUTSIDE_PLACEMENT_PERIOD(Severity.HIGH, "¶20", "mint outside the placement period"),
    MINT_WHILE_FORBIDDEN(Severity.CRITICAL, "¶25, ¶47, ¶50, ¶53", "mint while suspended or after cancellation, failure or invalidity"),
    MINT_BEFORE_REGISTRATION(Severity.HIGH, "¶3, ¶58", "mint before the emission was registered"),
    UNPLACED_NOT_BURNED(Severity.HIGH, "¶45-47", "VAs not placed within the period are not burned"),
    VAS_NOT_WITHDRAWN(Severity.HIGH, "¶25, ¶45, ¶53", "VAs of an unsuccessful, invalid or cancelled emission still circulate"),
    RESULTS_REPORT_MISMATCH(Severity.HIGH, "¶30, ¶33", "the results report disagrees with the chain"),
    SUPPLY_WITHOUT_EVENTS(Severity.HIGH, "¶5, ¶59", "totalSupply() moved without mint/burn events"),
    ISSUER_BALANCE_MISMATCH(Severity.MEDIUM, "¶5", "issuer wallet balance disagrees with its events"),
    CONTRACT_MISSING(Severity.CRITICAL, "¶5, ¶9(4)", "no contract code at the registered address"),
    IMPLEMENTATION_CHANGED(Severity.HIGH, "¶5, ¶7", "the proxy's implementation changed"),
    CODE_CHANGED(Severity.HIGH, "¶5, ¶7", "the contract's code changed"),
    METADATA_MISMATCH(Severity.MEDIUM, "¶5, ¶62", "ERC-20 name, symbol or decimals differ from the register"),
    CHAIN_UNREACHABLE(Severity.HIGH, "¶5", "the chain's node does not answer"),
    CHAIN_LAGGING(Severity.MEDIUM, "¶5", "the chain's node lags behind");

    private final Severity severity;
    private final String paragraph;
    private final String title;

    FindingKind(Severity severity, String paragraph, String title) {
        this.severity = severity;
        this.paragraph = paragraph;
        this.title = title;
    }

    public Severity severity() {
        return severity;
    }

    public String paragraph() {
        return paragraph;
    }

    public String title() {
        return title;
    }
}
