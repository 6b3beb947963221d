package kg.vareg.backend.emissions;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import kg.vareg.backend.calendar.LegalTerm;
import kg.vareg.backend.calendar.WorkingDayCalendar;
import kg.vareg.backend.kernel.RuleViolation;

/**
 * Changes after registration (¶7, ¶59): a new white paper only with the regulator's consent, answered within 10 working
 * days, optionally with a new quantity and / or nominal value that enter the register only on consent. A part of the
 * {@link Emission} aggregate; until the answer the register (and the public entry) keeps the old values.
 */
@Embeddable
public class WhitePaperChange {
    @Column(name = "pending_white_paper_sha256")
    private String pendingWhitePaperSha256;
    @Column(name = "white_paper_change_requested_on")
    private LocalDate whitePaperChangeRequestedOn;
    @Column(name = "pending_quantity", precision = 78, scale = 0)
    private BigInteger pendingQuantity;
    @Column(name = "pending_nominal_value", precision = 38, scale = 18)
    private BigDecimal pendingNominalValue;

    protected WhitePaperChange() {}

    static WhitePaperChange none() {
        return new WhitePaperChange();
    }

    /** What the regulator consented to: the new white paper, and the register change if one was asked for. */
    record Consent(String whitePaperSha256, Optional<RegisterChange> registerChange) {}

    EmissionEvent.WhitePaperChangeRequested request(Emission e, String proposedSha256, RegisterChange change,
            WorkingDayCalendar calendar, LocalDate today) {
        Emission.require(pendingWhitePaperSha256 == null, "¶7", "a white paper change is already awaiting the regulator's answer");
        Emission.require(!proposedSha256.equals(e.whitePaperSha256().orElse(null)), "¶7", "the proposed white paper is the registered one");
        if (change != null) checkRegisterChange(e, change);
        pendingWhitePaperSha256 = proposedSha256;
        whitePaperChangeRequestedOn = today;
        pendingQuantity = change == null ? null : change.quantity();
        pendingNominalValue = change == null ? null : change.nominalValue();
        return new EmissionEvent.WhitePaperChangeRequested(today, proposedSha256,
                calendar.deadline(LegalTerm.WHITE_PAPER_CHANGE_ANSWER, today), pendingQuantity,
                pendingNominalValue == null ? null : pendingNominalValue.stripTrailingZeros().toPlainString());
    }

    /** ¶59 with ¶5, ¶29, ¶45: what a new quantity / nominal value must respect given what already happened. */
    static void checkRegisterChange(Emission e, RegisterChange change) {
        BigInteger quantity = e.quantity();
        BigDecimal nominalValue = e.nominalValue();
        BigInteger newQuantity = change.quantityOr(quantity);
        BigDecimal newNominal = change.nominalValueOr(nominalValue);
        Emission.require(!newQuantity.equals(quantity) || newNominal.compareTo(nominalValue) != 0, "¶59",
                "the register already holds quantity " + quantity + " and nominal value " + nominalValue.stripTrailingZeros().toPlainString());
        Emission.require(newQuantity.compareTo(e.minimumQuantity()) >= 0, "¶29",
                "the quantity cannot go below the minimum quantity for success " + e.minimumQuantity());
        BigInteger placed = e.placedQuantity().orElse(BigInteger.ZERO);
        BigInteger used = placed.max(e.burnedQuantity());
        Emission.require(newQuantity.compareTo(used) >= 0, "¶59", "the quantity cannot go below the " + used + " VAs already placed or burned");
        Emission.require(newQuantity.multiply(BigInteger.TEN.pow(e.tokenDecimals())).compareTo(EmissionTerms.UINT256_MAX) <= 0, "¶5",
                "quantity × 10^decimals exceeds what a token contract can hold (uint256)");
    }

    Optional<RegisterChange> pendingRegisterChange() {
        return pendingQuantity == null && pendingNominalValue == null ? Optional.empty()
                : Optional.of(new RegisterChange(pendingQuantity, pendingNominalValue));
    }

    /**
     * ¶7 consent; a pending ¶59 change is checked again against what happened meanwhile and against the collateral for
     * the new volume (¶3-5) before the aggregate changes the register.
     */
    Consent consent(Emission e, CollateralCheck coverageAfterChange) {
        Emission.require(pendingWhitePaperSha256 != null, "¶7", "no white paper change is awaiting an answer");
        Optional<RegisterChange> change = pendingRegisterChange();
        if (change.isPresent()) {
            checkRegisterChange(e, change.get());
            Objects.requireNonNull(coverageAfterChange, "coverageAfterChange");
            if (!coverageAfterChange.covered()) {
                throw new RuleViolation("¶3-5", "after the change the collateral would not cover the emission: "
                        + String.join("; ", coverageAfterChange.problems()), coverageAfterChange.problems());
            }
        }
        Consent consent = new Consent(pendingWhitePaperSha256, change);
        clear();
        return consent;
    }

    /** ¶7 refusal, reasoned; ¶59: without consent the register, and so the quantity and nominal value, stay as they are. */
    EmissionEvent.WhitePaperChangeRefused refuse(String reasons, LocalDate today) {
        Emission.require(pendingWhitePaperSha256 != null, "¶7", "no white paper change is awaiting an answer");
        Emission.require(reasons != null && !reasons.isBlank(), "¶7", "a refusal of a white paper change must be reasoned");
        String proposed = pendingWhitePaperSha256;
        clear();
        return new EmissionEvent.WhitePaperChangeRefused(today, proposed, reasons);
    }

    private void clear() {
        pendingWhitePaperSha256 = null;
        whitePaperChangeRequestedOn = null;
        pendingQuantity = null;
        pendingNominalValue = null;
    }

    Optional<String> pendingWhitePaperSha256() { return Optional.ofNullable(pendingWhitePaperSha256); }
    Optional<LocalDate> requestedOn() { return Optional.ofNullable(whitePaperChangeRequestedOn); }
}
