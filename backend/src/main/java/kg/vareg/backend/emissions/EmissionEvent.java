package kg.vareg.backend.emissions;

import kg.vareg.backend.kernel.EmissionState;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kg.vareg.backend.documents.DocumentKind;
import kg.vareg.backend.calendar.LegalTerm;

/**
 * What happened to an emission, in the past tense. The aggregate records one or more of these per
 * transition; the service stores them as the emission's history and journals them. {@link #changes()}
 * holds only public data (¶66), as JSON-ready values (quantities as decimal strings).
 */
public sealed interface EmissionEvent {

    /** The ¶ of the regulation this step applies. */
    String paragraph();

    /** Public fields that changed (JSON-ready). */
    Map<String, Object> changes();

    default String type() {
        return getClass().getSimpleName();
    }

    /**
     * Commitments (salted hashes) the journal record carries besides who acted — e.g. the digest of the decision data
     * of a draft. Private content never enters the journal itself (¶66), only its commitment.
     */
    default Map<String, String> commitments() {
        return Map.of();
    }

    /** The event itself, without the {@link Backdated} mark. */
    default EmissionEvent unwrapped() {
        return this;
    }

    /**
     * #19 item 1: {@code event} is a fact of {@code effectiveOn} (the day the regulation dates it by: receipt,
     * signature, court ruling, disclosure...) recorded on the later day {@code recordedOn}. Same type and ¶ as the event;
     * its changes add {@code backdated: true}, {@code effectiveOn} and {@code recordedOn}, so the journal carries both.
     */
    record Backdated(EmissionEvent event, LocalDate effectiveOn, LocalDate recordedOn) implements EmissionEvent {
        public String paragraph() { return event.paragraph(); }
        @Override
        public String type() { return event.type(); }
        public Map<String, Object> changes() {
            Map<String, Object> m = new LinkedHashMap<>(event.changes());
            m.put("backdated", true);
            m.put("effectiveOn", effectiveOn.toString());
            m.put("recordedOn", recordedOn.toString());
            return m;
        }
        @Override
        public Map<String, String> commitments() { return event.commitments(); }
        @Override
        public EmissionEvent unwrapped() { return event.unwrapped(); }
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            if (v instanceof LocalDate d) v = d.toString();
            if (v instanceof BigInteger b) v = b.toString();
            if (v instanceof Enum<?> e) v = e.name();
            if (v != null) m.put((String) kv[i], v);
        }
        return m;
    }

    /** ¶4 stages 1-2: the issuer's decision data prepared as a draft application (the data itself only as a digest). */
    record ApplicationDrafted(String decisionDataDigest) implements EmissionEvent {
        public String paragraph() { return "¶4-5"; }
        public Map<String, Object> changes() { return map("state", EmissionState.DRAFT); }
        @Override
        public Map<String, String> commitments() { return Map.of("decisionData", decisionDataDigest); }
    }

    /** The draft's decision data changed before filing (¶59: afterwards only through the register and ¶7). */
    record ApplicationAmended(String decisionDataDigest) implements EmissionEvent {
        public String paragraph() { return "¶4-5"; }
        public Map<String, Object> changes() { return map("state", EmissionState.DRAFT); }
        @Override
        public Map<String, String> commitments() { return Map.of("decisionData", decisionDataDigest); }
    }

    /** ¶9 (and ¶7, ¶30, ¶37, ¶46, ¶63 for later filings): a document filed to the emission; the journal carries its hash. */
    record DocumentFiled(UUID documentId, DocumentKind kind) implements EmissionEvent {
        public String paragraph() { return "¶9"; }
        public Map<String, Object> changes() { return map("document", documentId.toString(), "kind", kind); }
    }

    /** ¶26-28: a payment of the registration fee (the upfront part, or a quarter's instalment). */
    record FeePaymentRecorded(LocalDate paidOn, String amount, String currency, String quarter) implements EmissionEvent {
        public String paragraph() { return "¶26-28"; }
        public Map<String, Object> changes() {
            return map("paidOn", paidOn, "amount", amount, "currency", currency, "quarter", quarter);
        }
    }

    /** ¶28: the issuer's notice of the nominal value placed in a quarter. */
    record FeeQuarterNoticeFiled(String quarter, String placedNominal) implements EmissionEvent {
        public String paragraph() { return "¶28"; }
        public Map<String, Object> changes() { return map("quarter", quarter, "placedNominal", placedNominal); }
    }

    record ApplicationSubmitted(LocalDate submittedOn, LocalDate decisionDue) implements EmissionEvent {
        public String paragraph() { return "¶9-10"; }
        public Map<String, Object> changes() {
            return map("state", EmissionState.SUBMITTED, "submittedOn", submittedOn, "decisionDue", decisionDue);
        }
    }

    record EmissionRegistered(String registrationNumber, LocalDate registeredOn, LocalDate registerEntryDue,
            String whitePaperSha256) implements EmissionEvent {
        public String paragraph() { return "¶3, ¶10, ¶57-62, ¶67-68"; }
        public Map<String, Object> changes() {
            return map("state", EmissionState.REGISTERED, "registrationNumber", registrationNumber,
                    "registeredOn", registeredOn, "registerEntryDue", registerEntryDue, "whitePaperSha256", whitePaperSha256);
        }
    }

    record RegistrationRefused(LocalDate refusedOn, List<RefusalGround> grounds, String reasons) implements EmissionEvent {
        public String paragraph() { return "¶17-19"; }
        public Map<String, Object> changes() {
            return map("state", EmissionState.REFUSED, "refusedOn", refusedOn,
                    "grounds", grounds.stream().map(Enum::name).toList(), "reasons", reasons);
        }
    }

    record WhitePaperChangeRequested(LocalDate requestedOn, String proposedSha256, LocalDate answerDue,
            BigInteger proposedQuantity, String proposedNominalValue) implements EmissionEvent {
        public WhitePaperChangeRequested(LocalDate requestedOn, String proposedSha256, LocalDate answerDue) {
            this(requestedOn, proposedSha256, answerDue, null, null);
        }
        public String paragraph() { return proposedQuantity == null && proposedNominalValue == null ? "¶7" : "¶7, ¶59"; }
        public Map<String, Object> changes() {
            return map("requestedOn", requestedOn, "proposedWhitePaperSha256", proposedSha256, "answerDue", answerDue,
                    "proposedQuantity", proposedQuantity, "proposedNominalValue", proposedNominalValue);
        }
    }

    /** ¶59: the register is changed — quantity and / or nominal value — on the regulator's consent to the ¶7 change. */
    record RegisterAmended(LocalDate amendedOn, BigInteger quantityBefore, BigInteger quantity, String nominalValueBefore,
            String nominalValue, BigInteger onChainSupply, String whitePaperSha256) implements EmissionEvent {
        public String paragraph() { return "¶7, ¶59, ¶62, ¶65"; }
        public Map<String, Object> changes() {
            return map("amendedOn", amendedOn, "quantityBefore", quantityBefore, "quantity", quantity,
                    "nominalValueBefore", nominalValueBefore, "nominalValue", nominalValue, "onChainSupply", onChainSupply,
                    "whitePaperSha256", whitePaperSha256);
        }
    }

    record WhitePaperChangeApproved(LocalDate approvedOn, String whitePaperSha256) implements EmissionEvent {
        public String paragraph() { return "¶7"; }
        public Map<String, Object> changes() {
            return map("approvedOn", approvedOn, "whitePaperSha256", whitePaperSha256);
        }
    }

    record WhitePaperChangeRefused(LocalDate refusedOn, String proposedSha256, String reasons) implements EmissionEvent {
        public String paragraph() { return "¶7"; }
        public Map<String, Object> changes() {
            return map("refusedOn", refusedOn, "proposedWhitePaperSha256", proposedSha256, "reasons", reasons);
        }
    }

    record PublicOfferDisclosed(LocalDate disclosedOn, String offerUrl, LocalDate placementEarliest) implements EmissionEvent {
        public String paragraph() { return "¶20-21"; }
        public Map<String, Object> changes() {
            return map("state", EmissionState.OFFER_DISCLOSED, "offerDisclosedOn", disclosedOn, "offerUrl", offerUrl,
                    "placementEarliest", placementEarliest);
        }
    }

    record PlacementStarted(LocalDate startedOn) implements EmissionEvent {
        public String paragraph() { return "¶20-22"; }
        public Map<String, Object> changes() {
            return map("state", EmissionState.PLACEMENT, "placementStartedOn", startedOn);
        }
    }

    record EmissionSuspended(LocalDate suspendedOn, EmissionState suspendedFrom, String grounds) implements EmissionEvent {
        public String paragraph() { return "¶25(1), ¶50"; }
        public Map<String, Object> changes() {
            return map("state", EmissionState.SUSPENDED, "suspendedOn", suspendedOn, "suspendedFrom", suspendedFrom,
                    "grounds", grounds);
        }
    }

    record SuspensionLifted(LocalDate liftedOn, EmissionState resumedState) implements EmissionEvent {
        public String paragraph() { return "¶25(1)"; }
        public Map<String, Object> changes() {
            return map("state", resumedState, "liftedOn", liftedOn);
        }
    }

    record CurePeriodGranted(LocalDate grantedOn, String breaches, LocalDate cureDue) implements EmissionEvent {
        public String paragraph() { return "¶37"; }
        public Map<String, Object> changes() {
            return map("grantedOn", grantedOn, "breaches", breaches, "cureDue", cureDue);
        }
    }

    record ResultsReported(LocalDate reportedOn, LocalDate actualPlacementEnd, BigInteger placedQuantity,
            String proceeds, LocalDate reportDue, boolean late, LocalDate decisionDue) implements EmissionEvent {
        public String paragraph() { return "¶29-32"; }
        public Map<String, Object> changes() {
            return map("state", EmissionState.RESULTS_REPORTED, "reportedOn", reportedOn,
                    "actualPlacementEnd", actualPlacementEnd, "placedQuantity", placedQuantity, "proceeds", proceeds,
                    "reportDue", reportDue, "late", late, "decisionDue", decisionDue);
        }
    }

    record EmissionDeclaredSuccessful(LocalDate decidedOn, SuccessGround ground, BigInteger placedQuantity,
            BigInteger unplacedToBurn, LocalDate issuerNoticeDue, LocalDate exchangeDisclosureDue) implements EmissionEvent {
        public String paragraph() { return "¶29, ¶34, ¶38, ¶40"; }
        public Map<String, Object> changes() {
            return map("state", EmissionState.SUCCESSFUL, "decidedOn", decidedOn, "ground", ground,
                    "placedQuantity", placedQuantity, "unplacedToBurn", unplacedToBurn,
                    "issuerNoticeDue", issuerNoticeDue, "exchangeDisclosureDue", exchangeDisclosureDue);
        }
    }

    record EmissionDeclaredUnsuccessful(LocalDate decidedOn, String grounds, LocalDate issuerNoticeDue) implements EmissionEvent {
        public String paragraph() { return "¶25(2), ¶34, ¶39, ¶41, ¶44, ¶48"; }
        public Map<String, Object> changes() {
            return map("state", EmissionState.UNSUCCESSFUL, "decidedOn", decidedOn, "grounds", grounds,
                    "issuerNoticeDue", issuerNoticeDue);
        }
    }

    record EmissionDeclaredInvalid(LocalDate decidedOn, String court, String courtDecisionSha256) implements EmissionEvent {
        public String paragraph() { return "¶25(3), ¶46, ¶63"; }
        public Map<String, Object> changes() {
            return map("state", EmissionState.INVALID, "decidedOn", decidedOn, "court", court,
                    "courtDecisionSha256", courtDecisionSha256);
        }
    }

    record EmissionDeclaredNotGenuine(LocalDate decidedOn, String decisionSha256) implements EmissionEvent {
        public String paragraph() { return "¶52-53, ¶63"; }
        public Map<String, Object> changes() {
            return map("state", EmissionState.NOT_GENUINE, "decidedOn", decidedOn, "decisionSha256", decisionSha256);
        }
    }

    record EmissionCancelled(LocalDate decidedOn, CancellationBasis basis, String basisSha256) implements EmissionEvent {
        public String paragraph() { return "¶45-47, ¶63-64"; }
        public Map<String, Object> changes() {
            return map("state", EmissionState.CANCELLED, "decidedOn", decidedOn, "basis", basis, "basisSha256", basisSha256);
        }
    }

    record RegistrationNumberCancelled(String registrationNumber, LocalDate cancelledOn, LocalDate entryDue,
            String basis, LocalDate writtenConfirmationDue, LocalDate publicationDue) implements EmissionEvent {
        public String paragraph() { return "¶35-36, ¶47, ¶54-56"; }
        public Map<String, Object> changes() {
            return map("registrationNumber", registrationNumber, "numberStatus", "CANCELLED", "cancelledOn", cancelledOn,
                    "entryDue", entryDue, "basis", basis, "writtenConfirmationDue", writtenConfirmationDue,
                    "publicationDue", publicationDue);
        }
    }

    record VirtualAssetsBurned(LocalDate burnedOn, BigInteger quantity, BurnReason reason, String transactionHash,
            BigInteger burnedTotal, String decisionSha256) implements EmissionEvent {
        public String paragraph() { return "¶45-47"; }
        public Map<String, Object> changes() {
            return map("burnedOn", burnedOn, "quantity", quantity, "reason", reason, "transactionHash", transactionHash,
                    "burnedTotal", burnedTotal, "decisionSha256", decisionSha256);
        }
    }

    /**
     * ¶11, ¶38-40, ¶54-56: a notice, delivery or disclosure the regulation requires, as done on {@code actOn} and
     * recorded on {@code recordedOn}, against its deadline ({@code due}, absent where the ¶ sets no term). The record
     * type names the act (e.g. {@code SuccessDecisionSent}); ¶55-56 keep the type {@code CancellationNoticeRecorded}.
     */
    record NoticeRecorded(NoticeKind kind, Recipient recipient, LocalDate actOn, LocalDate recordedOn, LocalDate due,
            boolean late, Channel channel, String documentSha256, String url, String whitePaperSha256) implements EmissionEvent {
        public String paragraph() { return kind.paragraph(); }
        @Override
        public String type() { return kind.eventType(); }
        public Map<String, Object> changes() {
            Map<String, Object> m = map("notice", kind, "recipient", recipient, "actOn", actOn, "recordedOn", recordedOn,
                    "due", due, "late", late, "channel", channel, "documentSha256", documentSha256, "url", url,
                    "whitePaperSha256", whitePaperSha256);
            // ¶11: the issuer receives the decision and two registered copies of the white paper.
            if (kind == NoticeKind.REGISTRATION_DECISION_DELIVERY) m.put("whitePaperCopies", 2);
            return m;
        }
    }

    /** ¶17. */
    enum RefusalGround { DOCUMENTS_NOT_COMPLIANT, DECISION_PROCEDURE_NOT_FOLLOWED, FEES_NOT_PAID }

    /** ¶29. */
    enum SuccessGround { ALL_PLACED, MINIMUM_QUANTITY_PLACED, UNDERWRITING_CONTRACT }

    /** ¶45. */
    enum BurnReason { PARTIAL_REDUCTION, UNPLACED, WITHDRAWAL }

    /** ¶45-46, ¶63-64: bases of a cancellation that are not a regulator's or court's decision on the emission. */
    enum CancellationBasis { ISSUER_LIQUIDATED, ISSUER_ACTIVITY_TERMINATED, ISSUER_BANKRUPT }

    /** Who must act under a {@link NoticeKind}. */
    enum Party { REGULATOR, ISSUER }

    /** To whom a notice goes (¶54: the issuer and the trading operator; ¶56: the public, on the regulator's website). */
    enum Recipient { ISSUER, TRADING_OPERATOR, PUBLIC }

    /** How a notice was sent; ¶55's prior notice goes by phone, fax or other electronic means. */
    enum Channel {
        PHONE, FAX, EMAIL, OTHER_ELECTRONIC, POST, IN_PERSON, WEBSITE;

        boolean electronic() {
            return this == PHONE || this == FAX || this == EMAIL || this == OTHER_ELECTRONIC;
        }
    }

    /**
     * The notices, deliveries and disclosures the regulation times (¶11, ¶38-40, ¶54-56): who acts, to whom, the
     * term (from the working-day calendar; none for ¶11, which says only "on registration") and the journal type.
     */
    enum NoticeKind {
        REGISTRATION_DECISION_DELIVERY("¶11", null, "RegistrationDecisionDelivered", Party.REGULATOR,
                List.of(Recipient.ISSUER), "deliver the registration decision and two registered copies of the white paper"),
        SUCCESS_DECISION_NOTICE("¶38", LegalTerm.SUCCESS_NOTICE, "SuccessDecisionSent", Party.REGULATOR,
                List.of(Recipient.ISSUER), "send the decision recognising the emission successful"),
        SUCCESS_REFUSAL_NOTICE("¶39", LegalTerm.REFUSAL_OF_SUCCESS_NOTICE, "SuccessRefusalSent", Party.REGULATOR,
                List.of(Recipient.ISSUER), "send the refusal to recognise the emission successful, with its grounds"),
        RESULTS_DISCLOSURE("¶40", LegalTerm.RESULTS_DISCLOSURE_TO_EXCHANGE, "ResultsDisclosedToExchange", Party.ISSUER,
                List.of(Recipient.TRADING_OPERATOR), "disclose the results of the emission"),
        PRIOR_NOTICE("¶55", LegalTerm.CANCELLATION_PRIOR_NOTICE, "CancellationNoticeRecorded", Party.REGULATOR,
                List.of(Recipient.ISSUER, Recipient.TRADING_OPERATOR),
                "notify the cancellation by phone, fax or other electronic means (¶54)"),
        WRITTEN_CONFIRMATION("¶55", LegalTerm.CANCELLATION_WRITTEN_CONFIRMATION, "CancellationNoticeRecorded", Party.REGULATOR,
                List.of(Recipient.ISSUER, Recipient.TRADING_OPERATOR), "confirm the cancellation in writing (¶54)"),
        WEBSITE_PUBLICATION("¶56", LegalTerm.CANCELLATION_PUBLICATION, "CancellationNoticeRecorded", Party.REGULATOR,
                List.of(Recipient.PUBLIC), "publish the cancellation on the regulator's website");

        private final String paragraph;
        private final LegalTerm term;
        private final String eventType;
        private final Party party;
        private final List<Recipient> recipients;
        private final String duty;

        NoticeKind(String paragraph, LegalTerm term, String eventType, Party party, List<Recipient> recipients, String duty) {
            this.paragraph = paragraph;
            this.term = term;
            this.eventType = eventType;
            this.party = party;
            this.recipients = recipients;
            this.duty = duty;
        }

        public String paragraph() { return paragraph; }
        /** The term, empty where the ¶ sets none (¶11). */
        public java.util.Optional<LegalTerm> term() { return java.util.Optional.ofNullable(term); }
        public String eventType() { return eventType; }
        public Party party() { return party; }
        public List<Recipient> recipients() { return recipients; }
        public String duty() { return duty; }
    }
}
