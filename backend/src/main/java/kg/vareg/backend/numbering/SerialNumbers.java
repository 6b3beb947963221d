package kg.vareg.backend.numbering;

import java.util.Collection;
import java.util.Objects;

/**
 * How positions 3–4 ("the serial number of the emission", ¶68 c) are counted.
 *
 * <p>Decision (docs/collateral-and-fees.md, "Registration numbers"): the serial counts the emissions of one
 * <em>issuer</em>, across all asset types: the issuer's first emission is 01, its seventh 07 (the ¶68 example
 * "KG0107AB121" = the issuer's 7th). The issuer code already makes the number unique per issuer, and a per-issuer
 * count reads as the text does ("the serial number of the issue"). Numbers are never reused: a cancelled number
 * (¶35, ¶47) keeps its serial, and a region change of the issuer does not restart the count (¶60: every emission
 * gets its own number). After 99 the Regulation offers no third position: allocation refuses with
 * {@link SerialNumbersExhaustedException} instead of wrapping or inventing letters; the regulator has to decide.
 */
public final class SerialNumbers {

    private SerialNumbers() {
    }

    /**
     * The serial for the issuer's next emission, given every number ever assigned (active or cancelled).
     * Numbers of other issuers in the collection are ignored.
     */
    public static int next(IssuerCode issuer, Collection<RegistrationNumber> everAssigned) {
        Objects.requireNonNull(issuer, "issuer");
        int max = everAssigned.stream()
                .filter(n -> n.issuerCode().equals(issuer))
                .mapToInt(RegistrationNumber::serial)
                .max()
                .orElse(0);
        if (max >= RegistrationNumber.MAX_SERIAL) {
            throw new SerialNumbersExhaustedException(issuer);
        }
        return max + 1;
    }

    /** The issuer's next registration number. */
    public static RegistrationNumber nextNumber(VirtualAssetType type, IssuerCode issuer, Region region,
            Collection<RegistrationNumber> everAssigned) {
        return RegistrationNumber.of(type, next(issuer, everAssigned), issuer, region);
    }

    /** All 99 serials of an issuer have been used. */
    public static final class SerialNumbersExhaustedException extends IllegalStateException {
        public SerialNumbersExhaustedException(IssuerCode issuer) {
            super("issuer " + issuer + " has used all 99 emission serial numbers (positions 3-4 of the base number,"
                    + " ¶68 c); the Regulation defines no further serials");
        }
    }
}
