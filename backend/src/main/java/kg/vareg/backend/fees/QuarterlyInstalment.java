package kg.vareg.backend.fees;

import java.math.BigDecimal;

/**
 * The instalment of one quarter (¶28).
 *
 * @param placedInQuarter  nominal value placed during the quarter
 * @param cumulativePlaced nominal value placed from the start of placement to the end of the quarter
 * @param cumulativeDue    remainder × cumulativePlaced ÷ feeBase, rounded half-up
 * @param amountDue        cumulativeDue minus what earlier quarters already owed
 */
public record QuarterlyInstalment(FeeQuarter quarter, BigDecimal placedInQuarter, BigDecimal cumulativePlaced,
        BigDecimal cumulativeDue, BigDecimal amountDue) {
}
