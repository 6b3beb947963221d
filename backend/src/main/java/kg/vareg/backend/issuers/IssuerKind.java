package kg.vareg.backend.issuers;

/** ¶1, ¶9(5)-(7): the issuer is a legal entity or a natural person. */
public enum IssuerKind { LEGAL_ENTITY, NATURAL_PERSON }
