package kg.vareg.backend.emissions;

import static kg.vareg.backend.emissions.EmissionChanges.ISSUER;
import static kg.vareg.backend.emissions.EmissionChanges.REGISTRAR;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.calendar.WorkingDayCalendar;
import kg.vareg.backend.documents.DocumentKind;
import kg.vareg.backend.documents.Documents;
import kg.vareg.backend.documents.StoredDocument;
import kg.vareg.backend.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes after registration (¶7, ¶59): the issuer asks, the regulator consents or refuses within 10 working days. */
@Service
public class WhitePaperChangeService {
    private final EmissionChanges changes;
    private final Documents documents;
    private final CollateralCoverage coverage;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    WhitePaperChangeService(EmissionChanges changes, Documents documents, CollateralCoverage coverage, WorkingDayCalendar calendar,
            Clock clock) {
        this.changes = changes;
        this.documents = documents;
        this.coverage = coverage;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** ¶7, with an optional ¶59 change of the quantity / nominal value made in the register on consent. */
    @Transactional
    public Emission request(UUID id, Optional<Long> v, UUID documentId, RegisterChange change, CurrentActor actor) {
        return changes.change(id, v, actor, ISSUER, "the issuer requests white paper changes (¶7)", (e, docs) -> {
            StoredDocument d = documents.basis(e.id(), documentId, "documentId", DocumentKind.WHITE_PAPER_CHANGE);
            e.requestWhitePaperChange(d.sha256(), change, calendar, clock);
            docs.add(d);
        });
    }

    @Transactional
    public Emission answer(UUID id, Optional<Long> v, boolean approve, String reasons, CurrentActor actor) {
        return changes.change(id, v, actor, REGISTRAR, "the regulator answers white paper changes (¶7)", (e, docs) -> {
            if (approve) {
                // ¶59 / ¶3-5: a new volume must still be covered by the collateral.
                CollateralCheck after = e.pendingRegisterChange().map(c -> coverage.check(e,
                        c.nominalValueOr(e.nominalValue()).multiply(new BigDecimal(c.quantityOr(e.quantity()))))).orElse(null);
                e.approveWhitePaperChange(after, clock);
            } else {
                e.refuseWhitePaperChange(reasons, clock);
            }
        });
    }
}
