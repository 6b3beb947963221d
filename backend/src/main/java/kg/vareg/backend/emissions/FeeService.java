package kg.vareg.backend.emissions;

import static kg.vareg.backend.emissions.EmissionChanges.ISSUER;
import static kg.vareg.backend.emissions.EmissionChanges.requireRole;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.api.ConflictException;
import kg.vareg.backend.api.InvalidFieldException;
import kg.vareg.backend.fees.FeeStatus;
import kg.vareg.backend.fees.QuarterId;
import kg.vareg.backend.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registration fee (¶26-28): the issuer's payments and quarterly notices, and what is due. */
@Service
public class FeeService {
    private final EmissionChanges changes;
    private final FeeRecords fees;
    private final Clock clock;

    FeeService(EmissionChanges changes, FeeRecords fees, Clock clock) {
        this.changes = changes;
        this.fees = fees;
        this.clock = clock;
    }

    @Transactional
    public void recordFeePayment(UUID id, Optional<QuarterId> quarter, LocalDate paidOn, BigDecimal amount,
            String currency, CurrentActor actor) {
        Emission e = changes.load(id, actor);
        requireRole(actor, ISSUER, "the issuer records its fee payments (¶28)");
        if (paidOn.isAfter(LocalDate.now(clock))) throw new InvalidFieldException("paidOn", "the payment date is in the future");
        if (!currency.equals(e.nominalCurrency())) {
            throw new InvalidFieldException("currency", "the fee is paid in the emission's currency " + e.nominalCurrency());
        }
        if (quarter.isPresent() && fees.schedule(e).quarters().stream().noneMatch(q -> q.id().equals(quarter.get()))) {
            throw new InvalidFieldException("quarter", quarter.get() + " is outside the placement period (¶28)");
        }
        fees.addPayment(e.id(), quarter, paidOn, amount, currency, clock);
        e.feePaymentRecorded(paidOn, amount, currency, quarter.map(QuarterId::toString).orElse("upfront"));
        changes.commit(e, actor, List.of());
    }

    @Transactional
    public void recordQuarterNotice(UUID id, QuarterId quarter, BigDecimal placedNominal, CurrentActor actor) {
        Emission e = changes.load(id, actor);
        requireRole(actor, ISSUER, "the issuer notifies the amount placed (¶28)");
        if (fees.schedule(e).quarters().stream().noneMatch(q -> q.id().equals(quarter))) {
            throw new InvalidFieldException("quarter", quarter + " is outside the placement period (¶28)");
        }
        try {
            fees.addNotice(e.id(), quarter, placedNominal, LocalDate.now(clock));
        } catch (org.springframework.dao.DuplicateKeyException dup) {
            throw new ConflictException("the notice for " + quarter + " is already filed");
        }
        fees.status(e, LocalDate.now(clock)); // validates the placed amounts against the issue's total
        e.feeQuarterNoticeFiled(quarter.toString(), placedNominal);
        changes.commit(e, actor, List.of());
    }

    @Transactional(readOnly = true)
    public FeeStatus feeStatus(UUID id, CurrentActor actor) {
        return fees.status(changes.load(id, actor), LocalDate.now(clock));
    }
}
