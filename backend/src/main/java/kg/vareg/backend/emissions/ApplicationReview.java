package kg.vareg.backend.emissions;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import kg.vareg.backend.calendar.LegalTerm;
import kg.vareg.backend.calendar.WorkingDayCalendar;
import kg.vareg.backend.emissions.EmissionEvent.RefusalGround;
import kg.vareg.backend.kernel.RuleViolation;

/**
 * Application and review (¶4 stages 1-3, ¶9-19): the package filed, the regulator's 20 working days, and the decision —
 * registration with its number (¶10, ¶57, ¶67-68) or a reasoned refusal (¶17-19). A part of the {@link Emission}
 * aggregate: the aggregate checks the state and applies the transition; this part holds the stage's data and rules and
 * returns the event. The collateral (¶3) and the upfront fee (¶28) are checked here at registration.
 */
@Embeddable
public class ApplicationReview {
    @Column(name = "white_paper_sha256")
    private String whitePaperSha256;
    @Column(name = "submitted_on")
    private LocalDate submittedOn;
    @Column(name = "decision_due")
    private LocalDate decisionDue;
    @Column(name = "registered_on")
    private LocalDate registeredOn;
    @Column(name = "registration_number")
    private String registrationNumber;
    @Column(name = "refusal_grounds")
    private String refusalGrounds;

    protected ApplicationReview() {}

    static ApplicationReview none() {
        return new ApplicationReview();
    }

    /** ¶9-10: the package is complete (¶13: the regulator answers for completeness); the 20 WD start the next day. */
    EmissionEvent.ApplicationSubmitted submit(List<String> missingItems, String whitePaperSha, WorkingDayCalendar calendar, LocalDate today) {
        if (!missingItems.isEmpty()) {
            throw new RuleViolation("¶9", "the registration package is incomplete: " + String.join("; ", missingItems), missingItems);
        }
        // The ¶3-6 appraisal window is judged against this filing day by the collateral policy at registration.
        whitePaperSha256 = whitePaperSha;
        submittedOn = today;
        decisionDue = calendar.deadline(LegalTerm.REGISTRATION_DECISION, today);
        return new EmissionEvent.ApplicationSubmitted(submittedOn, decisionDue);
    }

    /**
     * ¶10, ¶57, ¶67-68: refused when unsecured (¶3-1), the collateral not registered yet (¶3-10), coverage short (¶3-5,
     * ¶3-6) or the upfront fee unpaid (¶28, ¶17); only then is the number allocated, so a refusal uses up no serial.
     */
    EmissionEvent.EmissionRegistered register(List<CollateralLine> collateral, CollateralCheck collateralCheck, boolean upfrontFeePaid,
            Supplier<String> numberAllocator, WorkingDayCalendar calendar, LocalDate today) {
        Emission.require(!collateral.isEmpty(), "¶3-1", "unsecured virtual assets may not be issued: the emission has no collateral");
        List<String> unregistered = collateral.stream().filter(c -> !c.isRegisteredBy(today))
                .map(c -> "collateral '" + c.description() + "' (" + c.type() + ") is not registered").toList();
        if (!unregistered.isEmpty()) {
            throw new RuleViolation("¶3-10", "no registration before the collateral is registered (¶3-7..3-9)", unregistered);
        }
        if (!collateralCheck.covered()) {
            throw new RuleViolation("¶3-5", "the collateral does not cover the emission: "
                    + String.join("; ", collateralCheck.problems()), collateralCheck.problems());
        }
        Emission.require(upfrontFeePaid, "¶28", "at least 20% of the registration fee must be paid with the package (¶17: fees unpaid)");
        Emission.require(whitePaperSha256 != null, "¶6", "the white paper is missing");
        String number = Objects.requireNonNull(numberAllocator.get());
        registrationNumber = number;
        registeredOn = today;
        return new EmissionEvent.EmissionRegistered(number, today, calendar.deadline(LegalTerm.REGISTER_ENTRY, today), whitePaperSha256);
    }

    /** ¶17-19: a reasoned refusal on at least one ¶17 ground; the documents are not returned (¶18). */
    EmissionEvent.RegistrationRefused refuse(List<RefusalGround> grounds, String reasons, LocalDate today) {
        Emission.require(grounds != null && !grounds.isEmpty(), "¶17", "a refusal must name at least one ground of ¶17");
        Emission.require(reasons != null && !reasons.isBlank(), "¶10, ¶17", "a refusal must be reasoned");
        refusalGrounds = String.join(",", grounds.stream().map(Enum::name).toList()) + ": " + reasons;
        return new EmissionEvent.RegistrationRefused(today, List.copyOf(grounds), reasons);
    }

    /** ¶7: the regulator consented to a new white paper; the register now holds it. */
    void replaceWhitePaper(String sha256) {
        whitePaperSha256 = Objects.requireNonNull(sha256);
    }

    Optional<String> whitePaperSha256() { return Optional.ofNullable(whitePaperSha256); }
    Optional<LocalDate> submittedOn() { return Optional.ofNullable(submittedOn); }
    Optional<LocalDate> decisionDue() { return Optional.ofNullable(decisionDue); }
    Optional<LocalDate> registeredOn() { return Optional.ofNullable(registeredOn); }
    Optional<String> registrationNumber() { return Optional.ofNullable(registrationNumber); }
    Optional<String> refusalGrounds() { return Optional.ofNullable(refusalGrounds); }
}
