package kg.vareg.backend.numbering;

import java.util.Objects;

/**
 * State registration number of an emission (¶67–68, Annex 7): country code {@code KG} + a nine-position base
 * number:
 * <ol>
 *   <li>always {@code 0};</li>
 *   <li>the type of virtual asset ({@link VirtualAssetType}; reserved codes rejected);</li>
 *   <li>3–4. the serial number of the emission, two digits {@code 01}–{@code 99} (see {@link SerialNumbers} for how
 *       it is counted);</li>
 *   <li>5–8. the issuer's code ({@link IssuerCode});</li>
 *   <li>9. the region of the issuer's registration ({@link Region}).</li>
 * </ol>
 * Example: {@code KG0107AB121} = stablecoin, 7th emission, issuer AB12, Bishkek. The canonical constructor validates,
 * so every instance is a valid number.
 */
public record RegistrationNumber(String value) {

    public static final String COUNTRY_CODE = "KG";
    public static final int LENGTH = 11;
    public static final int MIN_SERIAL = 1;
    public static final int MAX_SERIAL = 99;

    public RegistrationNumber {
        Objects.requireNonNull(value, "registration number");
        validate(value);
    }

    /** Parses and validates; the exception names the offending position and the ¶. */
    public static RegistrationNumber parse(String text) {
        if (text == null) {
            throw new RegistrationNumberFormatException("null", 0, "no number given");
        }
        return new RegistrationNumber(text);
    }

    public static RegistrationNumber of(VirtualAssetType type, int serial, IssuerCode issuerCode, Region region) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(issuerCode, "issuerCode");
        Objects.requireNonNull(region, "region");
        if (serial < MIN_SERIAL || serial > MAX_SERIAL) {
            throw new IllegalArgumentException("serial number of the emission must be 01..99 (two positions, ¶68 c),"
                    + " got " + serial);
        }
        return new RegistrationNumber(COUNTRY_CODE + '0' + type.code() + String.format("%02d", serial)
                + issuerCode.value() + region.code());
    }

    public VirtualAssetType type() {
        return VirtualAssetType.fromCode(value.charAt(3)).orElseThrow();
    }

    public int serial() {
        return Integer.parseInt(value.substring(4, 6));
    }

    public IssuerCode issuerCode() {
        return new IssuerCode(value.substring(6, 10));
    }

    public Region region() {
        return Region.fromCode(value.charAt(10)).orElseThrow();
    }

    /** The nine-position base number without the country code. */
    public String baseNumber() {
        return value.substring(2);
    }

    @Override
    public String toString() {
        return value;
    }

    private static void validate(String s) {
        if (s.length() != LENGTH) {
            throw new RegistrationNumberFormatException(s, 0, "must have exactly 11 characters (2-letter country code"
                    + " + 9-position base number, ¶68), got " + s.length());
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                throw new RegistrationNumberFormatException(s, i + 1, "position " + (i + 1) + " '" + c
                        + "' is lower case; only Latin capital letters and Arabic digits are used (¶67)");
            }
            if (!IssuerCode.isAllowed(c)) {
                throw new RegistrationNumberFormatException(s, i + 1, "position " + (i + 1) + " '" + c
                        + "' is not a Latin letter or an Arabic digit (¶67)");
            }
        }
        if (!s.startsWith(COUNTRY_CODE)) {
            throw new RegistrationNumberFormatException(s, 1, "country code must be KG for the Kyrgyz Republic (¶68),"
                    + " got '" + s.substring(0, 2) + "'");
        }
        if (s.charAt(2) != '0') {
            throw new RegistrationNumberFormatException(s, 3, "base number position 1 must be the digit 0 (¶68 a),"
                    + " got '" + s.charAt(2) + "'");
        }
        char type = s.charAt(3);
        if (VirtualAssetType.fromCode(type).isEmpty()) {
            String why = VirtualAssetType.isReservedCode(type)
                    ? "is reserved for other types of virtual assets not yet defined (¶68 b)"
                    : "is not a type code (¶68 b: 1 stablecoin, 2 digital token)";
            throw new RegistrationNumberFormatException(s, 4, "base number position 2 (type) '" + type + "' " + why);
        }
        for (int i = 4; i <= 5; i++) {
            if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
                throw new RegistrationNumberFormatException(s, i + 1, "base number positions 3-4 (serial number of"
                        + " the emission) must be digits (¶68 c), got '" + s.substring(4, 6) + "'");
            }
        }
        if (s.startsWith("00", 4)) {
            throw new RegistrationNumberFormatException(s, 5, "serial number of the emission 00 is not used; serials"
                    + " run 01..99 (¶68 c)");
        }
        // Positions 7-10 were checked above to be capital letters/digits, which is all ¶68 d requires.
        char region = s.charAt(10);
        if (Region.fromCode(region).isEmpty()) {
            throw new RegistrationNumberFormatException(s, 11, "base number position 9 (region) '" + region
                    + "' is not a region code of Annex 7 (1-9, ¶68)");
        }
    }
}
