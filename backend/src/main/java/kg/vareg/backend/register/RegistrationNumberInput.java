package kg.vareg.backend.register;

import java.util.Locale;
import kg.vareg.backend.numbering.RegistrationNumber;
import kg.vareg.backend.numbering.RegistrationNumberFormatException;

/**
 * A registration number as typed by a reader of the register: any case (¶67 uses capital letters, so {@code kg0107ab121}
 * is {@code KG0107AB121}), otherwise exactly the ¶67-68 form. One place for every path and query parameter that takes
 * a number, so a malformed one is refused the same way everywhere.
 */
public final class RegistrationNumberInput {
    private RegistrationNumberInput() {}

    /** The number in its canonical (upper-case) form, or {@link InvalidRegistrationNumberException} naming the reason. */
    public static String canonical(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidRegistrationNumberException(field, "no registration number given (¶67-68)");
        }
        try {
            return RegistrationNumber.parse(text.toUpperCase(Locale.ROOT)).value();
        } catch (RegistrationNumberFormatException e) {
            throw new InvalidRegistrationNumberException(field, e.getMessage());
        }
    }
}
