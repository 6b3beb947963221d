package kg.vareg.backend.emissions;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.collateral.CoverageAssessment;
import kg.vareg.backend.documents.DocumentKind;
import kg.vareg.backend.documents.StoredDocument;
import kg.vareg.backend.emissions.EmissionEvent.BurnReason;
import kg.vareg.backend.emissions.EmissionEvent.CancellationBasis;
import kg.vareg.backend.emissions.EmissionEvent.RefusalGround;
import kg.vareg.backend.emissions.EmissionEvent.SuccessGround;
import kg.vareg.backend.fees.FeeStatus;
import kg.vareg.backend.fees.QuarterId;
import kg.vareg.backend.kernel.EmissionState;
import kg.vareg.backend.security.CurrentActor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The emission workflow's entry point for the controllers and pages: reads here, each command delegated to the service
 * of its stage — {@link ApplicationService} (¶9-19), {@link WhitePaperChangeService} (¶7, ¶59), {@link PlacementService}
 * (¶20-24), {@link ResultsService} (¶29-48), {@link SupervisionService} (¶25, ¶37, ¶45-53), {@link NoticeService}
 * (¶11, ¶38-40, ¶54-56) and {@link FeeService} (¶26-28). Each command runs in one transaction along the one path of
 * {@link EmissionChanges}: the aggregate applies its ¶ rule and records events; the events become the history and
 * exactly one journal record.
 */
@Service
public class EmissionService {
    private final EmissionRepository emissions;
    private final EmissionChanges changes;
    private final ApplicationService application;
    private final WhitePaperChangeService whitePaper;
    private final PlacementService placement;
    private final ResultsService results;
    private final SupervisionService supervision;
    private final NoticeService notices;
    private final FeeService fees;

    EmissionService(EmissionRepository emissions, EmissionChanges changes, ApplicationService application,
            WhitePaperChangeService whitePaper, PlacementService placement, ResultsService results, SupervisionService supervision,
            NoticeService notices, FeeService fees) {
        this.emissions = emissions;
        this.changes = changes;
        this.application = application;
        this.whitePaper = whitePaper;
        this.placement = placement;
        this.results = results;
        this.supervision = supervision;
        this.notices = notices;
        this.fees = fees;
    }

    // ------------------------------------------------------------------ reads

    @Transactional(readOnly = true)
    public Emission get(UUID id, CurrentActor actor) {
        return changes.load(id, actor);
    }

    @Transactional(readOnly = true)
    public Page<Emission> list(Optional<EmissionState> state, Optional<UUID> issuerId, CurrentActor actor, Pageable page) {
        Specification<Emission> spec = (root, q, cb) -> cb.conjunction();
        if (actor.isIssuer()) {
            UUID own = actor.issuerId().orElseThrow();
            spec = spec.and((root, q, cb) -> cb.equal(root.get("issuerId"), own));
        }
        if (state.isPresent()) spec = spec.and((root, q, cb) -> cb.equal(root.get("state"), state.get()));
        if (issuerId.isPresent()) spec = spec.and((root, q, cb) -> cb.equal(root.get("issuerId"), issuerId.get()));
        return emissions.findAll(spec, page);
    }

    // ------------------------------------------------------------------ ¶9-19 application and review

    public Emission createDraft(UUID issuerId, EmissionTerms terms, List<CollateralLine> collateral, CurrentActor actor) {
        return application.createDraft(issuerId, terms, collateral, actor);
    }

    public Emission amendDraft(UUID id, long expectedVersion, EmissionTerms terms, List<CollateralLine> collateral, CurrentActor actor) {
        return application.amendDraft(id, expectedVersion, terms, collateral, actor);
    }

    public StoredDocument fileDocument(UUID id, DocumentKind kind, String fileName, String mediaType, byte[] content, CurrentActor actor) {
        return application.fileDocument(id, kind, fileName, mediaType, content, actor);
    }

    public List<String> missingPackageItems(UUID id, CurrentActor actor) {
        return application.missingPackageItems(id, actor);
    }

    public Emission submit(UUID id, Optional<Long> expectedVersion, CurrentActor actor) {
        return application.submit(id, expectedVersion, actor);
    }

    public Emission register(UUID id, Optional<Long> expectedVersion, CurrentActor actor) {
        return application.register(id, expectedVersion, actor);
    }

    public CoverageAssessment coverage(UUID id, CurrentActor actor) {
        return application.coverage(id, actor);
    }

    public Emission refuse(UUID id, Optional<Long> v, List<RefusalGround> grounds, String reasons, CurrentActor actor) {
        return application.refuse(id, v, grounds, reasons, actor);
    }

    // ------------------------------------------------------------------ ¶7, ¶59 changes after registration

    public Emission requestWhitePaperChange(UUID id, Optional<Long> v, UUID documentId, CurrentActor actor) {
        return whitePaper.request(id, v, documentId, null, actor);
    }

    public Emission requestWhitePaperChange(UUID id, Optional<Long> v, UUID documentId, RegisterChange change, CurrentActor actor) {
        return whitePaper.request(id, v, documentId, change, actor);
    }

    public Emission answerWhitePaperChange(UUID id, Optional<Long> v, boolean approve, String reasons, CurrentActor actor) {
        return whitePaper.answer(id, v, approve, reasons, actor);
    }

    // ------------------------------------------------------------------ ¶20-24 offer and placement

    public Emission discloseOffer(UUID id, Optional<Long> v, LocalDate disclosedOn, String url, CurrentActor actor) {
        return placement.discloseOffer(id, v, disclosedOn, url, actor);
    }

    public Emission startPlacement(UUID id, Optional<Long> v, LocalDate startedOn, CurrentActor actor) {
        return placement.startPlacement(id, v, startedOn, actor);
    }

    // ------------------------------------------------------------------ ¶25, ¶37, ¶45-53 suspension and cancellation

    public Emission suspend(UUID id, Optional<Long> v, String grounds, CurrentActor actor) {
        return supervision.suspend(id, v, grounds, actor);
    }

    public Emission liftSuspension(UUID id, Optional<Long> v, CurrentActor actor) {
        return supervision.liftSuspension(id, v, actor);
    }

    public Emission grantCurePeriod(UUID id, Optional<Long> v, String breaches, CurrentActor actor) {
        return supervision.grantCurePeriod(id, v, breaches, actor);
    }

    public Emission declareInvalid(UUID id, Optional<Long> v, String court, UUID courtDecisionId, CurrentActor actor) {
        return supervision.declareInvalid(id, v, court, courtDecisionId, actor);
    }

    public Emission declareNotGenuine(UUID id, Optional<Long> v, UUID decisionId, CurrentActor actor) {
        return supervision.declareNotGenuine(id, v, decisionId, actor);
    }

    public Emission cancel(UUID id, Optional<Long> v, CancellationBasis basis, UUID basisDocumentId, CurrentActor actor) {
        return supervision.cancel(id, v, basis, basisDocumentId, actor);
    }

    // ------------------------------------------------------------------ ¶29-48 results and burns

    public Emission reportResults(UUID id, Optional<Long> v, LocalDate actualEnd, BigInteger placed, BigDecimal proceeds,
            UUID reportDocumentId, CurrentActor actor) {
        return results.reportResults(id, v, actualEnd, placed, proceeds, reportDocumentId, actor);
    }

    public Emission declareSuccessful(UUID id, Optional<Long> v, SuccessGround ground, UUID underwritingDocumentId, CurrentActor actor) {
        return results.declareSuccessful(id, v, ground, underwritingDocumentId, actor);
    }

    public Emission declareUnsuccessful(UUID id, Optional<Long> v, String grounds, CurrentActor actor) {
        return results.declareUnsuccessful(id, v, grounds, actor);
    }

    public Emission recordBurn(UUID id, Optional<Long> v, BigInteger quantity, BurnReason reason, String txHash,
            UUID decisionDocumentId, CurrentActor actor) {
        return results.recordBurn(id, v, quantity, reason, txHash, decisionDocumentId, actor);
    }

    // ------------------------------------------------------------------ ¶11, ¶38-40, ¶54-56 notices

    public Emission recordNotice(UUID id, Optional<Long> v, NoticeFacts facts, UUID documentId, CurrentActor actor) {
        return notices.recordNotice(id, v, facts, documentId, actor);
    }

    public List<NoticeView> noticeObligations(UUID id, CurrentActor actor) {
        return notices.noticeObligations(id, actor);
    }

    // ------------------------------------------------------------------ ¶26-28 fees

    public void recordFeePayment(UUID id, Optional<QuarterId> quarter, LocalDate paidOn, BigDecimal amount, String currency,
            CurrentActor actor) {
        fees.recordFeePayment(id, quarter, paidOn, amount, currency, actor);
    }

    public void recordQuarterNotice(UUID id, QuarterId quarter, BigDecimal placedNominal, CurrentActor actor) {
        fees.recordQuarterNotice(id, quarter, placedNominal, actor);
    }

    public FeeStatus feeStatus(UUID id, CurrentActor actor) {
        return fees.feeStatus(id, actor);
    }
}
