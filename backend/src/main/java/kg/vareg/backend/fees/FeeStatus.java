package kg.vareg.backend.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Where an emission stands with its fee on {@code asOf}.
 *
 * @param upfrontSufficient ¶28: at least 20% paid with the package
 */
public record FeeStatus(LocalDate asOf, BigDecimal upfrontPaid, BigDecimal minimumUpfront, boolean upfrontSufficient,
        List<QuarterStatus> quarters) {

    public FeeStatus {
        quarters = List.copyOf(quarters);
    }

    /** True when anything is overdue on {@code asOf}: an instalment or a notice. */
    public boolean anyOverdue() {
        return quarters.stream().anyMatch(q -> q.payment() == PaymentState.OVERDUE || q.notice() == NoticeState.OVERDUE);
    }

    public enum PaymentState {
        /** Nothing was placed in the quarter: nothing to pay. */
        NOTHING_DUE,
        /** The deadline has not passed and the amount is not yet fully paid. */
        NOT_YET_DUE,
        /** Paid in full on or before the deadline. */
        PAID,
        /** Paid in full, but (partly) after the deadline. */
        PAID_LATE,
        /** The deadline has passed and something is still unpaid. */
        OVERDUE
    }

    public enum NoticeState { NOT_YET_DUE, FILED, FILED_LATE, OVERDUE }

    /**
     * @param paidInTime  paid for the quarter on or before its deadline
     * @param outstanding amountDue − all payments for the quarter (not below zero)
     */
    public record QuarterStatus(FeeQuarter quarter, BigDecimal amountDue, BigDecimal paid, BigDecimal paidInTime,
            BigDecimal outstanding, PaymentState payment, NoticeState notice) {
    }
}
