package kg.vareg.backend.numbering;

import java.util.Arrays;
import java.util.Optional;

/** Region of the issuer's registration, position 9 of the base number (¶68 d, Annex 7). */
public enum Region {
    BISHKEK('1', "Bishkek"),
    CHUY('2', "Chuy region"),
    OSH_REGION('3', "Osh region"),
    JALAL_ABAD('4', "Jalal-Abad region"),
    ISSYK_KUL('5', "Issyk-Kul region"),
    TALAS('6', "Talas region"),
    NARYN('7', "Naryn region"),
    BATKEN('8', "Batken region"),
    OSH_CITY('9', "Osh city");

    private final char code;
    private final String displayName;

    Region(char code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public char code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<Region> fromCode(char code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst();
    }
}
