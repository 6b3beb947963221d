package kg.vareg.backend.collateral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The result of checking an emission's collateral against ¶3-1..¶3-10, with the computation shown step by step.
 *
 * @param emissionVolume             quantity × nominal value, in {@code currency}
 * @param items                      one result per submitted item, in input order
 * @param types                      coverage per collateral type present (only items that count)
 * @param requirementFulfilledPercent sum over the types of (coverage of the type ÷ that type's minimum coverage),
 *                                   in percent, rounded down to 2 decimals for display; the verdict is decided on
 *                                   the exact value: 100% or more means the mix secures the issue (¶3-5)
 * @param steps                      the computation as readable lines, in order
 */
public record CoverageAssessment(BigDecimal emissionVolume, String currency, LocalDate submissionDate,
        List<ItemResult> items, List<TypeCoverage> types, BigDecimal requirementFulfilledPercent, Verdict verdict,
        List<Violation> violations, List<String> steps) {

    public CoverageAssessment {
        Objects.requireNonNull(verdict, "verdict");
        items = List.copyOf(items);
        types = List.copyOf(types);
        violations = List.copyOf(violations);
        steps = List.copyOf(steps);
    }

    public boolean secured() {
        return verdict == Verdict.SECURED;
    }

    public enum Verdict {
        /** Enough collateral, appraised and registered in time: registration may proceed as far as ¶3 goes. */
        SECURED,
        /** At least one violation: the emission may not be registered (¶3-1, ¶3-10). */
        NOT_SECURED
    }

    /**
     * One submitted item.
     *
     * @param index               1-based position in the submission
     * @param valueInEmissionCurrency appraised (money: nominal) value converted to the emission's currency
     * @param exchangeRate        rate applied (1 when already in the emission's currency)
     * @param countedSharePercent share of the value that counts (¶3-5)
     * @param countedValue        value counted towards coverage; zero when the item is excluded
     * @param counted             false when a violation of the item excludes it from coverage
     */
    public record ItemResult(int index, CollateralType type, String description, BigDecimal valueInEmissionCurrency,
            BigDecimal exchangeRate, BigDecimal countedSharePercent, BigDecimal countedValue, boolean counted,
            List<Violation> violations) {

        public ItemResult {
            violations = List.copyOf(violations);
        }
    }

    /**
     * Coverage of one collateral type.
     *
     * @param coveragePercent             countedValue ÷ emission volume, percent (2 decimals, rounded down)
     * @param minCoveragePercent          what the type must give when it secures the issue alone
     * @param requirementFulfilledPercent coveragePercent ÷ minCoveragePercent, percent (2 decimals, rounded down)
     * @param rule                        the ¶3-5 rule in words
     */
    public record TypeCoverage(CollateralType type, BigDecimal countedValue, BigDecimal coveragePercent,
            BigDecimal minCoveragePercent, BigDecimal requirementFulfilledPercent, String rule, String paragraph) {
    }
}
