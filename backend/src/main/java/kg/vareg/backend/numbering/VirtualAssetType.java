package kg.vareg.backend.numbering;

import java.util.Arrays;
import java.util.Optional;

/**
 * Position 2 of the base number (¶68 b). Codes 3–9 and A–Z are reserved by ¶68 for types the Regulation does not
 * define yet; they are rejected. Enabling one means adding a constant here once the Cabinet defines the type (the
 * register must name the type, ¶62), so "configured" reserved codes are exactly the constants of this enum.
 */
public enum VirtualAssetType {
    STABLECOIN('1'),
    DIGITAL_TOKEN('2');

    private final char code;

    VirtualAssetType(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static Optional<VirtualAssetType> fromCode(char code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }

    /** Codes ¶68 reserves for other types: 3..9 and A..Z. */
    public static boolean isReservedCode(char code) {
        return (code >= '3' && code <= '9') || (code >= 'A' && code <= 'Z');
    }
}
