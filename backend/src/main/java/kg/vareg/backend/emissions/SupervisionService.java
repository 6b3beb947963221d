package kg.vareg.backend.emissions;

import static kg.vareg.backend.emissions.EmissionChanges.REGISTRAR;
import static kg.vareg.backend.emissions.EmissionChanges.REGULATOR;
import static kg.vareg.backend.emissions.EmissionChanges.payload;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.calendar.WorkingDayCalendar;
import kg.vareg.backend.documents.DocumentKind;
import kg.vareg.backend.documents.Documents;
import kg.vareg.backend.documents.StoredDocument;
import kg.vareg.backend.emissions.EmissionEvent.CancellationBasis;
import kg.vareg.backend.security.CurrentActor;
import kg.vareg.backend.security.Decision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suspension and cancellation (¶25, ¶37, ¶45-47, ¶50-53, ¶63-64): the regulator's measures. Suspension, invalidity,
 * not-genuine and cancellation decisions are four-eyes.
 */
@Service
public class SupervisionService {
    private final EmissionChanges changes;
    private final Documents documents;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    SupervisionService(EmissionChanges changes, Documents documents, WorkingDayCalendar calendar, Clock clock) {
        this.changes = changes;
        this.documents = documents;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** ¶25(1), ¶50, four-eyes. */
    public Emission suspend(UUID id, Optional<Long> v, String grounds, CurrentActor actor) {
        return changes.decide(Decision.SUSPEND, id, payload("grounds", grounds), actor, a ->
                changes.change(id, v, a, REGULATOR, "the regulator suspends emissions (¶25(1), ¶50)",
                        (e, docs) -> e.suspend(grounds, clock)));
    }

    @Transactional
    public Emission liftSuspension(UUID id, Optional<Long> v, CurrentActor actor) {
        return changes.change(id, v, actor, REGISTRAR, "the registrar lifts suspensions (¶25(1))", (e, docs) -> e.liftSuspension(clock));
    }

    @Transactional
    public Emission grantCurePeriod(UUID id, Optional<Long> v, String breaches, CurrentActor actor) {
        return changes.change(id, v, actor, REGISTRAR, "the registrar gives cure periods (¶37)",
                (e, docs) -> e.grantCurePeriod(breaches, calendar, clock));
    }

    /** ¶25(3), ¶63, four-eyes. */
    public Emission declareInvalid(UUID id, Optional<Long> v, String court, UUID courtDecisionId, CurrentActor actor) {
        return changes.decide(Decision.INVALIDATE, id, payload("court", court, "courtDecisionId", courtDecisionId), actor,
                a -> changes.change(id, v, a, REGISTRAR, "the registrar enters a court's decision (¶25(3), ¶63)", (e, docs) -> {
                    StoredDocument d = documents.basis(e.id(), courtDecisionId, "courtDecisionId", DocumentKind.COURT_DECISION);
                    e.declareInvalid(court, d.sha256(), calendar, clock);
                    docs.add(d);
                }));
    }

    /** ¶52, ¶63, four-eyes. */
    public Emission declareNotGenuine(UUID id, Optional<Long> v, UUID decisionId, CurrentActor actor) {
        return changes.decide(Decision.NOT_GENUINE, id, payload("decisionId", decisionId), actor, a ->
                changes.change(id, v, a, REGISTRAR, "the registrar enters a not-genuine decision (¶52, ¶63)", (e, docs) -> {
                    StoredDocument d = documents.basis(e.id(), decisionId, "decisionId", DocumentKind.NOT_GENUINE_DECISION);
                    e.declareNotGenuine(d.sha256(), calendar, clock);
                    docs.add(d);
                }));
    }

    /** ¶45-47, ¶63-64, four-eyes. */
    public Emission cancel(UUID id, Optional<Long> v, CancellationBasis basis, UUID basisDocumentId, CurrentActor actor) {
        return changes.decide(Decision.CANCEL, id, payload("basis", basis, "basisDocumentId", basisDocumentId), actor,
                a -> changes.change(id, v, a, REGISTRAR, "the registrar cancels emissions (¶45, ¶63-64)", (e, docs) -> {
                    StoredDocument d = documents.basis(e.id(), basisDocumentId, "basisDocumentId", DocumentKind.LIQUIDATION_DECISION);
                    e.cancel(basis, d.sha256(), calendar, clock);
                    docs.add(d);
                }));
    }
}
