package kg.vareg.backend.emissions;

import static kg.vareg.backend.emissions.EmissionTest.CAL;
import static kg.vareg.backend.emissions.EmissionTest.COVERED;
import static kg.vareg.backend.emissions.EmissionTest.on;
import static kg.vareg.backend.emissions.EmissionTest.violates;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import kg.vareg.backend.calendar.LegalTerm;
import org.junit.jupiter.api.Test;

/**
 * #19 item 1: effective dates. A step may carry the day the regulation dates it by (receipt, signature...) besides the
 * day it is recorded: never in the future, never before the previous step, never beyond what the ¶ allows; a backdated
 * step is marked and carries both dates; its deadlines run from the effective date.
 */
class EmissionBackdatingTest {
    private static final LocalDate MON_JUNE_1 = LocalDate.of(2026, 6, 1);
    private static final LocalDate FRI_MAY_29 = LocalDate.of(2026, 5, 29);
    private static final String WP = "ab".repeat(32);

    @Test
    void para10_aPackageReceivedEarlierIsBackdatedAndTheTwentyWorkingDaysRunFromReceipt() {
        Emission e = EmissionTest.draft();
        e.submit(List.of(), WP, FRI_MAY_29, CAL, on(MON_JUNE_1));
        assertThat(e.submittedOn()).contains(FRI_MAY_29);
        assertThat(e.decisionDue()).contains(CAL.deadline(LegalTerm.REGISTRATION_DECISION, FRI_MAY_29));
        assertThat(e.decisionDue()).isNotEqualTo(java.util.Optional.of(CAL.deadline(LegalTerm.REGISTRATION_DECISION, MON_JUNE_1)));
        EmissionEvent ev = e.drainEvents().getFirst();
        assertThat(ev).isInstanceOf(EmissionEvent.Backdated.class);
        assertThat(ev.type()).isEqualTo("ApplicationSubmitted");
        assertThat(ev.unwrapped()).isInstanceOf(EmissionEvent.ApplicationSubmitted.class);
        assertThat(ev.changes()).containsEntry("backdated", true).containsEntry("effectiveOn", "2026-05-29")
                .containsEntry("recordedOn", "2026-06-01").containsEntry("submittedOn", "2026-05-29");
    }

    @Test
    void aStepOfTodayIsNotMarked() {
        Emission e = EmissionTest.draft();
        e.submit(List.of(), WP, MON_JUNE_1, CAL, on(MON_JUNE_1));
        assertThat(e.drainEvents().getFirst()).isInstanceOf(EmissionEvent.ApplicationSubmitted.class);
    }

    @Test
    void neverInTheFuture() {
        Emission e = EmissionTest.draft();
        violates("¶10", () -> e.submit(List.of(), WP, MON_JUNE_1.plusDays(1), CAL, on(MON_JUNE_1)));
        assertThat(e.submittedOn()).isEmpty();
    }

    @Test
    void para10_notBeyondTheTwentyWorkingDaysOfTheDecision() {
        Emission e = EmissionTest.draft();
        violates("¶10", () -> e.submit(List.of(), WP, LocalDate.of(2026, 4, 1), CAL, on(MON_JUNE_1)));
        assertThat(e.drainEvents()).isEmpty();
    }

    @Test
    void para65_theRegistrationDecisionIsNotBeforeReceiptAndEnteredWithinThreeWorkingDays() {
        Emission e = EmissionTest.draft();
        e.submit(List.of(), WP, LocalDate.of(2026, 5, 20), CAL, on(LocalDate.of(2026, 5, 20)));
        // before the previous step (receipt of the package)
        violates("¶10", () -> e.register(() -> "KG0101AB121", COVERED, true, LocalDate.of(2026, 5, 19), CAL, on(MON_JUNE_1)));
        // signed on 21 May, entered on 1 June: more than 3 WD later (¶65)
        assertThat(CAL.deadline(LegalTerm.REGISTER_ENTRY, LocalDate.of(2026, 5, 21))).isBefore(MON_JUNE_1);
        violates("¶65", () -> e.register(() -> "KG0101AB121", COVERED, true, LocalDate.of(2026, 5, 21), CAL, on(MON_JUNE_1)));
        e.register(() -> "KG0101AB121", COVERED, true, LocalDate.of(2026, 5, 28), CAL, on(MON_JUNE_1));
        assertThat(e.registeredOn()).contains(LocalDate.of(2026, 5, 28));
        EmissionEvent ev = e.drainEvents().getLast();
        assertThat(ev.unwrapped()).isInstanceOfSatisfying(EmissionEvent.EmissionRegistered.class, r -> assertThat(r.registerEntryDue())
                .isEqualTo(CAL.deadline(LegalTerm.REGISTER_ENTRY, LocalDate.of(2026, 5, 28))));
        assertThat(ev.changes()).containsEntry("backdated", true).containsEntry("recordedOn", "2026-06-01");
        // a later step may not precede this one
        violates("¶25(1)", () -> e.suspend("breach of the white paper", LocalDate.of(2026, 5, 27), on(MON_JUNE_1)));
        e.suspend("breach of the white paper", LocalDate.of(2026, 5, 29), on(MON_JUNE_1));
        assertThat(e.lastEventOn()).contains(LocalDate.of(2026, 5, 29));
    }

    @Test
    void para37_theCurePeriodRunsFromTheNoticesDate() {
        Emission e = EmissionTest.draft();
        e.submit(List.of(), WP, CAL, on(LocalDate.of(2026, 5, 26)));
        e.register(() -> "KG0101AB121", COVERED, true, CAL, on(LocalDate.of(2026, 5, 26)));
        e.suspend("breach", LocalDate.of(2026, 5, 27), on(LocalDate.of(2026, 5, 28)));
        e.grantCurePeriod("name the breaches", FRI_MAY_29, CAL, on(MON_JUNE_1));
        assertThat(e.cureDeadline()).contains(CAL.deadline(LegalTerm.CURE_PERIOD, FRI_MAY_29));
    }
}
