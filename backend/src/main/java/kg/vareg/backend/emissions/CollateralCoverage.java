package kg.vareg.backend.emissions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import kg.vareg.backend.collateral.CollateralPolicy;
import kg.vareg.backend.collateral.CoverageAssessment;
import kg.vareg.backend.collateral.ExchangeRates;
import org.springframework.stereotype.Component;

/** ¶3-5, ¶3-6, ¶3-10: the collateral policy applied to an emission, the appraisal window judged as at filing. */
@Component
class CollateralCoverage {
    private final CollateralPolicy policy = new CollateralPolicy();
    private final Clock clock;

    CollateralCoverage(Clock clock) {
        this.clock = clock;
    }

    /** The assessment of the emission's volume, with its computation. */
    CoverageAssessment assess(Emission e) {
        return assess(e, e.terms().totalNominalValue());
    }

    /** The verdict for the emission's volume, as the aggregate takes it at registration. */
    CollateralCheck check(Emission e) {
        return check(e, e.terms().totalNominalValue());
    }

    /** The verdict for a given volume (¶59: a new quantity or nominal value must still be covered, ¶3-5). */
    CollateralCheck check(Emission e, BigDecimal totalNominalValue) {
        CoverageAssessment a = assess(e, totalNominalValue);
        return new CollateralCheck(a.secured(), a.violations().stream().map(Object::toString).toList(), a.steps());
    }

    private CoverageAssessment assess(Emission e, BigDecimal totalNominalValue) {
        return policy.assess(totalNominalValue, e.nominalCurrency(), e.collateral().stream().map(CollateralLine::toItem).toList(),
                e.submittedOn().orElse(LocalDate.now(clock)), ExchangeRates.none());
    }
}
