package kg.vareg.backend.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import kg.vareg.backend.kernel.Addresses;
import org.web3j.crypto.Keys;

/** ¶5: an EVM address in its EIP-55 checksum form (null is left to @NotNull). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ChecksumAddress.Validator.class)
public @interface ChecksumAddress {
    String message() default "must be an EIP-55 checksummed address (0x + 40 hex digits, mixed case)";
    Class<?>[] groups() default {};
    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ChecksumAddress, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext ctx) {
            if (value == null || Addresses.isChecksummed(value)) return true;
            if (value.matches("^0x[0-9a-fA-F]{40}$")) {
                ctx.disableDefaultConstraintViolation();
                ctx.buildConstraintViolationWithTemplate("wrong EIP-55 checksum; the checksummed form is "
                        + Keys.toChecksumAddress(value)).addConstraintViolation();
            }
            return false;
        }
    }
}
