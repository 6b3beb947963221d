package kg.vareg.backend.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import kg.vareg.backend.calendar.LegalTerm;
import kg.vareg.backend.calendar.WorkingDayCalendar;

/**
 * The state registration fee (¶26–28). Pure; BigDecimal throughout, rounded to the currency's minor unit.
 *
 * <ul>
 *   <li>¶26/¶27: fee = 0.01% of the total value of all VAs of the issue: at the crypto exchange quote on the day of
 *       payment where the VA trades (¶26), at the declared nominal value where it does not (¶27) — see
 *       {@link #feeBase}. Rounded half-up.</li>
 *   <li>¶28: at least 20% of the fee with the registration package (rounded up, so "at least 20%" holds); the rest
 *       quarterly, within 5 WD after each quarter ends, "according to the amount actually placed": the remainder is
 *       spread in proportion to the nominal value placed, computed on cumulative amounts so rounding never drifts;
 *       the issuer notifies the regulator within 10 WD after the quarter ends.</li>
 * </ul>
 */
public final class RegistrationFees {

    /** 0.01% (¶26). */
    public static final BigDecimal RATE = new BigDecimal("0.0001");
    /** At least 20% with the package (¶28). */
    public static final BigDecimal MIN_UPFRONT_SHARE = new BigDecimal("0.20");
    private static final String DEFAULT_CURRENCY = "KGS";

    /**
     * The base of the fee: quantity × the exchange quote on the day of payment when the VA is traded and quoted
     * (¶26), otherwise quantity × the declared nominal value (¶27).
     */
    public static BigDecimal feeBase(BigDecimal quantity, BigDecimal nominalValue,
            Optional<BigDecimal> exchangeQuoteOnPaymentDay) {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(nominalValue, "nominalValue");
        if (quantity.signum() <= 0 || nominalValue.signum() <= 0) {
            throw new IllegalArgumentException("quantity and nominal value must be positive");
        }
        BigDecimal price = exchangeQuoteOnPaymentDay.orElse(nominalValue);
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("exchange quote must be positive, got " + price.toPlainString());
        }
        return quantity.multiply(price);
    }

    /** 0.01% of the total nominal value, in KGS (2 decimals, half-up). */
    public BigDecimal totalFee(BigDecimal totalNominalValue) {
        return totalFee(totalNominalValue, DEFAULT_CURRENCY);
    }

    /** 0.01% of the total nominal value, rounded half-up to the minor unit of {@code currency}. */
    public BigDecimal totalFee(BigDecimal totalNominalValue, String currency) {
        Objects.requireNonNull(totalNominalValue, "totalNominalValue");
        if (totalNominalValue.signum() <= 0) {
            throw new IllegalArgumentException("total nominal value must be positive, got "
                    + totalNominalValue.toPlainString());
        }
        return totalNominalValue.multiply(RATE).setScale(minorUnits(currency), RoundingMode.HALF_UP);
    }

    /** At least 20% of the fee, in KGS, rounded up. */
    public BigDecimal minimumUpfront(BigDecimal totalFee) {
        return minimumUpfront(totalFee, DEFAULT_CURRENCY);
    }

    /** At least 20% of the fee, rounded up to the minor unit of {@code currency} (¶28). */
    public BigDecimal minimumUpfront(BigDecimal totalFee, String currency) {
        Objects.requireNonNull(totalFee, "totalFee");
        return totalFee.multiply(MIN_UPFRONT_SHARE).setScale(minorUnits(currency), RoundingMode.CEILING);
    }

    /**
     * The schedule: fee, minimum upfront, and each calendar quarter touched by the placement period with its
     * payment (5 WD) and notice (10 WD) deadlines (¶28).
     *
     * @param upfrontPaid what was paid with the package (may be below the minimum: {@link FeeSchedule#upfrontSufficient()})
     */
    public FeeSchedule schedule(BigDecimal feeBase, String currency, BigDecimal upfrontPaid, LocalDate placementStart,
            LocalDate placementEnd, WorkingDayCalendar cal) {
        Objects.requireNonNull(upfrontPaid, "upfrontPaid");
        Objects.requireNonNull(placementStart, "placementStart");
        Objects.requireNonNull(placementEnd, "placementEnd");
        Objects.requireNonNull(cal, "cal");
        if (placementEnd.isBefore(placementStart)) {
            throw new IllegalArgumentException("placement ends (" + placementEnd + ") before it starts ("
                    + placementStart + ")");
        }
        if (upfrontPaid.signum() < 0) {
            throw new IllegalArgumentException("upfront payment must not be negative");
        }
        int scale = minorUnits(currency);
        BigDecimal total = totalFee(feeBase, currency);
        if (upfrontPaid.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException("upfront payment " + upfrontPaid.toPlainString()
                    + " has more decimals than the minor unit of " + currency);
        }
        BigDecimal upfront = upfrontPaid.setScale(scale, RoundingMode.UNNECESSARY);
        BigDecimal remainder = total.subtract(upfront).max(BigDecimal.ZERO).setScale(scale, RoundingMode.UNNECESSARY);
        List<FeeQuarter> quarters = new ArrayList<>();
        for (QuarterId q = QuarterId.of(placementStart); q.compareTo(QuarterId.of(placementEnd)) <= 0; q = q.next()) {
            LocalDate end = q.lastDay();
            quarters.add(new FeeQuarter(q, end, cal.deadline(LegalTerm.FEE_QUARTERLY_PAYMENT, end),
                    cal.deadline(LegalTerm.FEE_QUARTERLY_NOTICE, end)));
        }
        return new FeeSchedule(currency, feeBase, total, minimumUpfront(total, currency), upfront, remainder,
                placementStart, placementEnd, quarters);
    }

    /**
     * The instalment of every quarter of the schedule from the nominal value placed in each (quarters missing from
     * the map placed nothing). The remainder is owed in proportion to what is placed: if everything is placed the
     * instalments add up exactly to the remainder.
     */
    public List<QuarterlyInstalment> instalments(FeeSchedule schedule, Map<QuarterId, BigDecimal> placedByQuarter) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(placedByQuarter, "placedByQuarter");
        for (QuarterId q : placedByQuarter.keySet()) {
            if (schedule.quarters().stream().noneMatch(fq -> fq.id().equals(q))) {
                throw new IllegalArgumentException("placement reported for " + q + ", outside the placement period "
                        + schedule.placementStart() + ".." + schedule.placementEnd());
            }
        }
        int scale = minorUnits(schedule.currency());
        List<QuarterlyInstalment> result = new ArrayList<>();
        BigDecimal cumulativePlaced = BigDecimal.ZERO;
        BigDecimal previousDue = BigDecimal.ZERO.setScale(scale);
        for (FeeQuarter fq : schedule.quarters()) {
            BigDecimal placed = placedByQuarter.getOrDefault(fq.id(), BigDecimal.ZERO);
            if (placed.signum() < 0) {
                throw new IllegalArgumentException("placed amount for " + fq.id() + " is negative");
            }
            cumulativePlaced = cumulativePlaced.add(placed);
            if (cumulativePlaced.compareTo(schedule.feeBase()) > 0) {
                throw new IllegalArgumentException("placed nominal value up to " + fq.id() + " ("
                        + cumulativePlaced.toPlainString() + ") exceeds the issue's total ("
                        + schedule.feeBase().toPlainString() + ")");
            }
            BigDecimal cumulativeDue = schedule.remainder().multiply(cumulativePlaced)
                    .divide(schedule.feeBase(), scale, RoundingMode.HALF_UP);
            result.add(new QuarterlyInstalment(fq, placed, cumulativePlaced, cumulativeDue,
                    cumulativeDue.subtract(previousDue)));
            previousDue = cumulativeDue;
        }
        return result;
    }

    /**
     * Payment and notice state of every quarter on {@code asOf}, and whether the upfront part was sufficient.
     * A quarter is OVERDUE once its deadline has passed (asOf after the deadline) with money still owed; an
     * instalment paid in full but partly after its deadline is PAID_LATE.
     */
    public FeeStatus evaluate(FeeSchedule schedule, Map<QuarterId, BigDecimal> placedByQuarter,
            List<FeePayment> payments, List<QuarterNotice> notices, LocalDate asOf) {
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(notices, "notices");
        Objects.requireNonNull(asOf, "asOf");
        int scale = minorUnits(schedule.currency());
        for (FeePayment p : payments) {
            if (!p.currency().equals(schedule.currency())) {
                throw new IllegalArgumentException("payment of " + p.paidOn() + " is in " + p.currency()
                        + " but the fee is in " + schedule.currency());
            }
            if (p.amount().stripTrailingZeros().scale() > scale) {
                throw new IllegalArgumentException("payment of " + p.paidOn() + " (" + p.amount().toPlainString()
                        + ") has more decimals than the minor unit of " + schedule.currency());
            }
        }
        BigDecimal upfrontPaid = payments.stream().filter(p -> p.quarter().isEmpty()).map(FeePayment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(scale, RoundingMode.UNNECESSARY);
        List<FeeStatus.QuarterStatus> statuses = new ArrayList<>();
        for (QuarterlyInstalment inst : instalments(schedule, placedByQuarter)) {
            FeeQuarter fq = inst.quarter();
            BigDecimal paid = sum(payments, fq.id(), null, scale);
            BigDecimal paidInTime = sum(payments, fq.id(), fq.paymentDue(), scale);
            BigDecimal due = inst.amountDue();
            BigDecimal outstanding = due.subtract(paid).max(BigDecimal.ZERO);
            FeeStatus.PaymentState payment;
            if (due.signum() == 0) {
                payment = FeeStatus.PaymentState.NOTHING_DUE;
            } else if (paidInTime.compareTo(due) >= 0) {
                payment = FeeStatus.PaymentState.PAID;
            } else if (paid.compareTo(due) >= 0) {
                payment = FeeStatus.PaymentState.PAID_LATE;
            } else if (asOf.isAfter(fq.paymentDue())) {
                payment = FeeStatus.PaymentState.OVERDUE;
            } else {
                payment = FeeStatus.PaymentState.NOT_YET_DUE;
            }
            Optional<LocalDate> filed = notices.stream().filter(n -> n.quarter().equals(fq.id()))
                    .map(QuarterNotice::filedOn).min(LocalDate::compareTo);
            FeeStatus.NoticeState notice = filed
                    .map(d -> d.isAfter(fq.noticeDue()) ? FeeStatus.NoticeState.FILED_LATE : FeeStatus.NoticeState.FILED)
                    .orElse(asOf.isAfter(fq.noticeDue()) ? FeeStatus.NoticeState.OVERDUE : FeeStatus.NoticeState.NOT_YET_DUE);
            statuses.add(new FeeStatus.QuarterStatus(fq, due, paid, paidInTime, outstanding, payment, notice));
        }
        BigDecimal minimum = schedule.minimumUpfront();
        return new FeeStatus(asOf, upfrontPaid, minimum, upfrontPaid.compareTo(minimum) >= 0, statuses);
    }

    private static BigDecimal sum(List<FeePayment> payments, QuarterId q, LocalDate notAfter, int scale) {
        return payments.stream()
                .filter(p -> p.quarter().filter(q::equals).isPresent())
                .filter(p -> notAfter == null || !p.paidOn().isAfter(notAfter))
                .map(FeePayment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(scale, RoundingMode.UNNECESSARY);
    }

    static int minorUnits(String currency) {
        Objects.requireNonNull(currency, "currency");
        int digits;
        try {
            digits = Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, got '" + currency + "'", e);
        }
        return digits < 0 ? 2 : digits;
    }
}
