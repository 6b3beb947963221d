package kg.vareg.backend.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import kg.vareg.backend.calendar.CalendarLoader;
import kg.vareg.backend.calendar.ConfiguredWorkingDayCalendar;

/** ¶26–28 on the real 2025–2026 calendar. */
class RegistrationFeesTest {

    private static final ConfiguredWorkingDayCalendar CAL = CalendarLoader.loadDefault();
    private static final BigDecimal ONE_BILLION = new BigDecimal("1000000000");
    private static final QuarterId Q1 = new QuarterId(2026, 1);
    private static final QuarterId Q2 = new QuarterId(2026, 2);
    private static final QuarterId Q3 = new QuarterId(2026, 3);

    private final RegistrationFees fees = new RegistrationFees();

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    private static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    @Test
    void feeIsOneHundredthOfAPercentOfTotalNominalValue() {
        assertThat(fees.totalFee(ONE_BILLION)).isEqualTo(bd("100000.00"));
        assertThat(fees.totalFee(bd("123456789"))).isEqualTo(bd("12345.68")); // 12345.6789 half-up
        assertThat(fees.totalFee(bd("123456749"))).isEqualTo(bd("12345.67")); // 12345.6749
        assertThat(fees.totalFee(bd("123456789"), "JPY")).isEqualTo(bd("12346")); // no minor unit
        assertThatThrownBy(() -> fees.totalFee(BigDecimal.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> fees.totalFee(BigDecimal.TEN, "XYZ1")).hasMessageContaining("ISO 4217");
    }

    @Test
    void feeBaseIsTheExchangeQuoteWhereTradedElseTheDeclaredNominal() {
        // ¶27: no trades → declared nominal; ¶26: traded → quote on the day of payment.
        assertThat(RegistrationFees.feeBase(bd("1000000"), bd("100"), Optional.empty())).isEqualByComparingTo("100000000");
        assertThat(RegistrationFees.feeBase(bd("1000000"), bd("100"), Optional.of(bd("112.50"))))
                .isEqualByComparingTo("112500000");
    }

    @Test
    void atLeastTwentyPercentWithThePackageRoundedUp() {
        assertThat(fees.minimumUpfront(bd("100000.00"))).isEqualTo(bd("20000.00"));
        BigDecimal min = fees.minimumUpfront(bd("12345.68")); // 2469.136
        assertThat(min).isEqualTo(bd("2469.14"));
        assertThat(min).isGreaterThanOrEqualTo(bd("12345.68").multiply(bd("0.2")));
    }

    @Test
    void quarterlyDeadlinesAreFiveAndTenWorkingDaysAfterQuarterEnd() {
        FeeSchedule s = fees.schedule(ONE_BILLION, "KGS", bd("20000.00"), d(2026, 2, 15), d(2026, 8, 10), CAL);
        assertThat(s.quarters()).extracting(FeeQuarter::id).containsExactly(Q1, Q2, Q3);
        // Q1 ends Tue 31.03: Apr 1,2,3,6,7 (7 April is a working holiday since 2025) → payment 07.04; notice 14.04.
        assertThat(s.quarters().get(0).paymentDue()).isEqualTo(d(2026, 4, 7));
        assertThat(s.quarters().get(0).noticeDue()).isEqualTo(d(2026, 4, 14));
        assertThat(s.quarters().get(1).paymentDue()).isEqualTo(d(2026, 7, 7));
        assertThat(s.quarters().get(1).noticeDue()).isEqualTo(d(2026, 7, 14));
        assertThat(s.quarters().get(2).quarterEnd()).isEqualTo(d(2026, 9, 30));
        assertThat(s.quarters().get(2).paymentDue()).isEqualTo(d(2026, 10, 7));
        assertThat(s.quarters().get(2).noticeDue()).isEqualTo(d(2026, 10, 14));
        assertThat(s.totalFee()).isEqualTo(bd("100000.00"));
        assertThat(s.remainder()).isEqualTo(bd("80000.00"));
        assertThat(s.upfrontSufficient()).isTrue();
    }

    @Test
    void aQuarterEndingOnNewYearsEveIsPaidAfterTheJanuaryHolidays() {
        FeeSchedule s = fees.schedule(ONE_BILLION, "KGS", bd("20000.00"), d(2025, 11, 1), d(2025, 12, 20), CAL);
        FeeQuarter q4 = s.quarters().get(0);
        assertThat(q4.id()).isEqualTo(new QuarterId(2025, 4));
        // 1-11 January 2026 are all days off: 12, 13, 14, 15, 16 → 16.01; notice 19..23 → 23.01.
        assertThat(q4.paymentDue()).isEqualTo(d(2026, 1, 16));
        assertThat(q4.noticeDue()).isEqualTo(d(2026, 1, 23));
    }

    @Test
    void remainderIsOwedInProportionToWhatIsActuallyPlaced() {
        FeeSchedule s = fees.schedule(ONE_BILLION, "KGS", bd("20000.00"), d(2026, 2, 15), d(2026, 8, 10), CAL);
        List<QuarterlyInstalment> inst = fees.instalments(s, Map.of(Q1, bd("250000000"), Q3, bd("500000000")));
        assertThat(inst).extracting(QuarterlyInstalment::amountDue)
                .containsExactly(bd("20000.00"), bd("0.00"), bd("40000.00"));
        assertThat(inst.get(2).cumulativePlaced()).isEqualByComparingTo("750000000");
        // Everything placed: instalments add up exactly to the remainder, whatever the rounding of each quarter.
        List<QuarterlyInstalment> all = fees.instalments(s, Map.of(Q1, bd("333333333"), Q2, bd("333333333"),
                Q3, bd("333333334")));
        assertThat(all.stream().map(QuarterlyInstalment::amountDue).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(bd("80000.00"));
        assertThat(all.get(0).amountDue()).isEqualTo(bd("26666.67"));
    }

    @Test
    void upfrontAboveTheMinimumReducesTheRemainder() {
        FeeSchedule s = fees.schedule(ONE_BILLION, "KGS", bd("100000.00"), d(2026, 2, 15), d(2026, 8, 10), CAL);
        assertThat(s.remainder()).isEqualTo(bd("0.00"));
        assertThat(fees.instalments(s, Map.of(Q1, ONE_BILLION))).allSatisfy(i -> assertThat(i.amountDue()).isZero());
    }

    @Test
    void upfrontBelowTwentyPercentIsFlagged() {
        FeeSchedule s = fees.schedule(ONE_BILLION, "KGS", bd("19999.99"), d(2026, 2, 15), d(2026, 8, 10), CAL);
        assertThat(s.upfrontSufficient()).isFalse();
        FeeStatus st = fees.evaluate(s, Map.of(), List.of(FeePayment.upfront(d(2026, 2, 1), bd("19999.99"), "KGS")),
                List.of(), d(2026, 2, 2));
        assertThat(st.upfrontSufficient()).isFalse();
    }

    @Test
    void overdueEvaluation() {
        FeeSchedule s = fees.schedule(ONE_BILLION, "KGS", bd("20000.00"), d(2026, 2, 15), d(2026, 8, 10), CAL);
        Map<QuarterId, BigDecimal> placed = Map.of(Q1, bd("250000000"), Q3, bd("500000000"));
        List<FeePayment> payments = List.of(
                FeePayment.upfront(d(2026, 2, 1), bd("20000.00"), "KGS"),
                FeePayment.forQuarter(Q1, d(2026, 4, 7), bd("20000.00"), "KGS"));
        List<QuarterNotice> notices = List.of(new QuarterNotice(Q1, d(2026, 4, 14)), new QuarterNotice(Q2, d(2026, 7, 15)));

        FeeStatus onDeadline = fees.evaluate(s, placed, payments, notices, d(2026, 10, 7));
        assertThat(onDeadline.upfrontSufficient()).isTrue();
        assertThat(onDeadline.quarters()).extracting(FeeStatus.QuarterStatus::payment).containsExactly(
                FeeStatus.PaymentState.PAID, FeeStatus.PaymentState.NOTHING_DUE, FeeStatus.PaymentState.NOT_YET_DUE);
        assertThat(onDeadline.quarters()).extracting(FeeStatus.QuarterStatus::notice).containsExactly(
                FeeStatus.NoticeState.FILED, FeeStatus.NoticeState.FILED_LATE, FeeStatus.NoticeState.NOT_YET_DUE);

        FeeStatus dayAfter = fees.evaluate(s, placed, payments, notices, d(2026, 10, 8));
        assertThat(dayAfter.quarters().get(2).payment()).isEqualTo(FeeStatus.PaymentState.OVERDUE);
        assertThat(dayAfter.quarters().get(2).outstanding()).isEqualTo(bd("40000.00"));
        assertThat(dayAfter.anyOverdue()).isTrue();

        FeeStatus afterNoticeDeadline = fees.evaluate(s, placed, payments, notices, d(2026, 10, 15));
        assertThat(afterNoticeDeadline.quarters().get(2).notice()).isEqualTo(FeeStatus.NoticeState.OVERDUE);

        List<FeePayment> late = new java.util.ArrayList<>(payments);
        late.add(FeePayment.forQuarter(Q3, d(2026, 10, 5), bd("30000.00"), "KGS"));
        FeeStatus partial = fees.evaluate(s, placed, late, notices, d(2026, 10, 6));
        assertThat(partial.quarters().get(2).payment()).isEqualTo(FeeStatus.PaymentState.NOT_YET_DUE);
        assertThat(partial.quarters().get(2).outstanding()).isEqualTo(bd("10000.00"));
        late.add(FeePayment.forQuarter(Q3, d(2026, 10, 9), bd("10000.00"), "KGS"));
        FeeStatus paidLate = fees.evaluate(s, placed, late, notices, d(2026, 10, 20));
        assertThat(paidLate.quarters().get(2).payment()).isEqualTo(FeeStatus.PaymentState.PAID_LATE);
        assertThat(paidLate.quarters().get(2).paidInTime()).isEqualTo(bd("30000.00"));
    }

    @Test
    void inconsistentInputIsRejected() {
        FeeSchedule s = fees.schedule(ONE_BILLION, "KGS", bd("20000.00"), d(2026, 2, 15), d(2026, 8, 10), CAL);
        assertThatThrownBy(() -> fees.instalments(s, Map.of(Q1, bd("600000000"), Q2, bd("500000000"))))
                .hasMessageContaining("exceeds");
        assertThatThrownBy(() -> fees.instalments(s, Map.of(new QuarterId(2026, 4), BigDecimal.ONE)))
                .hasMessageContaining("outside the placement period");
        assertThatThrownBy(() -> fees.evaluate(s, Map.of(), List.of(FeePayment.upfront(d(2026, 2, 1), bd("1"), "USD")),
                List.of(), d(2026, 3, 1))).hasMessageContaining("USD");
        assertThatThrownBy(() -> fees.evaluate(s, Map.of(), List.of(FeePayment.upfront(d(2026, 2, 1), bd("1.001"), "KGS")),
                List.of(), d(2026, 3, 1))).hasMessageContaining("minor unit");
        assertThatThrownBy(() -> fees.schedule(ONE_BILLION, "KGS", bd("20000"), d(2026, 3, 1), d(2026, 2, 1), CAL))
                .hasMessageContaining("before it starts");
    }
}
