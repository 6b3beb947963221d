package kg.vareg.backend.collateral;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the collateral of an emission (¶3-1..¶3-10). Pure and stateless; amounts are BigDecimal.
 *
 * <p><b>A mix of types</b> (¶3-5 speaks of the "structure and composition" of the collateral, so several types may
 * secure one issue, but gives each type's minimum only for that type alone). Each type's rule is read as a
 * sufficient standard on its own, and a mix is evaluated proportionally: every type fills a share of its own
 * requirement (coverage of the type ÷ its minimum coverage), and the issue is secured when these shares add up to
 * at least 100%. This reduces exactly to each single-type rule (money alone must reach 100%, gold alone 30%), is
 * monotone (adding collateral never hurts) and never lets gold's lower minimum stretch the other types: gold
 * worth 15% of the volume fills half of the requirement, and the other half must come from the other types at
 * their own 100%. See docs/collateral-and-fees.md.
 *
 * <p><b>Rounding.</b> Converted and counted values are rounded DOWN to the emission currency's minor unit (never
 * overstate security); displayed percentages are rounded DOWN to 2 decimals; the verdict is decided on exact
 * values (only multiplications, no division), so a mix that is exactly sufficient is accepted.
 *
 * <p><b>Appraisal window</b> (¶3-6 "not later than one month before the documents are submitted"; "the appraisal
 * stays current for six months"): the appraisal date must lie in [submission − 6 months, submission − 1 month],
 * both bounds inclusive and configurable. Money needs no appraisal (counted at nominal, ¶3-5(4)).
 *
 * <p><b>Registration</b> (¶3-7..¶3-10): every item must be registered, with a named registrar, on or before the
 * submission date (dates carry no time of day, so registration on the submission day is accepted).
 */
public final class CollateralPolicy {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final Settings settings;

    public CollateralPolicy() {
        this(Settings.defaults());
    }

    public CollateralPolicy(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Assesses items all expressed in the emission's currency. Items in more than one currency make the collateral
     * unassessable here (a violation asks for {@link #assess(BigDecimal, String, List, LocalDate, ExchangeRates)}).
     *
     * @param emissionVolume quantity × nominal, in the emission's currency
     */
    public CoverageAssessment assess(BigDecimal emissionVolume, List<CollateralItem> items, LocalDate submissionDate) {
        Objects.requireNonNull(items, "items");
        Set<String> currencies = new LinkedHashSet<>();
        items.forEach(i -> currencies.add(i.currency()));
        String currency = currencies.isEmpty() ? null : currencies.iterator().next();
        // With several currencies and no rates, items not in the first currency are excluded with a violation:
        // refusing is safer than adding up amounts in different currencies.
        return assess(emissionVolume, currency, items, submissionDate, ExchangeRates.none());
    }

    /**
     * Assesses items in any currency, converted into {@code emissionCurrency} at {@code rates} on the submission
     * date. An item whose rate is unknown is excluded with a violation.
     */
    public CoverageAssessment assess(BigDecimal emissionVolume, String emissionCurrency, List<CollateralItem> items,
            LocalDate submissionDate, ExchangeRates rates) {
        Objects.requireNonNull(emissionVolume, "emissionVolume");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(submissionDate, "submissionDate");
        Objects.requireNonNull(rates, "rates");
        if (emissionVolume.signum() <= 0) {
            throw new IllegalArgumentException("emission volume must be positive, got " + emissionVolume.toPlainString());
        }
        int scale = emissionCurrency == null ? 2 : minorUnits(emissionCurrency);
        String cur = emissionCurrency == null ? "" : emissionCurrency;
        List<String> steps = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();

        steps.add("Emission volume (quantity × nominal value): " + money(emissionVolume, scale) + " " + cur
                + "; documents submitted " + submissionDate);
        if (items.isEmpty()) {
            violations.add(new Violation("¶3-1", "emission",
                    "no collateral: unsecured virtual assets may not be issued in the Kyrgyz Republic"));
            steps.add("No collateral items submitted → ¶3-1 unsecured issue → NOT SECURED");
            return new CoverageAssessment(emissionVolume, cur, submissionDate, List.of(), List.of(),
                    BigDecimal.ZERO.setScale(2), CoverageAssessment.Verdict.NOT_SECURED, violations, steps);
        }

        LocalDate earliestAppraisal = submissionDate.minus(settings.appraisalValidity());
        LocalDate latestAppraisal = submissionDate.minus(settings.appraisalNotLaterThan());
        steps.add("¶3-6 appraisal window: an appraisal dated " + earliestAppraisal + " .. " + latestAppraisal
                + " (inclusive) is accepted (not later than " + settings.appraisalNotLaterThan()
                + " before submission, current for " + settings.appraisalValidity() + ")");

        List<CoverageAssessment.ItemResult> itemResults = new ArrayList<>();
        Map<CollateralType, BigDecimal> countedByType = new EnumMap<>(CollateralType.class);
        for (int i = 0; i < items.size(); i++) {
            CollateralItem item = items.get(i);
            int index = i + 1;
            String subject = "item " + index + " (" + item.type() + ")";
            List<Violation> itemViolations = new ArrayList<>();
            StringBuilder line = new StringBuilder("Item ").append(index).append(' ').append(item.type());
            if (!item.description().isBlank()) {
                line.append(" '").append(item.description()).append('\'');
            }
            line.append(": value ").append(item.appraisedValue().toPlainString()).append(' ').append(item.currency());

            checkAppraisal(item, subject, earliestAppraisal, latestAppraisal, submissionDate, itemViolations, line);
            checkRegistration(item, subject, submissionDate, itemViolations, line);

            BigDecimal rate = BigDecimal.ONE;
            BigDecimal converted = null;
            if (emissionCurrency == null || item.currency().equals(emissionCurrency)) {
                converted = item.appraisedValue();
            } else {
                Optional<BigDecimal> r = rates.rate(item.currency(), emissionCurrency, submissionDate);
                if (r.isPresent() && r.get().signum() > 0) {
                    rate = r.get();
                    converted = item.appraisedValue().multiply(rate).setScale(scale, RoundingMode.DOWN);
                    line.append("; × rate ").append(rate.toPlainString()).append(" ").append(item.currency())
                            .append("→").append(emissionCurrency).append(" on ").append(submissionDate).append(" = ")
                            .append(money(converted, scale)).append(' ').append(emissionCurrency);
                } else {
                    itemViolations.add(new Violation("¶3-5", subject, "valued in " + item.currency()
                            + " but the emission is in " + emissionCurrency + " and no exchange rate for "
                            + submissionDate + " is available; the item cannot be counted"));
                    line.append("; no ").append(item.currency()).append("→").append(emissionCurrency)
                            .append(" rate → cannot be counted");
                }
            }

            BigDecimal share = settings.countedSharePercent().get(item.type());
            boolean counts = itemViolations.isEmpty();
            BigDecimal counted = BigDecimal.ZERO.setScale(scale);
            if (counts) {
                counted = converted.multiply(share).divide(HUNDRED).setScale(scale, RoundingMode.DOWN);
                countedByType.merge(item.type(), counted, BigDecimal::add);
                line.append("; counted at ").append(share.toPlainString()).append("% (").append(item.type().paragraph())
                        .append(") = ").append(money(counted, scale)).append(' ').append(cur);
            } else {
                line.append(" → EXCLUDED from coverage");
            }
            steps.add(line.toString());
            violations.addAll(itemViolations);
            itemResults.add(new CoverageAssessment.ItemResult(index, item.type(), item.description(),
                    converted == null ? null : converted.setScale(Math.max(scale, converted.scale()), RoundingMode.DOWN),
                    rate, share, counted, counts, itemViolations));
        }

        List<CoverageAssessment.TypeCoverage> typeCoverages = new ArrayList<>();
        // Exact test: sum_t counted_t / min_t >= volume / 100, multiplied through by the product of the minima.
        BigDecimal productOfMinima = BigDecimal.ONE;
        for (CollateralType t : countedByType.keySet()) {
            productOfMinima = productOfMinima.multiply(t.minCoveragePercent());
        }
        BigDecimal weightedSum = BigDecimal.ZERO;
        BigDecimal displayedFulfilment = BigDecimal.ZERO;
        for (Map.Entry<CollateralType, BigDecimal> e : countedByType.entrySet()) {
            CollateralType t = e.getKey();
            BigDecimal counted = e.getValue();
            BigDecimal weight = BigDecimal.ONE;
            for (CollateralType other : countedByType.keySet()) {
                if (other != t) {
                    weight = weight.multiply(other.minCoveragePercent());
                }
            }
            weightedSum = weightedSum.add(counted.multiply(weight));
            BigDecimal coverage = counted.multiply(HUNDRED).divide(emissionVolume, 2, RoundingMode.DOWN);
            BigDecimal fulfilled = counted.multiply(HUNDRED).multiply(HUNDRED)
                    .divide(emissionVolume.multiply(t.minCoveragePercent()), 2, RoundingMode.DOWN);
            displayedFulfilment = displayedFulfilment.add(fulfilled);
            String rule = t.description() + ": at least " + t.minCoveragePercent().toPlainString()
                    + "% of the emission volume, counted at " + (t == CollateralType.GOVERNMENT_SECURITIES
                    ? "not less than " : t.maxCountedSharePercent().compareTo(HUNDRED) < 0 ? "at most " : "")
                    + t.maxCountedSharePercent().toPlainString() + "% of its value";
            typeCoverages.add(new CoverageAssessment.TypeCoverage(t, counted, coverage, t.minCoveragePercent(),
                    fulfilled, rule, t.paragraph()));
            steps.add(t + " (" + t.paragraph() + "): counted " + money(counted, scale) + " / volume "
                    + money(emissionVolume, scale) + " = " + coverage.toPlainString() + "% of the volume; required alone"
                    + " ≥ " + t.minCoveragePercent().toPlainString() + "% → fills " + fulfilled.toPlainString()
                    + "% of the requirement");
        }
        boolean sufficient = !countedByType.isEmpty()
                && weightedSum.multiply(HUNDRED).compareTo(emissionVolume.multiply(productOfMinima)) >= 0;
        if (countedByType.isEmpty()) {
            steps.add("No item counts towards coverage");
        }
        steps.add("Mix (¶3-5): sum of the requirement filled by each type = " + displayedFulfilment.toPlainString()
                + "% " + (sufficient ? "≥" : "<") + " 100%");
        if (!sufficient) {
            violations.add(new Violation(countedByType.isEmpty() ? "¶3-1" : "¶3-5", "emission",
                    "collateral counted towards coverage fills " + displayedFulfilment.toPlainString()
                            + "% of the ¶3-5 requirement (needs 100%)"));
        }
        CoverageAssessment.Verdict verdict = violations.isEmpty()
                ? CoverageAssessment.Verdict.SECURED : CoverageAssessment.Verdict.NOT_SECURED;
        steps.add("Verdict: " + (verdict == CoverageAssessment.Verdict.SECURED ? "SECURED"
                : "NOT SECURED (" + violations.size() + " violation" + (violations.size() == 1 ? "" : "s") + ")"));
        return new CoverageAssessment(emissionVolume, cur, submissionDate, itemResults, typeCoverages,
                displayedFulfilment, verdict, violations, steps);
    }

    private void checkAppraisal(CollateralItem item, String subject, LocalDate earliest, LocalDate latest,
            LocalDate submissionDate, List<Violation> violations, StringBuilder line) {
        if (!item.type().appraisalRequired()) {
            line.append(" (nominal, no appraisal needed)");
            return;
        }
        LocalDate appraised = item.appraisalDate();
        if (appraised == null) {
            violations.add(new Violation("¶3-6", subject, "no independent appraisal date"));
            line.append("; no appraisal");
        } else if (appraised.isAfter(submissionDate)) {
            violations.add(new Violation("¶3-6", subject, "appraised on " + appraised
                    + ", after the documents were submitted on " + submissionDate));
            line.append("; appraised ").append(appraised).append(" after submission");
        } else if (appraised.isAfter(latest)) {
            violations.add(new Violation("¶3-6", subject, "appraised on " + appraised + ", less than "
                    + settings.appraisalNotLaterThan() + " before submission (latest acceptable " + latest + ")"));
            line.append("; appraised ").append(appraised).append(" too close to submission");
        } else if (appraised.isBefore(earliest)) {
            violations.add(new Violation("¶3-6", subject, "appraisal of " + appraised + " is no longer current: older"
                    + " than " + settings.appraisalValidity() + " at submission (earliest acceptable " + earliest + ")"));
            line.append("; appraisal ").append(appraised).append(" expired");
        } else {
            line.append("; appraised ").append(appraised).append(" (in window)");
        }
    }

    private static void checkRegistration(CollateralItem item, String subject, LocalDate submissionDate,
            List<Violation> violations, StringBuilder line) {
        String where = item.type().registrationParagraph();
        if (item.registeredOn() == null) {
            violations.add(new Violation("¶3-10", subject, "the pledge is not registered (" + where
                    + "); no registration of the emission before the collateral is registered"));
            line.append("; NOT registered");
        } else if (item.registeredOn().isAfter(submissionDate)) {
            violations.add(new Violation(where, subject, "pledge registered on " + item.registeredOn()
                    + ", after the documents were submitted on " + submissionDate));
            line.append("; registered ").append(item.registeredOn()).append(" after submission");
        } else if (item.registeredWith() == null || item.registeredWith().isBlank()) {
            violations.add(new Violation(where, subject, "registration date given but not who registered the pledge"));
            line.append("; registrar missing");
        } else {
            line.append("; registered ").append(item.registeredOn()).append(" with ").append(item.registeredWith());
        }
    }

    private static int minorUnits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return digits < 0 ? 2 : digits;
    }

    private static String money(BigDecimal amount, int scale) {
        return amount.setScale(Math.max(scale, 0), RoundingMode.DOWN).toPlainString();
    }

    /**
     * Configurable parts of the policy.
     *
     * @param appraisalNotLaterThan ¶3-6 "not later than one month before submission" (default P1M)
     * @param appraisalValidity     ¶3-6 "current for six months" (default P6M)
     * @param countedSharePercent   share of value counted per type; may be set below the ¶3-5 maximum (e.g. a
     *                              stricter haircut for listed securities), never above it
     */
    public record Settings(Period appraisalNotLaterThan, Period appraisalValidity,
            Map<CollateralType, BigDecimal> countedSharePercent) {

        public Settings {
            Objects.requireNonNull(appraisalNotLaterThan, "appraisalNotLaterThan");
            Objects.requireNonNull(appraisalValidity, "appraisalValidity");
            Objects.requireNonNull(countedSharePercent, "countedSharePercent");
            if (appraisalNotLaterThan.isNegative() || appraisalValidity.isNegative()) {
                throw new IllegalArgumentException("appraisal periods must not be negative");
            }
            LocalDate probe = LocalDate.of(2000, 1, 31);
            if (!probe.minus(appraisalValidity).isBefore(probe.minus(appraisalNotLaterThan))) {
                throw new IllegalArgumentException("appraisal validity (" + appraisalValidity
                        + ") must be longer than the minimum age (" + appraisalNotLaterThan + ")");
            }
            EnumMap<CollateralType, BigDecimal> shares = new EnumMap<>(CollateralType.class);
            for (CollateralType t : CollateralType.values()) {
                BigDecimal s = countedSharePercent.getOrDefault(t, t.maxCountedSharePercent());
                boolean fixedAtFull = t.maxCountedSharePercent().compareTo(HUNDRED) == 0;
                if (fixedAtFull && s.compareTo(HUNDRED) != 0) {
                    throw new IllegalArgumentException("counted share for " + t + " is fixed at 100 percent ("
                            + t.paragraph() + "), got " + s.toPlainString());
                }
                if (s.signum() <= 0 || s.compareTo(t.maxCountedSharePercent()) > 0) {
                    throw new IllegalArgumentException("counted share for " + t + " must be in (0, "
                            + t.maxCountedSharePercent().toPlainString() + "] percent (" + t.paragraph() + "), got "
                            + s.toPlainString());
                }
                shares.put(t, s);
            }
            countedSharePercent = java.util.Collections.unmodifiableMap(shares);
        }

        public static Settings defaults() {
            return new Settings(Period.ofMonths(1), Period.ofMonths(6), Map.of());
        }
    }
}
