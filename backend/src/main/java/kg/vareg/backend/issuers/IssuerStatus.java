package kg.vareg.backend.issuers;

/** ¶62 (liquidation / reorganisation of the issuer), ¶63-64 (termination, bankruptcy). */
public enum IssuerStatus { ACTIVE, LIQUIDATED, REORGANISED, BANKRUPT }
