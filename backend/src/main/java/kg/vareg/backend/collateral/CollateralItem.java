package kg.vareg.backend.collateral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * One asset pledged as collateral for an emission.
 *
 * @param appraisedValue independent appraisal (¶3-5, ¶3-6); for {@link CollateralType#MONEY} the nominal amount
 * @param currency       ISO 4217 code of {@code appraisedValue}
 * @param appraisalDate  date of the independent appraisal; may be null for money, which needs none
 * @param registeredOn   date the pledge was registered (¶3-7..¶3-9); null = not yet registered (¶3-10)
 * @param registeredWith who registered it: registrar/depository for securities (¶3-8), crypto exchange or bank for
 *                       gold, money, mining rights (¶3-9); null when not registered
 */
public record CollateralItem(CollateralType type, BigDecimal appraisedValue, String currency,
        LocalDate appraisalDate, LocalDate registeredOn, String registeredWith, String description) {

    public CollateralItem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(appraisedValue, "appraisedValue");
        Objects.requireNonNull(currency, "currency");
        if (appraisedValue.signum() <= 0) {
            throw new IllegalArgumentException("appraisedValue must be positive, got " + appraisedValue.toPlainString());
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, got '" + currency + "'", e);
        }
        description = description == null ? "" : description;
    }
}
