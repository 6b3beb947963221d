package kg.vareg.backend.documents;

import java.util.Optional;

/**
 * Kinds of documents the register keeps. The first twelve are the items of the ¶9 registration package;
 * the rest are the bases of later steps (¶7, ¶20, ¶30-32, ¶37, ¶46, ¶52, ¶63-64).
 */
public enum DocumentKind {
    APPLICATION(1, "application for state registration (Annex 3)", Applies.ALL, false),
    DECISION(2, "the issuer's decision to issue and place (Annex 1)", Applies.ALL, false),
    WHITE_PAPER(3, "white paper (Annex 2)", Applies.ALL, false),
    BLOCKCHAIN_DATA(4, "blockchain name, issuer wallet and smart-contract address, electronically", Applies.ALL, false),
    STATE_REGISTRATION_CERTIFICATE(5, "certificate of state registration (legal entity)", Applies.LEGAL_ENTITY, false),
    FOUNDING_DOCUMENTS(6, "founding documents (legal entity)", Applies.LEGAL_ENTITY, true),
    PASSPORT_COPY(7, "copy of the passport (natural person)", Applies.NATURAL_PERSON, true),
    FEE_PAYMENT_PROOF(8, "proof of payment of the registration fee", Applies.ALL, false),
    SECURITY_DOCUMENTS(9, "documents proving the security for the issuer's obligations", Applies.ALL, false),
    COLLATERAL_APPRAISAL(10, "independent appraisal of the collateral", Applies.ALL, false),
    COLLATERAL_REGISTRATION_PROOF(11, "proof that the collateral is registered", Applies.ALL, false),
    FOUNDERS_QUESTIONNAIRES(12, "questionnaires of the issuer's founders / shareholders (Annex 4, 5)", Applies.LEGAL_ENTITY, true),
    WHITE_PAPER_CHANGE(0, "changed white paper (¶7)", Applies.NONE, false),
    OFFER_PUBLICATION(0, "public offer as published (¶20-21)", Applies.NONE, false),
    RESULTS_REPORT(0, "results report (¶30-32, Annex 6)", Applies.NONE, false),
    UNDERWRITING_CONTRACT(0, "financial-services (underwriting) contract (¶29(3))", Applies.NONE, false),
    CURE_DOCUMENTS(0, "changed documents after a cure notice (¶37)", Applies.NONE, false),
    BURN_DECISION(0, "issuer's decision to burn (¶46)", Applies.NONE, false),
    COURT_DECISION(0, "court decision declaring the emission invalid (¶25(3), ¶46)", Applies.NONE, false),
    NOT_GENUINE_DECISION(0, "decision declaring the emission not genuine (¶52)", Applies.NONE, false),
    LIQUIDATION_DECISION(0, "liquidation / termination / bankruptcy of the issuer (¶46, ¶63-64)", Applies.NONE, false),
    REGULATOR_DECISION(0, "regulator's decision or notice", Applies.NONE, false),
    RESULTS_DISCLOSURE(0, "the issuer's disclosure of the results to the trading operator (¶40)", Applies.NONE, false);

    /** Which issuers need the item in the ¶9 package. */
    public enum Applies { ALL, LEGAL_ENTITY, NATURAL_PERSON, NONE }

    private final int packageItem;
    private final String description;
    private final Applies applies;
    private final boolean privateData;

    DocumentKind(int packageItem, String description, Applies applies, boolean privateData) {
        this.packageItem = packageItem;
        this.description = description;
        this.applies = applies;
        this.privateData = privateData;
    }

    /** Item number in ¶9, if it is one. */
    public Optional<Integer> packageItem() {
        return packageItem == 0 ? Optional.empty() : Optional.of(packageItem);
    }

    public String description() { return description; }
    public Applies applies() { return applies; }

    /** ¶66: founders' and personal data; never public, journalled as a salted commitment. */
    public boolean privateData() { return privateData; }
}
