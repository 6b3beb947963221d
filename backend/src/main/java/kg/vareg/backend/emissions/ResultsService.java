package kg.vareg.backend.emissions;

import static kg.vareg.backend.emissions.EmissionChanges.ISSUER;
import static kg.vareg.backend.emissions.EmissionChanges.REGISTRAR;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.api.InvalidFieldException;
import kg.vareg.backend.calendar.WorkingDayCalendar;
import kg.vareg.backend.documents.DocumentKind;
import kg.vareg.backend.documents.Documents;
import kg.vareg.backend.documents.StoredDocument;
import kg.vareg.backend.emissions.EmissionEvent.BurnReason;
import kg.vareg.backend.emissions.EmissionEvent.SuccessGround;
import kg.vareg.backend.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results and burns (¶4 stage 6, ¶29-48): the issuer's results report, the regulator's decision of success or of an
 * unsuccessful emission, and the issuer's burns (¶45).
 */
@Service
public class ResultsService {
    private final EmissionChanges changes;
    private final Documents documents;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    ResultsService(EmissionChanges changes, Documents documents, WorkingDayCalendar calendar, Clock clock) {
        this.changes = changes;
        this.documents = documents;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional
    public Emission reportResults(UUID id, Optional<Long> v, LocalDate actualEnd, BigInteger placed, BigDecimal proceeds,
            UUID reportDocumentId, CurrentActor actor) {
        return changes.change(id, v, actor, ISSUER, "the issuer files the results report (¶30)", (e, docs) -> {
            StoredDocument d = documents.basis(e.id(), reportDocumentId, "reportDocumentId", DocumentKind.RESULTS_REPORT);
            e.reportResults(actualEnd, placed, proceeds, calendar, clock);
            docs.add(d);
        });
    }

    @Transactional
    public Emission declareSuccessful(UUID id, Optional<Long> v, SuccessGround ground, UUID underwritingDocumentId, CurrentActor actor) {
        return changes.change(id, v, actor, REGISTRAR, "the registrar recognises results (¶34)", (e, docs) -> {
            if (ground == SuccessGround.UNDERWRITING_CONTRACT) {
                if (underwritingDocumentId == null) {
                    throw new InvalidFieldException("underwritingDocumentId", "¶29(3) success rests on the underwriting contract");
                }
                docs.add(documents.basis(e.id(), underwritingDocumentId, "underwritingDocumentId", DocumentKind.UNDERWRITING_CONTRACT));
            }
            e.declareSuccessful(ground, calendar, clock);
        });
    }

    @Transactional
    public Emission declareUnsuccessful(UUID id, Optional<Long> v, String grounds, CurrentActor actor) {
        return changes.change(id, v, actor, REGISTRAR, "the registrar declares emissions unsuccessful (¶25(2), ¶34)",
                (e, docs) -> e.declareUnsuccessful(grounds, calendar, clock));
    }

    @Transactional
    public Emission recordBurn(UUID id, Optional<Long> v, BigInteger quantity, BurnReason reason, String txHash,
            UUID decisionDocumentId, CurrentActor actor) {
        return changes.change(id, v, actor, ISSUER, "the issuer records its burns (¶45)", (e, docs) -> {
            String sha = null;
            if (decisionDocumentId != null) {
                StoredDocument d = documents.basis(e.id(), decisionDocumentId, "decisionDocumentId", DocumentKind.BURN_DECISION);
                docs.add(d);
                sha = d.sha256();
            }
            e.recordBurn(quantity, reason, txHash, sha, clock);
        });
    }
}
