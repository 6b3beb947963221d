package kg.vareg.backend.numbering;

import java.util.Objects;

/**
 * The issuer's own four-character code, positions 5–8 of the base number (¶68 d): Latin capital letters and Arabic
 * digits (¶67), assigned once per issuer. Lower case is rejected, not silently upper-cased: the number is a legal
 * identifier and must be written exactly.
 */
public record IssuerCode(String value) {

    public IssuerCode {
        Objects.requireNonNull(value, "issuer code");
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public static IssuerCode of(String value) {
        return new IssuerCode(value);
    }

    /** Why {@code value} is not a valid issuer code, or null when it is. */
    static String problem(String value) {
        if (value.length() != 4) {
            return "issuer code must have exactly 4 characters (¶68), got " + value.length() + ": '" + value + "'";
        }
        for (int i = 0; i < 4; i++) {
            char c = value.charAt(i);
            if (!isAllowed(c)) {
                return "issuer code character " + (i + 1) + " '" + c + "' is not a Latin capital letter or an"
                        + " Arabic digit (¶67, ¶68)" + (c >= 'a' && c <= 'z' ? "; write it in upper case" : "");
            }
        }
        return null;
    }

    static boolean isAllowed(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return value;
    }
}
