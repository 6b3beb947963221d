package kg.vareg.backend.collateral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** Source of the rate used to express collateral in the emission's currency (e.g. the National Bank's official rate). */
@FunctionalInterface
public interface ExchangeRates {

    /** Units of {@code to} for one unit of {@code from} on {@code day}, or empty when unknown. */
    Optional<BigDecimal> rate(String from, String to, LocalDate day);

    /** Knows no rates: any collateral in another currency than the emission's is refused. */
    static ExchangeRates none() {
        return (from, to, day) -> Optional.empty();
    }
}
