package kg.vareg.backend.emissions;

import static kg.vareg.backend.emissions.EmissionChanges.ISSUER;
import static kg.vareg.backend.emissions.EmissionChanges.REGISTRAR;
import static kg.vareg.backend.emissions.EmissionChanges.payload;
import static kg.vareg.backend.emissions.EmissionChanges.requireRole;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.api.InvalidFieldException;
import kg.vareg.backend.calendar.WorkingDayCalendar;
import kg.vareg.backend.collateral.CoverageAssessment;
import kg.vareg.backend.documents.DocumentKind;
import kg.vareg.backend.documents.Documents;
import kg.vareg.backend.documents.StoredDocument;
import kg.vareg.backend.emissions.EmissionEvent.RefusalGround;
import kg.vareg.backend.issuers.Issuer;
import kg.vareg.backend.issuers.IssuerParty;
import kg.vareg.backend.issuers.IssuerService;
import kg.vareg.backend.issuers.PartyRole;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.backend.kernel.RuleViolation;
import kg.vareg.backend.register.RegistrationNumbers;
import kg.vareg.backend.security.CurrentActor;
import kg.vareg.backend.security.Decision;
import kg.vareg.backend.security.UploadPolicy;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Application and review (¶4 stages 1-3, ¶9-19): the issuer's draft and its package, filing, and the regulator's
 * decision — registration with its number (four-eyes) or a reasoned refusal (four-eyes).
 */
@Service
public class ApplicationService {
    private final EmissionChanges changes;
    private final IssuerService issuers;
    private final Documents documents;
    private final RegistrationNumbers numbers;
    private final FeeRecords fees;
    private final CollateralCoverage coverage;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final UploadPolicy uploads;

    ApplicationService(EmissionChanges changes, IssuerService issuers, Documents documents,
            RegistrationNumbers numbers, FeeRecords fees, CollateralCoverage coverage, WorkingDayCalendar calendar, Clock clock,
            UploadPolicy uploads) {
        this.changes = changes;
        this.issuers = issuers;
        this.documents = documents;
        this.numbers = numbers;
        this.fees = fees;
        this.coverage = coverage;
        this.calendar = calendar;
        this.clock = clock;
        this.uploads = uploads;
    }

    @Transactional
    public Emission createDraft(UUID issuerId, EmissionTerms terms, List<CollateralLine> collateral, CurrentActor actor) {
        requireRole(actor, ISSUER, "only the issuer files an application (¶9)");
        Issuer issuer = issuers.get(issuerId, actor);
        checkCollateralManager(issuer, terms);
        Emission e = Emission.draft(UUID.randomUUID(), issuer.id(), terms, collateral, clock);
        changes.commit(e, actor, List.of());
        return e;
    }

    @Transactional
    public Emission amendDraft(UUID id, long expectedVersion, EmissionTerms terms, List<CollateralLine> collateral, CurrentActor actor) {
        Emission e = changes.load(id, actor);
        requireRole(actor, ISSUER, "only the issuer amends its application");
        EmissionChanges.checkVersion(e, Optional.of(expectedVersion));
        checkCollateralManager(issuers.get(e.issuerId(), actor), terms);
        e.amend(terms, collateral, clock);
        changes.commit(e, actor, List.of());
        return e;
    }

    /** ¶3-2: the named collateral manager must be one of the issuer's declared, non-affiliated managers. */
    private void checkCollateralManager(Issuer issuer, EmissionTerms terms) {
        if (terms.collateralManagerId() == null) return;
        IssuerParty party = issuers.party(terms.collateralManagerId())
                .filter(p -> p.issuerId().equals(issuer.id()) && p.role() == PartyRole.COLLATERAL_MANAGER)
                .orElseThrow(() -> new InvalidFieldException("collateralManagerId",
                        "no collateral manager " + terms.collateralManagerId() + " is recorded for this issuer (¶3-2)"));
        if (!party.nonAffiliationDeclared()) {
            throw new RuleViolation("¶3-2", "the collateral manager has not declared non-affiliation");
        }
    }

    @Transactional
    public StoredDocument fileDocument(UUID id, DocumentKind kind, String fileName, String mediaType, byte[] content,
            CurrentActor actor) {
        Emission e = changes.load(id, actor);
        if (actor.role() == ActorRole.SUPERVISOR) throw new AccessDeniedException("the supervisor does not file documents");
        boolean regulatorKind = EnumSet.of(DocumentKind.COURT_DECISION, DocumentKind.NOT_GENUINE_DECISION,
                DocumentKind.REGULATOR_DECISION, DocumentKind.LIQUIDATION_DECISION).contains(kind);
        if (actor.isIssuer() && regulatorKind && kind != DocumentKind.LIQUIDATION_DECISION) {
            throw new AccessDeniedException("a " + kind + " is filed by the regulator");
        }
        StoredDocument d = e.fileDocument(kind, () -> {
            // Type by content, not by name or declared type (security issue 8): the detected type is stored and served.
            String detected = uploads.check(content);
            return documents.store(e.id(), kind, fileName, detected, content, actor.role());
        });
        changes.commit(e, actor, List.of(d));
        return d;
    }

    @Transactional(readOnly = true)
    public List<String> missingPackageItems(UUID id, CurrentActor actor) {
        Emission e = changes.load(id, actor);
        return documents.missingPackageItems(e.id(), issuers.get(e.issuerId(), actor).kind(), true);
    }

    @Transactional
    public Emission submit(UUID id, Optional<Long> expectedVersion, CurrentActor actor) {
        return changes.change(id, expectedVersion, actor, ISSUER, "the issuer files the package (¶9)", (e, docs) -> {
            Issuer issuer = issuers.get(e.issuerId(), actor);
            List<String> missing = documents.missingPackageItems(e.id(), issuer.kind(), true);
            Optional<StoredDocument> wp = documents.latest(e.id(), DocumentKind.WHITE_PAPER);
            e.submit(missing, wp.map(StoredDocument::sha256).orElse(null), calendar, clock);
            documents.of(e.id()).stream().filter(d -> d.kind().packageItem().isPresent()).forEach(docs::add);
        });
    }

    /**
     * ¶10, ¶3-1..3-10, ¶28, ¶67-68: registers the emission and assigns its number. Four-eyes: the first staff
     * member's call proposes ({@link kg.vareg.backend.security.DecisionProposed}), a second one's confirms.
     */
    public Emission register(UUID id, Optional<Long> expectedVersion, CurrentActor actor) {
        return changes.decide(Decision.REGISTER, id, payload(), actor, a ->
                changes.change(id, expectedVersion, a, REGISTRAR, "the registrar registers emissions (¶10)", (e, docs) -> {
                    Issuer issuer = issuers.get(e.issuerId(), a);
                    CollateralCheck check = coverage.check(e);
                    boolean upfront = fees.upfrontSufficient(e);
                    e.register(() -> numbers.allocate(e.id(), e.vaType(), issuer.issuerCode(), issuer.region(), LocalDate.now(clock)).value(),
                            check, upfront, calendar, clock);
                }));
    }

    /** ¶3-5, ¶3-6, ¶3-10: the policy's assessment of the collateral on the filing day, with its computation. */
    @Transactional(readOnly = true)
    public CoverageAssessment coverage(UUID id, CurrentActor actor) {
        return coverage.assess(changes.load(id, actor));
    }

    /** ¶17-19, four-eyes. */
    public Emission refuse(UUID id, Optional<Long> v, List<RefusalGround> grounds, String reasons, CurrentActor actor) {
        return changes.decide(Decision.REFUSE, id, payload("grounds", grounds, "reasons", reasons), actor, a ->
                changes.change(id, v, a, REGISTRAR, "the registrar decides on applications (¶10)",
                        (e, docs) -> e.refuse(grounds, reasons, clock)));
    }
}
