package kg.vareg.backend.emissions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.calendar.WorkingDayCalendar;
import kg.vareg.backend.fees.FeePayment;
import kg.vareg.backend.fees.FeeSchedule;
import kg.vareg.backend.fees.FeeStatus;
import kg.vareg.backend.fees.QuarterId;
import kg.vareg.backend.fees.QuarterNotice;
import kg.vareg.backend.fees.RegistrationFees;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Stores fee payments and quarterly notices (¶28) and evaluates them with {@link RegistrationFees}. */
@Component
class FeeRecords {
    private final JdbcTemplate jdbc;
    private final RegistrationFees fees = new RegistrationFees();
    private final WorkingDayCalendar calendar;

    FeeRecords(JdbcTemplate jdbc, WorkingDayCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    void addPayment(UUID emissionId, Optional<QuarterId> quarter, LocalDate paidOn, BigDecimal amount, String currency, Clock clock) {
        jdbc.update("INSERT INTO registry.fee_payment (emission_id, quarter_year, quarter, paid_on, amount, currency, recorded_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", emissionId, quarter.map(QuarterId::year).orElse(null),
                quarter.map(QuarterId::quarter).orElse(null), paidOn, amount, currency,
                java.sql.Timestamp.from(clock.instant()));
    }

    void addNotice(UUID emissionId, QuarterId quarter, BigDecimal placedNominal, LocalDate filedOn) {
        jdbc.update("INSERT INTO registry.fee_quarter_notice (emission_id, quarter_year, quarter, placed_nominal, filed_on)"
                + " VALUES (?, ?, ?, ?, ?)", emissionId, quarter.year(), quarter.quarter(), placedNominal, filedOn);
    }

    List<FeePayment> payments(UUID emissionId) {
        return jdbc.query("SELECT quarter_year, quarter, paid_on, amount, currency FROM registry.fee_payment WHERE emission_id = ? ORDER BY id",
                (rs, i) -> {
                    Integer y = (Integer) rs.getObject(1);
                    LocalDate paidOn = rs.getObject(3, LocalDate.class);
                    return y == null ? FeePayment.upfront(paidOn, rs.getBigDecimal(4), rs.getString(5))
                            : FeePayment.forQuarter(new QuarterId(y, rs.getInt(2)), paidOn, rs.getBigDecimal(4), rs.getString(5));
                }, emissionId);
    }

    Map<QuarterId, BigDecimal> placedByQuarter(UUID emissionId) {
        Map<QuarterId, BigDecimal> m = new LinkedHashMap<>();
        jdbc.query("SELECT quarter_year, quarter, placed_nominal FROM registry.fee_quarter_notice WHERE emission_id = ? ORDER BY 1, 2",
                rs -> { m.put(new QuarterId(rs.getInt(1), rs.getInt(2)), rs.getBigDecimal(3)); }, emissionId);
        return m;
    }

    List<QuarterNotice> notices(UUID emissionId) {
        return jdbc.query("SELECT quarter_year, quarter, filed_on FROM registry.fee_quarter_notice WHERE emission_id = ? ORDER BY 1, 2",
                (rs, i) -> new QuarterNotice(new QuarterId(rs.getInt(1), rs.getInt(2)), rs.getObject(3, LocalDate.class)), emissionId);
    }

    BigDecimal upfrontPaid(UUID emissionId) {
        return payments(emissionId).stream().filter(p -> p.quarter().isEmpty()).map(FeePayment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** ¶26-28 schedule of this emission, from the upfront payments recorded so far. */
    FeeSchedule schedule(Emission e) {
        return fees.schedule(e.terms().totalNominalValue(), e.nominalCurrency(), upfrontPaid(e.id()),
                e.placementStart(), e.placementEnd(), calendar);
    }

    /** ¶28: at least 20% of the fee paid with the package. */
    boolean upfrontSufficient(Emission e) {
        // Independent of the quarterly schedule, so registration never waits for a later year's calendar.
        BigDecimal total = fees.totalFee(e.terms().totalNominalValue(), e.nominalCurrency());
        return upfrontPaid(e.id()).compareTo(fees.minimumUpfront(total, e.nominalCurrency())) >= 0;
    }

    FeeStatus status(Emission e, LocalDate asOf) {
        return fees.evaluate(schedule(e), placedByQuarter(e.id()), payments(e.id()), notices(e.id()), asOf);
    }
}
