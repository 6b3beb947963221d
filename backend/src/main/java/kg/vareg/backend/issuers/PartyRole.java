package kg.vareg.backend.issuers;

/** ¶3-2 collateral manager; ¶3-3 third-party collateral provider. */
public enum PartyRole { COLLATERAL_MANAGER, COLLATERAL_PROVIDER }
