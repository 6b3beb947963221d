package kg.vareg.backend.collateral;

import static kg.vareg.backend.collateral.CollateralType.GOLD;
import static kg.vareg.backend.collateral.CollateralType.GOVERNMENT_SECURITIES;
import static kg.vareg.backend.collateral.CollateralType.LISTED_SECURITIES;
import static kg.vareg.backend.collateral.CollateralType.MINING_RIGHTS;
import static kg.vareg.backend.collateral.CollateralType.MONEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ¶3-1, ¶3-5, ¶3-6, ¶3-7..¶3-10. */
class CollateralPolicyTest {

    private static final LocalDate SUBMISSION = LocalDate.of(2026, 3, 31);
    private static final LocalDate GOOD_APPRAISAL = LocalDate.of(2026, 1, 15);
    private static final LocalDate REGISTERED = LocalDate.of(2026, 3, 20);
    private static final BigDecimal VOLUME = new BigDecimal("1000000.00");

    private final CollateralPolicy policy = new CollateralPolicy();

    private static CollateralItem item(CollateralType type, String value) {
        return new CollateralItem(type, new BigDecimal(value), "KGS", type == MONEY ? null : GOOD_APPRAISAL,
                REGISTERED, registrarFor(type), "test " + type);
    }

    private static String registrarFor(CollateralType type) {
        return type == GOVERNMENT_SECURITIES || type == LISTED_SECURITIES ? "Central Depository" : "Bank X";
    }

    private CoverageAssessment assess(CollateralItem... items) {
        return policy.assess(VOLUME, List.of(items), SUBMISSION);
    }

    @Test
    void unsecuredEmissionIsRefused() {
        CoverageAssessment a = policy.assess(VOLUME, List.of(), SUBMISSION);
        assertThat(a.verdict()).isEqualTo(CoverageAssessment.Verdict.NOT_SECURED);
        assertThat(a.violations()).extracting(Violation::paragraph).containsExactly("¶3-1");
        assertThat(a.steps()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} secures 1,000,000.00, {2} does not")
    @CsvSource({
            "GOVERNMENT_SECURITIES, 1000000.00, 999999.99",
            "LISTED_SECURITIES,     1250000.00, 1249999.99",
            "MINING_RIGHTS,         2000000.00, 1999999.99",
            "MONEY,                 1000000.00, 999999.99",
            "GOLD,                  300000.00,  299999.99"})
    void eachTypeAloneMustReachItsMinimumAfterItsHaircut(CollateralType type, String enough, String notEnough) {
        CoverageAssessment ok = assess(item(type, enough));
        assertThat(ok.secured()).as(String.join("\n", ok.steps())).isTrue();
        assertThat(ok.types()).singleElement().satisfies(t -> {
            assertThat(t.coveragePercent()).isEqualByComparingTo(type.minCoveragePercent());
            assertThat(t.requirementFulfilledPercent()).isEqualByComparingTo("100");
            assertThat(t.paragraph()).startsWith("¶3-5(");
        });
        CoverageAssessment short_ = assess(item(type, notEnough));
        assertThat(short_.secured()).isFalse();
        assertThat(short_.violations()).extracting(Violation::paragraph).containsExactly("¶3-5");
    }

    @Test
    void haircutsAreTheMaximaOfParagraph3dash5() {
        assertThat(GOVERNMENT_SECURITIES.maxCountedSharePercent()).isEqualByComparingTo("100");
        assertThat(LISTED_SECURITIES.maxCountedSharePercent()).isEqualByComparingTo("80");
        assertThat(MINING_RIGHTS.maxCountedSharePercent()).isEqualByComparingTo("50");
        assertThat(MONEY.maxCountedSharePercent()).isEqualByComparingTo("100");
        assertThat(GOLD.maxCountedSharePercent()).isEqualByComparingTo("100");
        assertThat(GOLD.minCoveragePercent()).isEqualByComparingTo("30");
        CoverageAssessment a = assess(item(LISTED_SECURITIES, "1000000.00"));
        assertThat(a.items().get(0).countedValue()).isEqualByComparingTo("800000.00");
        assertThat(a.items().get(0).countedSharePercent()).isEqualByComparingTo("80");
        assertThat(a.secured()).isFalse();
    }

    @Test
    void aMixIsSecuredWhenTheSharesOfEachTypesRequirementAddUpTo100Percent() {
        // Gold 15% of volume = half of gold's 30%; money 50% = half of money's 100%.
        CoverageAssessment ok = assess(item(GOLD, "150000.00"), item(MONEY, "500000.00"));
        assertThat(ok.secured()).as(String.join("\n", ok.steps())).isTrue();
        assertThat(ok.requirementFulfilledPercent()).isEqualByComparingTo("100");
        CoverageAssessment notOk = assess(item(GOLD, "150000.00"), item(MONEY, "499999.99"));
        assertThat(notOk.secured()).isFalse();
        // Gold's low minimum does not stretch other types: 30% gold-equivalent value in money is not enough.
        assertThat(assess(item(MONEY, "300000.00")).secured()).isFalse();
    }

    @Test
    void theMixVerdictIsExactEvenWhenTheSharesAreRepeatingDecimals() {
        // Gold 100,000 = 1/3 of gold's requirement; money 666,667 = 0.666667 → just over 1.
        assertThat(assess(item(GOLD, "100000.00"), item(MONEY, "666667.00")).secured()).isTrue();
        // money 666,666.66 → 0.66666666 + 0.333… < 1.
        assertThat(assess(item(GOLD, "100000.00"), item(MONEY, "666666.66")).secured()).isFalse();
        // Exactly 1: gold 200,000 (2/3) + money 333,333.33… is impossible in cents; 2/3 + 1/3 via three types:
        CoverageAssessment three = assess(item(GOLD, "100000.00"), item(LISTED_SECURITIES, "416666.67"),
                item(MINING_RIGHTS, "666666.66"));
        // 1/3 + (333,333.33 / 1,000,000) + (333,333.33 / 1,000,000) = 0.99999999… → not secured
        assertThat(three.secured()).isFalse();
    }

    @Test
    void theComputationIsShown() {
        CoverageAssessment a = assess(item(GOLD, "400000.00"), item(LISTED_SECURITIES, "500000.00"));
        assertThat(a.steps()).anySatisfy(s -> assertThat(s).contains("1000000.00").contains("2026-03-31"));
        assertThat(a.steps()).anySatisfy(s -> assertThat(s).contains("GOLD").contains("40.00%").contains("133.33%"));
        assertThat(a.steps()).anySatisfy(s -> assertThat(s).contains("counted at 80%").contains("400000.00"));
        assertThat(a.steps()).anySatisfy(s -> assertThat(s).startsWith("Mix (¶3-5)").contains("173.33%"));
        assertThat(a.steps().get(a.steps().size() - 1)).isEqualTo("Verdict: SECURED");
        assertThat(a.types()).extracting(CoverageAssessment.TypeCoverage::rule)
                .allSatisfy(r -> assertThat(r).contains("% of the emission volume"));
    }

    @Test
    void appraisalWindowIsSixMonthsToOneMonthBeforeSubmissionInclusive() {
        // Submission 31.03.2026: window 30.09.2025 .. 28.02.2026.
        assertThat(withAppraisal(LocalDate.of(2025, 9, 30)).secured()).isTrue();
        assertThat(withAppraisal(LocalDate.of(2026, 2, 28)).secured()).isTrue();
        CoverageAssessment tooOld = withAppraisal(LocalDate.of(2025, 9, 29));
        assertThat(tooOld.violations()).extracting(Violation::paragraph).contains("¶3-6");
        assertThat(tooOld.violations()).anySatisfy(v -> assertThat(v.message()).contains("no longer current"));
        CoverageAssessment tooRecent = withAppraisal(LocalDate.of(2026, 3, 1));
        assertThat(tooRecent.violations()).anySatisfy(v -> assertThat(v.message()).contains("less than P1M"));
        CoverageAssessment afterSubmission = withAppraisal(LocalDate.of(2026, 4, 1));
        assertThat(afterSubmission.violations()).anySatisfy(v -> assertThat(v.message()).contains("after the documents"));
        assertThat(withAppraisal(null).violations()).anySatisfy(v -> assertThat(v.message()).contains("no independent appraisal"));
        assertThat(tooOld.items().get(0).counted()).isFalse();
        assertThat(tooOld.items().get(0).countedValue()).isZero();
    }

    private CoverageAssessment withAppraisal(LocalDate appraised) {
        return policy.assess(VOLUME, List.of(new CollateralItem(GOVERNMENT_SECURITIES, VOLUME, "KGS", appraised,
                REGISTERED, "Central Depository", "bonds")), SUBMISSION);
    }

    @Test
    void appraisalBoundsAreConfigurable() {
        CollateralPolicy lenient = new CollateralPolicy(new CollateralPolicy.Settings(Period.ofDays(0),
                Period.ofMonths(3), Map.of()));
        CollateralItem twoWeeksOld = new CollateralItem(GOLD, new BigDecimal("300000"), "KGS",
                SUBMISSION.minusWeeks(2), REGISTERED, "Bank X", "");
        assertThat(lenient.assess(VOLUME, List.of(twoWeeksOld), SUBMISSION).secured()).isTrue();
        assertThat(policy.assess(VOLUME, List.of(twoWeeksOld), SUBMISSION).secured()).isFalse();
        CollateralItem fourMonthsOld = new CollateralItem(GOLD, new BigDecimal("300000"), "KGS",
                SUBMISSION.minusMonths(4), REGISTERED, "Bank X", "");
        assertThat(lenient.assess(VOLUME, List.of(fourMonthsOld), SUBMISSION).secured()).isFalse();
        assertThat(policy.assess(VOLUME, List.of(fourMonthsOld), SUBMISSION).secured()).isTrue();
    }

    @Test
    void moneyNeedsNoAppraisal() {
        CollateralItem cash = new CollateralItem(MONEY, VOLUME, "KGS", null, REGISTERED, "Bank X", "deposit");
        assertThat(policy.assess(VOLUME, List.of(cash), SUBMISSION).secured()).isTrue();
    }

    @Test
    void collateralMustBeRegisteredBeforeSubmission() {
        CollateralItem unregistered = new CollateralItem(GOLD, new BigDecimal("300000"), "KGS", GOOD_APPRAISAL,
                null, null, "bars");
        CoverageAssessment a = policy.assess(VOLUME, List.of(unregistered), SUBMISSION);
        assertThat(a.secured()).isFalse();
        assertThat(a.violations()).extracting(Violation::paragraph).contains("¶3-10");

        CollateralItem lateSecurities = new CollateralItem(LISTED_SECURITIES, new BigDecimal("1250000"), "KGS",
                GOOD_APPRAISAL, SUBMISSION.plusDays(1), "Central Depository", "");
        assertThat(policy.assess(VOLUME, List.of(lateSecurities), SUBMISSION).violations())
                .extracting(Violation::paragraph).contains("¶3-8");
        CollateralItem lateGold = new CollateralItem(GOLD, new BigDecimal("300000"), "KGS", GOOD_APPRAISAL,
                SUBMISSION.plusDays(1), "Bank X", "");
        assertThat(policy.assess(VOLUME, List.of(lateGold), SUBMISSION).violations())
                .extracting(Violation::paragraph).contains("¶3-9");

        CollateralItem sameDay = new CollateralItem(GOLD, new BigDecimal("300000"), "KGS", GOOD_APPRAISAL,
                SUBMISSION, "Bank X", "");
        assertThat(policy.assess(VOLUME, List.of(sameDay), SUBMISSION).secured()).isTrue();

        CollateralItem noRegistrar = new CollateralItem(GOLD, new BigDecimal("300000"), "KGS", GOOD_APPRAISAL,
                REGISTERED, " ", "");
        assertThat(policy.assess(VOLUME, List.of(noRegistrar), SUBMISSION).secured()).isFalse();
    }

    @Test
    void anItemWithAViolationDoesNotCountEvenIfTheRestWouldSuffice() {
        CollateralItem unregistered = new CollateralItem(MONEY, VOLUME, "KGS", null, null, null, "");
        CoverageAssessment a = assess(item(GOLD, "300000.00"), unregistered);
        assertThat(a.items().get(1).counted()).isFalse();
        assertThat(a.types()).extracting(CoverageAssessment.TypeCoverage::type).containsExactly(GOLD);
        // Coverage itself is sufficient (gold), but the unregistered item still blocks registration (¶3-10).
        assertThat(a.requirementFulfilledPercent()).isEqualByComparingTo("100");
        assertThat(a.secured()).isFalse();
    }

    @Test
    void foreignCurrencyCollateralIsConvertedAtTheGivenRateOrRefused() {
        CollateralItem usd = new CollateralItem(MONEY, new BigDecimal("11500.00"), "USD", null, REGISTERED, "Bank X",
                "USD deposit");
        ExchangeRates rates = (from, to, day) -> from.equals("USD") && to.equals("KGS") && day.equals(SUBMISSION)
                ? Optional.of(new BigDecimal("87.4500")) : Optional.empty();
        CoverageAssessment a = policy.assess(VOLUME, "KGS", List.of(usd), SUBMISSION, rates);
        assertThat(a.items().get(0).valueInEmissionCurrency()).isEqualByComparingTo("1005675.00");
        assertThat(a.secured()).isTrue();
        assertThat(a.steps()).anySatisfy(s -> assertThat(s).contains("87.4500").contains("USD→KGS"));

        CoverageAssessment noRate = policy.assess(VOLUME, "KGS", List.of(usd), SUBMISSION, ExchangeRates.none());
        assertThat(noRate.secured()).isFalse();
        assertThat(noRate.violations()).anySatisfy(v -> assertThat(v.message()).contains("no exchange rate"));

        // Without the emission currency, mixed currencies are not silently added up.
        CoverageAssessment mixed = policy.assess(VOLUME, List.of(item(MONEY, "600000.00"), usd), SUBMISSION);
        assertThat(mixed.secured()).isFalse();
    }

    @Test
    void countedValuesAreRoundedDownNeverOverstated() {
        CoverageAssessment a = assess(item(MINING_RIGHTS, "0.03"));
        assertThat(a.items().get(0).countedValue()).isEqualByComparingTo("0.01"); // 0.015 → 0.01
    }

    @Test
    void settingsMayBeStricterButNeverLooserThanParagraph3dash5() {
        CollateralPolicy strict = new CollateralPolicy(new CollateralPolicy.Settings(Period.ofMonths(1),
                Period.ofMonths(6), Map.of(LISTED_SECURITIES, new BigDecimal("60"))));
        CoverageAssessment a = strict.assess(VOLUME, List.of(item(LISTED_SECURITIES, "1250000.00")), SUBMISSION);
        assertThat(a.items().get(0).countedValue()).isEqualByComparingTo("750000.00");
        assertThat(a.secured()).isFalse();
        assertThatThrownBy(() -> new CollateralPolicy.Settings(Period.ofMonths(1), Period.ofMonths(6),
                Map.of(LISTED_SECURITIES, new BigDecimal("81")))).hasMessageContaining("LISTED_SECURITIES");
        assertThatThrownBy(() -> new CollateralPolicy.Settings(Period.ofMonths(1), Period.ofMonths(6),
                Map.of(MINING_RIGHTS, new BigDecimal("50.01")))).hasMessageContaining("MINING_RIGHTS");
        assertThatThrownBy(() -> new CollateralPolicy.Settings(Period.ofMonths(1), Period.ofMonths(6),
                Map.of(GOVERNMENT_SECURITIES, new BigDecimal("90")))).hasMessageContaining("fixed at 100");
        assertThatThrownBy(() -> new CollateralPolicy.Settings(Period.ofMonths(6), Period.ofMonths(1), Map.of()))
                .hasMessageContaining("longer");
    }

    @Test
    void badInputIsRejectedWithClearMessages() {
        assertThatThrownBy(() -> new CollateralItem(GOLD, BigDecimal.ZERO, "KGS", null, null, null, ""))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new CollateralItem(GOLD, BigDecimal.ONE, "XXX1", null, null, null, ""))
                .hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> policy.assess(BigDecimal.ZERO, List.of(), SUBMISSION))
                .hasMessageContaining("positive");
    }
}
