package kg.vareg.backend.emissions;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Optional;
import kg.vareg.backend.calendar.LegalTerm;
import kg.vareg.backend.calendar.WorkingDayCalendar;
import kg.vareg.backend.emissions.EmissionEvent.BurnReason;
import kg.vareg.backend.emissions.EmissionEvent.SuccessGround;
import kg.vareg.backend.kernel.EmissionState;

/**
 * Results and burns (¶4 stage 6, ¶29-48): the results report within 30 calendar days of the placement's end, the
 * regulator's decision within 10 working days (success on a ¶29 ground, or unsuccessful), and the burns of ¶45 that
 * keep the quantity in circulation. A part of the {@link Emission} aggregate.
 */
@Embeddable
public class ResultsAndBurns {
    @Column(name = "results_reported_on")
    private LocalDate resultsReportedOn;
    @Column(name = "placed_quantity", precision = 78, scale = 0)
    private BigInteger placedQuantity;
    @Column(precision = 38, scale = 18)
    private BigDecimal proceeds;
    @Column(name = "actual_placement_end")
    private LocalDate actualPlacementEnd;
    @Column(name = "results_decided_on")
    private LocalDate resultsDecidedOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "success_ground")
    private SuccessGround successGround;
    @Column(name = "burned_quantity", nullable = false, precision = 78, scale = 0)
    private BigInteger burnedQuantity = BigInteger.ZERO;
    @Column(name = "unplaced_burned", nullable = false, precision = 78, scale = 0)
    private BigInteger unplacedBurned = BigInteger.ZERO;

    protected ResultsAndBurns() {}

    static ResultsAndBurns none() {
        return new ResultsAndBurns();
    }

    /** ¶30-32: the report (Annex 6) within 30 CD after placement ends; a late report is recorded and flagged. */
    EmissionEvent.ResultsReported report(LocalDate actualEnd, BigInteger placed, BigDecimal totalProceeds, LocalDate placementStartedOn,
            LocalDate placementEnd, BigInteger quantity, WorkingDayCalendar calendar, LocalDate receivedOn, LocalDate today) {
        Emission.require(!actualEnd.isAfter(today), "¶30", "the placement end " + actualEnd + " is in the future");
        Emission.require(!actualEnd.isBefore(placementStartedOn), "¶30", "the placement cannot end before it started on " + placementStartedOn);
        Emission.require(!actualEnd.isAfter(placementEnd), "¶20", "placement happens only within the period, which ended on " + placementEnd);
        Emission.require(!receivedOn.isBefore(actualEnd), "¶30", "the results report received on " + receivedOn
                + " cannot precede the end of the placement on " + actualEnd);
        Emission.require(placed.signum() >= 0 && placed.compareTo(quantity) <= 0, "¶29",
                "the quantity placed must be between 0 and the registered quantity " + quantity);
        Emission.require(totalProceeds.signum() >= 0, "¶30", "proceeds cannot be negative");
        LocalDate reportDue = calendar.deadline(LegalTerm.RESULTS_REPORT, actualEnd);
        actualPlacementEnd = actualEnd;
        placedQuantity = placed;
        proceeds = totalProceeds;
        resultsReportedOn = receivedOn;
        return new EmissionEvent.ResultsReported(receivedOn, actualEnd, placed, totalProceeds.toPlainString(), reportDue,
                receivedOn.isAfter(reportDue), calendar.deadline(LegalTerm.RESULTS_DECISION, receivedOn));
    }

    /** ¶29, ¶34, ¶38, ¶40: success on one of the ¶29 grounds; unplaced VAs must then be burned (¶45). */
    EmissionEvent.EmissionDeclaredSuccessful succeed(SuccessGround ground, BigInteger quantity, BigInteger minimumQuantity,
            WorkingDayCalendar calendar, LocalDate today) {
        switch (ground) {
            case ALL_PLACED -> Emission.require(placedQuantity.equals(quantity), "¶29(1)",
                    "not all virtual assets were placed (" + placedQuantity + " of " + quantity + ")");
            case MINIMUM_QUANTITY_PLACED -> Emission.require(placedQuantity.compareTo(minimumQuantity) >= 0, "¶29(2)",
                    "fewer than the minimum quantity " + minimumQuantity + " were placed (" + placedQuantity + ")");
            case UNDERWRITING_CONTRACT -> { /* ¶29(3): the contract is in the report package */ }
        }
        successGround = ground;
        resultsDecidedOn = today;
        return new EmissionEvent.EmissionDeclaredSuccessful(today, ground, placedQuantity, unplacedRemaining(quantity),
                calendar.deadline(LegalTerm.SUCCESS_NOTICE, today), calendar.deadline(LegalTerm.RESULTS_DISCLOSURE_TO_EXCHANGE, today));
    }

    /**
     * ¶34, ¶37, ¶39, ¶41: unsuccessful, reasoned, within 10 WD of the results report, and not while a cure period
     * ({@code cureDeadline}) runs.
     */
    EmissionEvent.EmissionDeclaredUnsuccessful fail(String grounds, LocalDate cureDeadline, WorkingDayCalendar calendar, LocalDate today) {
        Emission.require(grounds != null && !grounds.isBlank(), "¶39, ¶41", "the decision must state its grounds");
        if (resultsReportedOn != null) {
            LocalDate lastDay = calendar.deadline(LegalTerm.RESULTS_DECISION, resultsReportedOn);
            Emission.require(!today.isAfter(lastDay), "¶34", "the results were reported on " + resultsReportedOn
                    + "; after 10 working days (last day " + lastDay + ") the emission can no longer be declared unsuccessful");
        }
        Emission.require(cureDeadline == null || today.isAfter(cureDeadline), "¶37",
                "the issuer has until " + cureDeadline + " to cure the breaches");
        resultsDecidedOn = today;
        return new EmissionEvent.EmissionDeclaredUnsuccessful(today, grounds, calendar.deadline(LegalTerm.REFUSAL_OF_SUCCESS_NOTICE, today));
    }

    /**
     * ¶45-47: a burn. A partial reduction per the white paper (successful emission, the issuer's decision) or the burn of
     * VAs not placed within the period leave the number live; a withdrawal follows a cancellation.
     */
    EmissionEvent.VirtualAssetsBurned burn(EmissionState state, BigInteger quantity, BigInteger burned, BurnReason reason,
            String transactionHash, String decisionSha256, LocalDate today) {
        Emission.require(burned != null && burned.signum() > 0, "¶45", "the burned quantity must be a positive whole number");
        switch (reason) {
            case PARTIAL_REDUCTION -> {
                Emission.require(state == EmissionState.SUCCESSFUL, "¶45", "a partial burn reduces the VAs in circulation of a successful emission; this one is " + state);
                Emission.require(decisionSha256 != null, "¶46", "the issuer's burn decision is the basis document");
                Emission.require(burned.compareTo(circulating()) <= 0, "¶45", "only " + circulating() + " VAs are in circulation");
            }
            case UNPLACED -> {
                Emission.require(state == EmissionState.SUCCESSFUL, "¶45", "unplaced VAs are burned after the results are recognised; this emission is " + state);
                Emission.require(burned.compareTo(unplacedRemaining(quantity)) <= 0, "¶45", "only " + unplacedRemaining(quantity) + " unplaced VAs remain to burn");
                unplacedBurned = unplacedBurned.add(burned);
            }
            case WITHDRAWAL -> {
                Emission.require(EmissionState.NUMBER_CANCELLED.contains(state), "¶25, ¶53",
                        "a withdrawal burn follows a cancellation (unsuccessful, invalid, not genuine, liquidation); this emission is " + state);
                Emission.require(burnedQuantity.add(burned).compareTo(quantity) <= 0, "¶45", "cannot burn more than the " + quantity + " issued");
            }
        }
        burnedQuantity = burnedQuantity.add(burned);
        return new EmissionEvent.VirtualAssetsBurned(today, burned, reason, transactionHash, burnedQuantity, decisionSha256);
    }

    /** VAs placed and not burned (¶45). */
    BigInteger circulating() {
        BigInteger placed = placedQuantity == null ? BigInteger.ZERO : placedQuantity;
        return placed.subtract(burnedQuantity.subtract(unplacedBurned)).max(BigInteger.ZERO);
    }

    /** VAs not placed within the period that the issuer still has to burn (¶45). */
    BigInteger unplacedRemaining(BigInteger quantity) {
        if (placedQuantity == null) return BigInteger.ZERO;
        return quantity.subtract(placedQuantity).subtract(unplacedBurned);
    }

    Optional<LocalDate> resultsReportedOn() { return Optional.ofNullable(resultsReportedOn); }
    Optional<BigInteger> placedQuantity() { return Optional.ofNullable(placedQuantity); }
    Optional<BigDecimal> proceeds() { return Optional.ofNullable(proceeds); }
    Optional<LocalDate> actualPlacementEnd() { return Optional.ofNullable(actualPlacementEnd); }
    Optional<LocalDate> resultsDecidedOn() { return Optional.ofNullable(resultsDecidedOn); }
    Optional<SuccessGround> successGround() { return Optional.ofNullable(successGround); }
    BigInteger burnedQuantity() { return burnedQuantity; }
}
