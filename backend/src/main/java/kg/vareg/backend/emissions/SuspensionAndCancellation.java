package kg.vareg.backend.emissions;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.Optional;
import kg.vareg.backend.calendar.LegalTerm;
import kg.vareg.backend.calendar.WorkingDayCalendar;
import kg.vareg.backend.emissions.EmissionEvent.CancellationBasis;
import kg.vareg.backend.kernel.EmissionState;

/**
 * Suspension and cancellation (¶25, ¶37, ¶45-56, ¶63-64): the regulator suspends on a breach or to protect holders,
 * gives 10 working days to cure, and cancels the number — after an unsuccessful emission, a court's or the regulator's
 * decision, or the issuer's liquidation — with the notices that follow. A part of the {@link Emission} aggregate.
 */
@Embeddable
public class SuspensionAndCancellation {
    @Enumerated(EnumType.STRING)
    @Column(name = "state_before_suspension")
    private EmissionState stateBeforeSuspension;
    @Column(name = "cure_deadline")
    private LocalDate cureDeadline;
    @Column(name = "cure_breaches")
    private String cureBreaches;
    @Column(name = "number_cancelled_on")
    private LocalDate numberCancelledOn;

    protected SuspensionAndCancellation() {}

    static SuspensionAndCancellation none() {
        return new SuspensionAndCancellation();
    }

    /** ¶25(1), ¶50: suspended from {@code from}, on stated grounds. */
    EmissionEvent.EmissionSuspended suspend(EmissionState from, String grounds, LocalDate today) {
        Emission.require(grounds != null && !grounds.isBlank(), "¶25(1)", "a suspension must state its grounds");
        stateBeforeSuspension = from;
        return new EmissionEvent.EmissionSuspended(today, from, grounds);
    }

    /** ¶25(1): the breach is cured; returns the state the emission resumes. */
    EmissionState lift() {
        EmissionState resumed = stateBeforeSuspension;
        stateBeforeSuspension = null;
        clearCure();
        return resumed;
    }

    /** ¶37: the regulator names the breaches and gives 10 WD to cure them, in writing. */
    EmissionEvent.CurePeriodGranted grantCure(String breaches, WorkingDayCalendar calendar, LocalDate today) {
        Emission.require(breaches != null && !breaches.isBlank(), "¶37", "the notice must name the breaches");
        cureBreaches = breaches;
        cureDeadline = calendar.deadline(LegalTerm.CURE_PERIOD, today);
        return new EmissionEvent.CurePeriodGranted(today, breaches, cureDeadline);
    }

    /** Success ends a running cure period (¶37). */
    void endCurePeriod() {
        cureDeadline = null;
    }

    private void clearCure() {
        cureDeadline = null;
        cureBreaches = null;
    }

    /** ¶25(3), ¶46, ¶63: the court and its decision are the basis of the entry. */
    static EmissionEvent.EmissionDeclaredInvalid invalid(String court, String courtDecisionSha256, LocalDate today) {
        Emission.require(court != null && !court.isBlank() && courtDecisionSha256 != null, "¶46, ¶63", "the court and its decision are the basis of the entry");
        return new EmissionEvent.EmissionDeclaredInvalid(today, court, courtDecisionSha256);
    }

    /** ¶52-53, ¶63-64: the regulator's decision is the basis of the entry. */
    static EmissionEvent.EmissionDeclaredNotGenuine notGenuine(String decisionSha256, LocalDate today) {
        Emission.require(decisionSha256 != null, "¶63-64", "the decision is the basis of the entry");
        return new EmissionEvent.EmissionDeclaredNotGenuine(today, decisionSha256);
    }

    /** ¶45-46, ¶63-64: the liquidation, termination or bankruptcy decision is the basis. */
    static EmissionEvent.EmissionCancelled cancelled(CancellationBasis basis, String basisSha256, LocalDate today) {
        Emission.require(basisSha256 != null, "¶46", "the basis document is required");
        return new EmissionEvent.EmissionCancelled(today, basis, basisSha256);
    }

    /** ¶35-36, ¶47, ¶54-56: the number is cancelled, with the terms of its entry, confirmation and publication. */
    EmissionEvent.RegistrationNumberCancelled cancelNumber(String registrationNumber, String basis, WorkingDayCalendar calendar, LocalDate today) {
        numberCancelledOn = today;
        return new EmissionEvent.RegistrationNumberCancelled(registrationNumber, today,
                calendar.deadline(LegalTerm.NUMBER_CANCELLATION_ENTRY, today), basis,
                calendar.deadline(LegalTerm.CANCELLATION_WRITTEN_CONFIRMATION, today),
                calendar.deadline(LegalTerm.CANCELLATION_PUBLICATION, today));
    }

    Optional<EmissionState> stateBeforeSuspension() { return Optional.ofNullable(stateBeforeSuspension); }
    Optional<LocalDate> cureDeadline() { return Optional.ofNullable(cureDeadline); }
    Optional<String> cureBreaches() { return Optional.ofNullable(cureBreaches); }
    Optional<LocalDate> numberCancelledOn() { return Optional.ofNullable(numberCancelledOn); }
}
