package kg.vareg.backend.collateral;

import java.math.BigDecimal;

/**
 * The five kinds of collateral of ¶3-5, each with the minimum coverage of the emission volume it must give on its
 * own and the largest share of its appraised (or nominal) value that may be counted.
 *
 * <p>¶3-5(1) says government securities count at "not less than 100%" of the appraised value: the counted share is
 * taken as exactly 100% (counting more than the appraisal would overstate the security).
 */
public enum CollateralType {
    GOVERNMENT_SECURITIES("¶3-5(1)", "government securities", "100", "100", true, "¶3-8"),
    LISTED_SECURITIES("¶3-5(2)", "securities of KR issuers (JSCs) listed in the top two categories of a licensed"
            + " trading organiser", "100", "80", true, "¶3-8"),
    MINING_RIGHTS("¶3-5(3)", "mineral extraction rights of a legal entity", "100", "50", true, "¶3-9"),
    MONEY("¶3-5(4)", "money in national or foreign currency", "100", "100", false, "¶3-9"),
    GOLD("¶3-5(5)", "gold", "30", "100", true, "¶3-9");

    private final String paragraph;
    private final String description;
    private final BigDecimal minCoveragePercent;
    private final BigDecimal maxCountedSharePercent;
    private final boolean appraisalRequired;
    private final String registrationParagraph;

    CollateralType(String paragraph, String description, String minCoveragePercent, String maxCountedSharePercent,
            boolean appraisalRequired, String registrationParagraph) {
        this.paragraph = paragraph;
        this.description = description;
        this.minCoveragePercent = new BigDecimal(minCoveragePercent);
        this.maxCountedSharePercent = new BigDecimal(maxCountedSharePercent);
        this.appraisalRequired = appraisalRequired;
        this.registrationParagraph = registrationParagraph;
    }

    public String paragraph() {
        return paragraph;
    }

    public String description() {
        return description;
    }

    /** Minimum coverage of the emission volume, in percent (100 or 30), when this type secures the issue alone. */
    public BigDecimal minCoveragePercent() {
        return minCoveragePercent;
    }

    /** Largest share of the appraised (money: nominal) value that counts as collateral value, in percent. */
    public BigDecimal maxCountedSharePercent() {
        return maxCountedSharePercent;
    }

    /**
     * Money counts at its nominal value (¶3-5(4)), so it needs no independent appraisal; every other type is
     * counted from an independent appraisal (¶3-5, ¶3-6).
     */
    public boolean appraisalRequired() {
        return appraisalRequired;
    }

    /** Where the Regulation says who registers the pledge of this type before submission (¶3-8 or ¶3-9). */
    public String registrationParagraph() {
        return registrationParagraph;
    }
}
