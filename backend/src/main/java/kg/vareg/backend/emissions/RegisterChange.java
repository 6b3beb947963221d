package kg.vareg.backend.emissions;

import kg.vareg.backend.kernel.RuleViolation;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * ¶59: a change of the quantity and / or the nominal value of a registered emission, asked for with a white paper
 * change (¶7) and made in the register when the regulator consents. A null field is left as it is.
 */
public record RegisterChange(BigInteger quantity, BigDecimal nominalValue) {

    public RegisterChange {
        if (quantity == null && nominalValue == null) {
            throw new RuleViolation("¶59", "a register change names a new quantity, a new nominal value, or both");
        }
        if (quantity != null && quantity.signum() <= 0) {
            throw new RuleViolation("¶5, ¶59", "the quantity of virtual assets must be a positive whole number");
        }
        if (nominalValue != null && nominalValue.signum() <= 0) {
            throw new RuleViolation("¶1, ¶5, ¶59", "the nominal value must be positive");
        }
    }

    BigInteger quantityOr(BigInteger current) {
        return quantity == null ? current : quantity;
    }

    BigDecimal nominalValueOr(BigDecimal current) {
        return nominalValue == null ? current : nominalValue;
    }
}
