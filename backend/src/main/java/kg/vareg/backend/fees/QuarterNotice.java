package kg.vareg.backend.fees;

import java.time.LocalDate;
import java.util.Objects;

/** The issuer's ¶28 notice of the amount placed and the fee paid for a quarter. */
public record QuarterNotice(QuarterId quarter, LocalDate filedOn) {

    public QuarterNotice {
        Objects.requireNonNull(quarter, "quarter");
        Objects.requireNonNull(filedOn, "filedOn");
    }
}
