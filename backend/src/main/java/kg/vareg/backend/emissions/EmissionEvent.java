package kg.vareg.backend.emissions;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    record WhitePaperChangeRequested(LocalDate requestedOn, String proposedSha256, LocalDate answerDue) implements EmissionEvent {
        public String paragraph() { return "¶7"; }
        public Map<String, Object> changes() {
            return map("requestedOn", requestedOn, "proposedWhitePaperSha256", proposedSha256, "answerDue", answerDue);
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

    record CancellationNoticeRecorded(LocalDate recordedOn, NoticeKind kind, LocalDate due, boolean late) implements EmissionEvent {
        public String paragraph() { return "¶54-56"; }
        public Map<String, Object> changes() {
            return map("recordedOn", recordedOn, "notice", kind, "due", due, "late", late);
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

    /** ¶55-56. */
    enum NoticeKind { WRITTEN_CONFIRMATION, WEBSITE_PUBLICATION }
}
