package kg.vareg.backend.emissions;

import kg.vareg.backend.kernel.EmissionState;
import kg.vareg.backend.kernel.RuleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import kg.vareg.backend.calendar.CalendarLoader;
import kg.vareg.backend.calendar.WorkingDayCalendar;
import kg.vareg.backend.collateral.CollateralType;
import kg.vareg.backend.emissions.EmissionEvent.BurnReason;
import kg.vareg.backend.emissions.EmissionEvent.CancellationBasis;
import kg.vareg.backend.emissions.EmissionEvent.NoticeKind;
import kg.vareg.backend.emissions.EmissionEvent.RefusalGround;
import kg.vareg.backend.emissions.EmissionEvent.SuccessGround;
import kg.vareg.backend.numbering.VirtualAssetType;
import kg.vareg.backend.register.RegisterClock;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The aggregate's ¶ rules, one by one, on the real Kyrgyz working-day calendar. */
class EmissionTest {
    static final WorkingDayCalendar CAL = CalendarLoader.loadDefault();
    static final CollateralCheck COVERED = new CollateralCheck(true, List.of(), List.of("100%"));
    static final String WALLET = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    static final String TOKEN = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";

    static Clock on(LocalDate day) {
        return Clock.fixed(ZonedDateTime.of(day, LocalTime.NOON, RegisterClock.ZONE).toInstant(), RegisterClock.ZONE);
    }

    static EmissionTerms terms(BigInteger quantity, BigInteger minimum) {
        return new EmissionTerms(VirtualAssetType.STABLECOIN, quantity, minimum, 6, new BigDecimal("1.00"), "KGS", "1 KGS",
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 31), "terms", null, "circulation", null, "Ethereum",
                WALLET, TOKEN, null, null);
    }

    static List<CollateralLine> money(LocalDate registeredOn) {
        return List.of(new CollateralLine(CollateralType.MONEY, new BigDecimal("1000000"), "KGS", null, registeredOn,
                "Optima Bank", "deposit"));
    }

    /** A draft, its ApplicationDrafted event (the journal's commitment to the decision data) already taken. */
    static Emission draft() {
        Emission e = Emission.draft(UUID.randomUUID(), UUID.randomUUID(), terms(BigInteger.valueOf(1_000_000), BigInteger.valueOf(600_000)),
                money(LocalDate.of(2026, 5, 25)), on(LocalDate.of(2026, 6, 1)));
        assertThat(e.drainEvents()).singleElement().isInstanceOfSatisfying(EmissionEvent.ApplicationDrafted.class,
                d -> assertThat(d.commitments().get("decisionData")).matches("sha256:[0-9a-f]{64}"));
        return e;
    }

    static Emission registered() {
        Emission e = draft();
        e.submit(List.of(), "ab".repeat(32), CAL, on(LocalDate.of(2026, 6, 1)));
        e.register(() -> "KG0101AB121", COVERED, true, CAL, on(LocalDate.of(2026, 6, 1)));
        return e;
    }

    static Emission placing() {
        Emission e = registered();
        e.discloseOffer(LocalDate.of(2026, 6, 2), "https://x", CAL, on(LocalDate.of(2026, 6, 2)));
        e.startPlacement(LocalDate.of(2026, 6, 9), CAL, on(LocalDate.of(2026, 6, 9)));
        return e;
    }

    static Emission reported(long placed) {
        Emission e = placing();
        e.reportResults(LocalDate.of(2026, 7, 31), BigInteger.valueOf(placed), new BigDecimal(placed), CAL, on(LocalDate.of(2026, 8, 3)));
        return e;
    }

    static void violates(String paragraph, ThrowingCallable step) {
        assertThatThrownBy(step).isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.paragraph()).isEqualTo(paragraph));
    }

    @Test
    void para5_termsAreExactAndChecked() {
        violates("¶5", () -> terms(BigInteger.ZERO, BigInteger.ONE));
        violates("¶29", () -> terms(BigInteger.TEN, BigInteger.valueOf(11)));
        violates("¶5", () -> new EmissionTerms(VirtualAssetType.STABLECOIN, BigInteger.TEN, BigInteger.ONE, 6, BigDecimal.ONE, "KGS",
                "p", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1), "t", null, "c", null, "Ethereum",
                WALLET.toLowerCase(), TOKEN, null, null));
        // Decimals respected: the supply must fit a uint256.
        violates("¶5", () -> new EmissionTerms(VirtualAssetType.STABLECOIN, BigInteger.TWO.pow(200), BigInteger.ONE, 36,
                BigDecimal.ONE, "KGS", "p", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1), "t", null, "c", null, "Ethereum",
                WALLET, TOKEN, null, null));
        assertThat(terms(BigInteger.valueOf(5), BigInteger.ONE).onChainSupply()).isEqualTo(BigInteger.valueOf(5_000_000));
    }

    @Test
    void para9_incompletePackageNamesEachItem() {
        Emission e = draft();
        assertThatThrownBy(() -> e.submit(List.of("¶9(5) certificate", "¶9(8) fee"), null, CAL, on(LocalDate.of(2026, 6, 1))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.details()).containsExactly("¶9(5) certificate", "¶9(8) fee"));
        assertThat(e.state()).isEqualTo(EmissionState.DRAFT);
        assertThat(e.drainEvents()).isEmpty();
    }

    @Test
    void para10_decisionDueIn20WorkingDays() {
        Emission e = draft();
        e.submit(List.of(), "ab".repeat(32), CAL, on(LocalDate.of(2026, 6, 1)));
        assertThat(e.decisionDue()).contains(LocalDate.of(2026, 6, 29));
        assertThat(e.drainEvents()).singleElement().isInstanceOf(EmissionEvent.ApplicationSubmitted.class);
        violates("¶9", () -> e.submit(List.of(), "x", CAL, on(LocalDate.of(2026, 6, 1))));
    }

    @Test
    void para3_1_3_10_28_registrationNeedsSecuredRegisteredCollateralAndTheUpfrontFee() {
        Emission unsecured = Emission.draft(UUID.randomUUID(), UUID.randomUUID(), terms(BigInteger.TEN, BigInteger.ONE), List.of(),
                on(LocalDate.of(2026, 6, 1)));
        unsecured.submit(List.of(), "ab".repeat(32), CAL, on(LocalDate.of(2026, 6, 1)));
        violates("¶3-1", () -> unsecured.register(() -> "KG0101AB121", COVERED, true, CAL, on(LocalDate.of(2026, 6, 1))));

        Emission unregistered = Emission.draft(UUID.randomUUID(), UUID.randomUUID(), terms(BigInteger.TEN, BigInteger.ONE),
                money(null), on(LocalDate.of(2026, 6, 1)));
        unregistered.submit(List.of(), "ab".repeat(32), CAL, on(LocalDate.of(2026, 6, 1)));
        violates("¶3-10", () -> unregistered.register(() -> "KG0101AB121", COVERED, true, CAL, on(LocalDate.of(2026, 6, 1))));

        Emission e = draft();
        e.submit(List.of(), "ab".repeat(32), CAL, on(LocalDate.of(2026, 6, 1)));
        violates("¶3-5", () -> e.register(() -> "KG0101AB121", new CollateralCheck(false, List.of("short"), List.of()), true, CAL,
                on(LocalDate.of(2026, 6, 1))));
        violates("¶28", () -> e.register(() -> "KG0101AB121", COVERED, false, CAL, on(LocalDate.of(2026, 6, 1))));
        // A refused registration allocates no number.
        violates("¶28", () -> e.register(() -> { throw new AssertionError("no number may be allocated"); }, COVERED, false, CAL,
                on(LocalDate.of(2026, 6, 1))));
        e.register(() -> "KG0101AB121", COVERED, true, CAL, on(LocalDate.of(2026, 6, 1)));
        assertThat(e.drainEvents()).last().isInstanceOfSatisfying(EmissionEvent.EmissionRegistered.class,
                r -> assertThat(r.registerEntryDue()).isEqualTo(LocalDate.of(2026, 6, 4))); // ¶65: 3 WD
    }

    @Test
    void para17_refusalNeedsGroundsAndReasons() {
        Emission e = draft();
        e.submit(List.of(), "ab".repeat(32), CAL, on(LocalDate.of(2026, 6, 1)));
        violates("¶17", () -> e.refuse(List.of(), "x", on(LocalDate.of(2026, 6, 2))));
        violates("¶10, ¶17", () -> e.refuse(List.of(RefusalGround.FEES_NOT_PAID), " ", on(LocalDate.of(2026, 6, 2))));
        e.refuse(List.of(RefusalGround.FEES_NOT_PAID), "unpaid", on(LocalDate.of(2026, 6, 2)));
        assertThat(e.state()).isEqualTo(EmissionState.REFUSED);
    }

    @Test
    void para7_whitePaperChangeNeedsConsent() {
        Emission e = registered();
        e.requestWhitePaperChange("cd".repeat(32), CAL, on(LocalDate.of(2026, 6, 1)));
        violates("¶7", () -> e.requestWhitePaperChange("ef".repeat(32), CAL, on(LocalDate.of(2026, 6, 1))));
        assertThat(e.whitePaperSha256()).contains("ab".repeat(32));
        e.approveWhitePaperChange(on(LocalDate.of(2026, 6, 2)));
        assertThat(e.whitePaperSha256()).contains("cd".repeat(32));
        violates("¶7", () -> e.approveWhitePaperChange(on(LocalDate.of(2026, 6, 2))));
    }

    @Test
    void para20_21_placementNoEarlierThan5WorkingDaysAfterTheOfferAndWithinThePeriod() {
        Emission e = registered();
        violates("¶20", () -> e.discloseOffer(LocalDate.of(2026, 6, 3), "u", CAL, on(LocalDate.of(2026, 6, 2))));
        e.discloseOffer(LocalDate.of(2026, 6, 2), "u", CAL, on(LocalDate.of(2026, 6, 2)));
        violates("¶21", () -> e.startPlacement(LocalDate.of(2026, 6, 8), CAL, on(LocalDate.of(2026, 6, 8))));
        e.startPlacement(LocalDate.of(2026, 6, 9), CAL, on(LocalDate.of(2026, 6, 9)));
        assertThat(e.state()).isEqualTo(EmissionState.PLACEMENT);
        // Offer so late that 5 WD after it fall beyond the period.
        Emission late = registered();
        violates("¶20-21", () -> late.discloseOffer(LocalDate.of(2026, 7, 28), "u", CAL, on(LocalDate.of(2026, 7, 28))));
    }

    @Test
    void para25_suspensionAndCure() {
        Emission e = placing();
        e.suspend("false disclosure", on(LocalDate.of(2026, 6, 10)));
        violates("¶30", () -> e.reportResults(LocalDate.of(2026, 6, 10), BigInteger.ONE, BigDecimal.ONE, CAL, on(LocalDate.of(2026, 6, 10))));
        e.grantCurePeriod("fix section 4", CAL, on(LocalDate.of(2026, 6, 10)));
        assertThat(e.cureDeadline()).contains(LocalDate.of(2026, 6, 24));
        violates("¶37", () -> e.declareUnsuccessful("not cured", CAL, on(LocalDate.of(2026, 6, 24))));
        e.declareUnsuccessful("not cured", CAL, on(LocalDate.of(2026, 6, 25)));
        assertThat(e.state()).isEqualTo(EmissionState.UNSUCCESSFUL);
        assertThat(e.drainEvents()).last().isInstanceOf(EmissionEvent.RegistrationNumberCancelled.class);
        violates("¶25(1), ¶50", () -> e.suspend("again", on(LocalDate.of(2026, 6, 26))));
    }

    @Test
    void para25_liftResumesWhereItWas() {
        Emission e = placing();
        e.suspend("inspection", on(LocalDate.of(2026, 6, 10)));
        e.liftSuspension(on(LocalDate.of(2026, 6, 11)));
        assertThat(e.state()).isEqualTo(EmissionState.PLACEMENT);
        violates("¶25(1)", () -> e.liftSuspension(on(LocalDate.of(2026, 6, 11))));
    }

    @Test
    void para29_34_resultsAndTheTenWorkingDayWindow() {
        violates("¶29(1)", () -> reported(700_000).declareSuccessful(SuccessGround.ALL_PLACED, CAL, on(LocalDate.of(2026, 8, 4))));
        violates("¶29(2)", () -> reported(500_000).declareSuccessful(SuccessGround.MINIMUM_QUANTITY_PLACED, CAL, on(LocalDate.of(2026, 8, 4))));
        Emission late = reported(100_000);
        violates("¶34", () -> late.declareUnsuccessful("x", CAL, on(LocalDate.of(2026, 8, 18))));
        Emission inTime = reported(100_000);
        inTime.declareUnsuccessful("x", CAL, on(LocalDate.of(2026, 8, 17)));
        assertThat(inTime.numberCancelledOn()).contains(LocalDate.of(2026, 8, 17));
        // ¶30: the report is late after 30 CD (30 Aug 2026 is a Sunday, 31 Aug Independence Day → Tuesday 1 Sep).
        Emission lateReport = placing();
        lateReport.reportResults(LocalDate.of(2026, 7, 31), BigInteger.ONE, BigDecimal.ONE, CAL, on(LocalDate.of(2026, 9, 2)));
        assertThat(lateReport.drainEvents()).last().isInstanceOfSatisfying(EmissionEvent.ResultsReported.class, r -> {
            assertThat(r.reportDue()).isEqualTo(LocalDate.of(2026, 9, 1));
            assertThat(r.late()).isTrue();
        });
        violates("¶20", () -> placing().reportResults(LocalDate.of(2026, 8, 1), BigInteger.ONE, BigDecimal.ONE, CAL, on(LocalDate.of(2026, 8, 3))));
    }

    @Test
    void para48_52_afterSuccessOnlyNotGenuine() {
        Emission e = reported(1_000_000);
        e.declareSuccessful(SuccessGround.ALL_PLACED, CAL, on(LocalDate.of(2026, 8, 4)));
        violates("¶48", () -> e.declareUnsuccessful("x", CAL, on(LocalDate.of(2026, 8, 5))));
        violates("¶52", () -> placing().declareNotGenuine("ab".repeat(32), CAL, on(LocalDate.of(2026, 8, 5))));
        e.declareNotGenuine("ab".repeat(32), CAL, on(LocalDate.of(2026, 8, 5)));
        assertThat(e.state()).isEqualTo(EmissionState.NOT_GENUINE);
    }

    @Test
    void para25_3_invalidByCourtFromAnyLiveState() {
        Emission e = registered();
        e.declareInvalid("court", "ab".repeat(32), CAL, on(LocalDate.of(2026, 6, 2)));
        assertThat(e.state()).isEqualTo(EmissionState.INVALID);
        violates("¶25(3)", () -> e.declareInvalid("court", "ab".repeat(32), CAL, on(LocalDate.of(2026, 6, 3))));
        violates("¶25(3)", () -> draft().declareInvalid("court", "ab".repeat(32), CAL, on(LocalDate.of(2026, 6, 3))));
    }

    @Test
    void para45_47_burns() {
        Emission e = reported(700_000);
        violates("¶25, ¶53", () -> e.recordBurn(BigInteger.ONE, BurnReason.WITHDRAWAL, null, null, on(LocalDate.of(2026, 8, 4))));
        e.declareSuccessful(SuccessGround.MINIMUM_QUANTITY_PLACED, CAL, on(LocalDate.of(2026, 8, 4)));
        violates("¶45", () -> e.recordBurn(BigInteger.valueOf(300_001), BurnReason.UNPLACED, null, null, on(LocalDate.of(2026, 8, 5))));
        e.recordBurn(BigInteger.valueOf(300_000), BurnReason.UNPLACED, null, null, on(LocalDate.of(2026, 8, 5)));
        violates("¶46", () -> e.recordBurn(BigInteger.TEN, BurnReason.PARTIAL_REDUCTION, null, null, on(LocalDate.of(2026, 8, 6))));
        e.recordBurn(BigInteger.TEN, BurnReason.PARTIAL_REDUCTION, null, "cd".repeat(32), on(LocalDate.of(2026, 8, 6)));
        // ¶47: a partial burn leaves the number live.
        assertThat(e.state()).isEqualTo(EmissionState.SUCCESSFUL);
        assertThat(e.numberCancelledOn()).isEmpty();
        assertThat(e.circulating()).isEqualTo(BigInteger.valueOf(699_990));
    }

    @Test
    void para47_54_56_cancellationCancelsTheNumberAndTheNoticesFollow() {
        Emission e = registered();
        violates("¶54", () -> e.recordNotice(NoticeKind.WRITTEN_CONFIRMATION, CAL, on(LocalDate.of(2026, 6, 2))));
        e.cancel(CancellationBasis.ISSUER_LIQUIDATED, "ab".repeat(32), CAL, on(LocalDate.of(2026, 6, 2)));
        assertThat(e.drainEvents()).last().isInstanceOfSatisfying(EmissionEvent.RegistrationNumberCancelled.class, c -> {
            assertThat(c.entryDue()).isEqualTo(LocalDate.of(2026, 6, 3)); // ¶36: next WD
            assertThat(c.writtenConfirmationDue()).isEqualTo(LocalDate.of(2026, 6, 5)); // ¶55: 3 WD
            assertThat(c.publicationDue()).isEqualTo(LocalDate.of(2026, 6, 9)); // ¶56: 5 WD
        });
        e.recordNotice(NoticeKind.WRITTEN_CONFIRMATION, CAL, on(LocalDate.of(2026, 6, 8)));
        // ¶54: one written confirmation to the issuer and one to the trading operator, both late.
        assertThat(e.drainEvents()).hasSize(2).allSatisfy(ev -> assertThat(ev).isInstanceOfSatisfying(EmissionEvent.NoticeRecorded.class,
                n -> assertThat(n.late()).isTrue()));
        violates("¶55", () -> e.recordNotice(NoticeKind.WRITTEN_CONFIRMATION, CAL, on(LocalDate.of(2026, 6, 8))));
    }

    @Test
    void para59_draftDataFrozenAfterFiling() {
        Emission e = registered();
        violates("¶59", () -> e.amend(terms(BigInteger.TEN, BigInteger.ONE), money(LocalDate.of(2026, 5, 25)), on(LocalDate.of(2026, 6, 2))));
    }
}
