package kg.vareg.backend.emissions;

import static kg.vareg.backend.emissions.EmissionTest.CAL;
import static kg.vareg.backend.emissions.EmissionTest.COVERED;
import static kg.vareg.backend.emissions.EmissionTest.on;
import static kg.vareg.backend.emissions.EmissionTest.violates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import kg.vareg.backend.emissions.EmissionEvent.SuccessGround;
import org.junit.jupiter.api.Test;

/** ¶59: the nominal value or quantity of a registered emission change only after the register is changed (¶7 consent). */
class RegisterChangeTest {
    static final CollateralCheck SHORT = new CollateralCheck(false, List.of("MONEY covers 83% < 100%"), List.of("83%"));
    static final LocalDate JUNE_2 = LocalDate.of(2026, 6, 2);

    @Test
    void para59_aRegisteredEmissionsQuantityChangesOnlyWhenTheRegisterIsChangedOnConsent() {
        Emission e = EmissionTest.registered(); // 1,000,000 VAs at 1.00 KGS, minimum 600,000
        e.drainEvents();
        // Not by editing the data (¶59) ...
        violates("¶59", () -> e.amend(EmissionTest.terms(BigInteger.valueOf(1_200_000), BigInteger.valueOf(600_000)),
                EmissionTest.money(LocalDate.of(2026, 5, 25)), on(JUNE_2)));
        // ... nor to the same values, nor below the minimum quantity for success (¶29).
        violates("¶59", () -> e.requestWhitePaperChange("cd".repeat(32), new RegisterChange(BigInteger.valueOf(1_000_000),
                new BigDecimal("1.000")), CAL, on(JUNE_2)));
        violates("¶29", () -> e.requestWhitePaperChange("cd".repeat(32), new RegisterChange(BigInteger.valueOf(599_999), null),
                CAL, on(JUNE_2)));

        e.requestWhitePaperChange("cd".repeat(32), new RegisterChange(BigInteger.valueOf(1_200_000), null), CAL, on(JUNE_2));
        assertThat(e.drainEvents()).singleElement().isInstanceOfSatisfying(EmissionEvent.WhitePaperChangeRequested.class, r -> {
            assertThat(r.paragraph()).isEqualTo("¶7, ¶59");
            assertThat(r.changes()).containsEntry("proposedQuantity", "1200000").containsEntry("answerDue", "2026-06-16");
        });
        // Asked for, not yet in the register.
        assertThat(e.quantity()).isEqualTo(BigInteger.valueOf(1_000_000));
        assertThat(e.pendingRegisterChange()).contains(new RegisterChange(BigInteger.valueOf(1_200_000), null));
        assertThatThrownBy(() -> e.approveWhitePaperChange(on(JUNE_2))).isInstanceOf(IllegalStateException.class);

        // ¶3-5: the collateral must cover the new volume, or nothing changes.
        violates("¶3-5", () -> e.approveWhitePaperChange(SHORT, on(JUNE_2)));
        assertThat(e.quantity()).isEqualTo(BigInteger.valueOf(1_000_000));
        assertThat(e.whitePaperSha256()).contains("ab".repeat(32));

        e.approveWhitePaperChange(COVERED, on(LocalDate.of(2026, 6, 3)));
        assertThat(e.quantity()).isEqualTo(BigInteger.valueOf(1_200_000));
        assertThat(e.whitePaperSha256()).contains("cd".repeat(32));
        assertThat(e.pendingRegisterChange()).isEmpty();
        List<EmissionEvent> events = e.drainEvents();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(EmissionEvent.WhitePaperChangeApproved.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(EmissionEvent.RegisterAmended.class, a -> {
            assertThat(a.paragraph()).contains("¶59");
            assertThat(a.changes()).containsEntry("quantityBefore", "1000000").containsEntry("quantity", "1200000")
                    .containsEntry("nominalValue", "1").containsEntry("onChainSupply", "1200000000000")
                    .containsEntry("amendedOn", "2026-06-03");
        });
    }

    @Test
    void para59_aRefusedChangeLeavesTheNominalValueAsRegistered() {
        Emission e = EmissionTest.registered();
        e.requestWhitePaperChange("cd".repeat(32), new RegisterChange(null, new BigDecimal("2.00")), CAL, on(JUNE_2));
        e.refuseWhitePaperChange("the collateral does not cover a doubled nominal value", on(JUNE_2));
        assertThat(e.nominalValue()).isEqualByComparingTo("1.00");
        assertThat(e.pendingRegisterChange()).isEmpty();
        // A later white paper change alone does not bring the refused value back.
        e.requestWhitePaperChange("ef".repeat(32), CAL, on(JUNE_2));
        e.approveWhitePaperChange(on(JUNE_2));
        assertThat(e.nominalValue()).isEqualByComparingTo("1.00");
    }

    @Test
    void para59_theQuantityCannotGoBelowWhatWasPlaced() {
        Emission e = EmissionTest.reported(700_000);
        e.declareSuccessful(SuccessGround.MINIMUM_QUANTITY_PLACED, CAL, on(LocalDate.of(2026, 8, 4)));
        violates("¶59", () -> e.requestWhitePaperChange("cd".repeat(32), new RegisterChange(BigInteger.valueOf(650_000), null),
                CAL, on(LocalDate.of(2026, 8, 5))));
        e.requestWhitePaperChange("cd".repeat(32), new RegisterChange(BigInteger.valueOf(700_000), null), CAL, on(LocalDate.of(2026, 8, 5)));
        e.approveWhitePaperChange(COVERED, on(LocalDate.of(2026, 8, 6)));
        assertThat(e.quantity()).isEqualTo(BigInteger.valueOf(700_000));
        assertThat(e.unplacedRemaining()).isZero();
    }

    @Test
    void para59_aChangeNamesSomethingAndStaysPositive() {
        violates("¶59", () -> new RegisterChange(null, null));
        violates("¶5, ¶59", () -> new RegisterChange(BigInteger.ZERO, null));
        violates("¶1, ¶5, ¶59", () -> new RegisterChange(null, new BigDecimal("-1")));
    }
}
