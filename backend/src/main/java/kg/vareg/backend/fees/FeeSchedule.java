package kg.vareg.backend.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The registration fee of one emission and how it is paid (¶26–28).
 *
 * @param feeBase          total nominal value of all VAs of the issue (¶27), or their value at the exchange quote on
 *                         the day of payment where they trade (¶26), in {@code currency}
 * @param totalFee         0.01% of {@code feeBase}, rounded half-up to the currency's minor unit
 * @param minimumUpfront   20% of {@code totalFee}, rounded up: due with the registration package (¶28)
 * @param upfrontPaid      what the issuer paid with the package
 * @param remainder        totalFee − upfrontPaid (not below zero): paid quarterly in proportion to the nominal value
 *                         actually placed (¶28)
 * @param quarters         every calendar quarter the placement period touches, with its deadlines
 */
public record FeeSchedule(String currency, BigDecimal feeBase, BigDecimal totalFee, BigDecimal minimumUpfront,
        BigDecimal upfrontPaid, BigDecimal remainder, LocalDate placementStart, LocalDate placementEnd,
        List<FeeQuarter> quarters) {

    public FeeSchedule {
        Objects.requireNonNull(currency, "currency");
        quarters = List.copyOf(quarters);
    }

    /** ¶28: at least 20% of the fee must come with the package; otherwise registration is refused (¶17). */
    public boolean upfrontSufficient() {
        return upfrontPaid.compareTo(minimumUpfront) >= 0;
    }
}
