package kg.vareg.backend.fees;

import java.time.LocalDate;

/**
 * One quarter of the placement period with its ¶28 deadlines.
 *
 * @param paymentDue last day to pay the instalment: 5 WD after the quarter ends
 * @param noticeDue  last day to notify the regulator of the amount placed and the fee paid: 10 WD after
 */
public record FeeQuarter(QuarterId id, LocalDate quarterEnd, LocalDate paymentDue, LocalDate noticeDue) {
}
