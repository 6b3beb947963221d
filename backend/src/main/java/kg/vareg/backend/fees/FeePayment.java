package kg.vareg.backend.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A fee payment as the issuer designated it.
 *
 * @param quarter the quarter it pays; empty = the upfront part paid with the package
 */
public record FeePayment(Optional<QuarterId> quarter, LocalDate paidOn, BigDecimal amount, String currency) {

    public FeePayment {
        Objects.requireNonNull(quarter, "quarter");
        Objects.requireNonNull(paidOn, "paidOn");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("payment amount must be positive, got " + amount.toPlainString());
        }
    }

    public static FeePayment upfront(LocalDate paidOn, BigDecimal amount, String currency) {
        return new FeePayment(Optional.empty(), paidOn, amount, currency);
    }

    public static FeePayment forQuarter(QuarterId quarter, LocalDate paidOn, BigDecimal amount, String currency) {
        return new FeePayment(Optional.of(quarter), paidOn, amount, currency);
    }
}
