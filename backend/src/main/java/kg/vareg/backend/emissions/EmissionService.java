package kg.vareg.backend.emissions;

import kg.vareg.backend.kernel.EmissionState;
import kg.vareg.backend.kernel.RuleViolation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import kg.vareg.backend.api.ConflictException;
import kg.vareg.backend.api.InvalidFieldException;
import kg.vareg.backend.api.NotFoundException;
import kg.vareg.backend.calendar.WorkingDayCalendar;
import kg.vareg.backend.collateral.CollateralPolicy;
import kg.vareg.backend.collateral.CoverageAssessment;
import kg.vareg.backend.documents.DocumentKind;
import kg.vareg.backend.documents.Documents;
import kg.vareg.backend.documents.StoredDocument;
import kg.vareg.backend.emissions.EmissionEvent.BurnReason;
import kg.vareg.backend.emissions.EmissionEvent.CancellationBasis;
import kg.vareg.backend.emissions.EmissionEvent.NoticeKind;
import kg.vareg.backend.emissions.EmissionEvent.RefusalGround;
import kg.vareg.backend.emissions.EmissionEvent.SuccessGround;
import kg.vareg.backend.fees.FeeStatus;
import kg.vareg.backend.fees.QuarterId;
import kg.vareg.backend.issuers.Issuer;
import kg.vareg.backend.issuers.IssuerParty;
import kg.vareg.backend.issuers.IssuerService;
import kg.vareg.backend.issuers.PartyRole;
import kg.vareg.backend.register.Commitments;
import kg.vareg.backend.register.JournalRecord;
import kg.vareg.backend.register.JournalWriter;
import kg.vareg.backend.register.RegistrationNumbers;
import kg.vareg.backend.security.ActorCommitments;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.backend.security.CurrentActor;
import kg.vareg.backend.security.Decision;
import kg.vareg.backend.security.FourEyes;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application service of the emission workflow. Each command runs in one transaction: load the aggregate,
 * check who may act (role, and an issuer only on its own emissions), check the expected version (optimistic
 * locking, no lost update), let the aggregate apply its ¶ rule, then store the aggregate, its events (history)
 * and exactly one journal row. Anything failing rolls all of it back.
 */
@Service
public class EmissionService {
    private static final Set<ActorRole> REGISTRAR = EnumSet.of(ActorRole.REGISTRAR, ActorRole.SYSTEM);
    private static final Set<ActorRole> ISSUER = EnumSet.of(ActorRole.ISSUER, ActorRole.SYSTEM);
    /** ¶50: the supervisor may also suspend, for an inspection or to protect holders. */
    private static final Set<ActorRole> REGULATOR = EnumSet.of(ActorRole.REGISTRAR, ActorRole.SUPERVISOR, ActorRole.SYSTEM);

    private final EmissionRepository emissions;
    private final EmissionHistory history;
    private final IssuerService issuers;
    private final Documents documents;
    private final RegistrationNumbers numbers;
    private final JournalWriter journal;
    private final FeeRecords fees;
    private final WorkingDayCalendar calendar;
    private final CollateralPolicy collateralPolicy = new CollateralPolicy();
    private final Clock clock;
    private final FourEyes fourEyes;
    private final ActorCommitments actors;
    private final kg.vareg.backend.security.UploadPolicy uploads;

    EmissionService(EmissionRepository emissions, EmissionHistory history, IssuerService issuers, Documents documents,
            RegistrationNumbers numbers, JournalWriter journal, FeeRecords fees, WorkingDayCalendar calendar, Clock clock,
            FourEyes fourEyes, ActorCommitments actors, kg.vareg.backend.security.UploadPolicy uploads) {
        this.uploads = uploads;
        this.fourEyes = fourEyes;
        this.actors = actors;
        this.emissions = emissions;
        this.history = history;
        this.issuers = issuers;
        this.documents = documents;
        this.numbers = numbers;
        this.journal = journal;
        this.fees = fees;
        this.calendar = calendar;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ drafts

    @Transactional
    public Emission createDraft(UUID issuerId, EmissionTerms terms, List<CollateralLine> collateral, CurrentActor actor) {
        requireRole(actor, ISSUER, "only the issuer files an application (¶9)");
        Issuer issuer = issuers.get(issuerId, actor);
        checkCollateralManager(issuer, terms);
        Emission e = Emission.draft(UUID.randomUUID(), issuer.id(), terms, collateral, clock);
        emissions.saveAndFlush(e);
        Map<String, Object> changes = Map.of("state", EmissionState.DRAFT.name());
        history.append(e.id(), "ApplicationDrafted", "¶4-5", changes, actor.role(), clock.instant());
        journal.append(new JournalRecord("ApplicationDrafted", JournalRecord.subject(e.id(), issuer.id(), null),
                clock.instant(), actor.role(), List.of(event("ApplicationDrafted", "¶4-5", changes)),
                withActor(actor, Map.of("decisionData", decisionDigest(e))), List.of()));
        return e;
    }

    @Transactional
    public Emission amendDraft(UUID id, long expectedVersion, EmissionTerms terms, List<CollateralLine> collateral, CurrentActor actor) {
        Emission e = load(id, actor);
        requireRole(actor, ISSUER, "only the issuer amends its application");
        checkVersion(e, Optional.of(expectedVersion));
        checkCollateralManager(issuers.get(e.issuerId(), actor), terms);
        e.amend(terms, collateral, clock);
        emissions.saveAndFlush(e);
        Map<String, Object> changes = Map.of("state", EmissionState.DRAFT.name());
        history.append(e.id(), "ApplicationAmended", "¶4-5", changes, actor.role(), clock.instant());
        journal.append(new JournalRecord("ApplicationAmended", JournalRecord.subject(e.id(), e.issuerId(), null),
                clock.instant(), actor.role(), List.of(event("ApplicationAmended", "¶4-5", changes)),
                withActor(actor, Map.of("decisionData", decisionDigest(e))), List.of()));
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

    private static String decisionDigest(Emission e) {
        Map<String, Object> t = new LinkedHashMap<>(publicTerms(e));
        return "sha256:" + Commitments.sha256Hex(Commitments.canonicalText(t).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** ¶5 / ¶62 fields of the emission, JSON-ready (amounts as strings). */
    static Map<String, Object> publicTerms(Emission e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vaType", e.vaType().name());
        m.put("quantity", e.quantity().toString());
        m.put("tokenDecimals", e.tokenDecimals());
        m.put("nominalValue", e.nominalValue().stripTrailingZeros().toPlainString());
        m.put("nominalCurrency", e.nominalCurrency());
        m.put("placementPrice", e.placementPrice());
        m.put("placementStart", e.placementStart().toString());
        m.put("placementEnd", e.placementEnd().toString());
        m.put("blockchain", e.blockchain());
        m.put("issuerWallet", e.issuerWallet());
        m.put("tokenAddress", e.tokenAddress());
        // declared token metadata only when given, so the digest of applications without it stays as before
        OnChainToken token = e.terms().token();
        if (token.profile() != null) m.put("tokenProfile", token.profile().name());
        if (token.name() != null) m.put("tokenName", token.name());
        if (token.symbol() != null) m.put("tokenSymbol", token.symbol());
        return m;
    }

    // ------------------------------------------------------------------ documents

    @Transactional
    public StoredDocument fileDocument(UUID id, DocumentKind kind, String fileName, String mediaType, byte[] content,
            CurrentActor actor) {
        Emission e = load(id, actor);
        if (actor.role() == ActorRole.SUPERVISOR) throw new AccessDeniedException("the supervisor does not file documents");
        boolean regulatorKind = EnumSet.of(DocumentKind.COURT_DECISION, DocumentKind.NOT_GENUINE_DECISION,
                DocumentKind.REGULATOR_DECISION, DocumentKind.LIQUIDATION_DECISION).contains(kind);
        if (actor.isIssuer() && regulatorKind && kind != DocumentKind.LIQUIDATION_DECISION) {
            throw new AccessDeniedException("a " + kind + " is filed by the regulator");
        }
        if (kind.packageItem().isPresent() && e.state() != EmissionState.DRAFT) {
            throw new RuleViolation("¶9, ¶37", "package documents are filed with the application; after filing only changed"
                    + " documents on a cure notice (CURE_DOCUMENTS) or a white paper change (WHITE_PAPER_CHANGE)");
        }
        // Type by content, not by name or declared type (security issue 8): the detected type is stored and served.
        String detected = uploads.check(content);
        StoredDocument d = documents.store(e.id(), kind, fileName, detected, content, actor.role());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("document", d.id().toString());
        changes.put("kind", kind.name());
        history.append(e.id(), "DocumentFiled", "¶9", changes, actor.role(), clock.instant());
        journal.append(new JournalRecord("DocumentFiled", JournalRecord.subject(e.id(), e.issuerId(), e.registrationNumber().orElse(null)),
                clock.instant(), actor.role(), List.of(event("DocumentFiled", "¶9", changes)), withActor(actor, Map.of()),
                List.of(Documents.journalRef(d))));
        return d;
    }

    @Transactional(readOnly = true)
    public List<String> missingPackageItems(UUID id, CurrentActor actor) {
        Emission e = load(id, actor);
        return documents.missingPackageItems(e.id(), issuers.get(e.issuerId(), actor).kind(), true);
    }

    // ------------------------------------------------------------------ workflow commands

    @Transactional
    public Emission submit(UUID id, Optional<Long> expectedVersion, CurrentActor actor) {
        return change(id, expectedVersion, actor, ISSUER, "the issuer files the package (¶9)", (e, docs) -> {
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
        return fourEyes.decide(Decision.REGISTER, id, payload(), actor, decisionChange(id, a ->
                change(id, expectedVersion, a, REGISTRAR, "the registrar registers emissions (¶10)", (e, docs) -> {
                    Issuer issuer = issuers.get(e.issuerId(), a);
                    CollateralCheck check = assessCollateral(e);
                    boolean upfront = fees.upfrontSufficient(e);
                    e.register(() -> numbers.allocate(e.id(), e.vaType(), issuer.issuerCode(), issuer.region(), LocalDate.now(clock)).value(),
                            check, upfront, calendar, clock);
                })));
    }

    /** ¶3-5, ¶3-6, ¶3-10: the policy's assessment of the collateral on the filing day, with its computation. */
    @Transactional(readOnly = true)
    public CoverageAssessment coverage(UUID id, CurrentActor actor) {
        Emission e = load(id, actor);
        return collateralPolicy.assess(e.terms().totalNominalValue(), e.nominalCurrency(),
                e.collateral().stream().map(CollateralLine::toItem).toList(),
                e.submittedOn().orElse(LocalDate.now(clock)), kg.vareg.backend.collateral.ExchangeRates.none());
    }

    private CollateralCheck assessCollateral(Emission e) {
        return assessCollateral(e, e.terms().totalNominalValue());
    }

    /** The policy's verdict for a given emission volume (¶3-5), the appraisal window judged as at filing (¶3-6). */
    private CollateralCheck assessCollateral(Emission e, BigDecimal totalNominalValue) {
        CoverageAssessment a = collateralPolicy.assess(totalNominalValue, e.nominalCurrency(),
                e.collateral().stream().map(CollateralLine::toItem).toList(),
                e.submittedOn().orElse(LocalDate.now(clock)), kg.vareg.backend.collateral.ExchangeRates.none());
        return new CollateralCheck(a.secured(), a.violations().stream().map(Object::toString).toList(), a.steps());
    }

    /** ¶17-19, four-eyes. */
    public Emission refuse(UUID id, Optional<Long> v, List<RefusalGround> grounds, String reasons, CurrentActor actor) {
        return fourEyes.decide(Decision.REFUSE, id, payload("grounds", grounds, "reasons", reasons), actor, decisionChange(id, a ->
                change(id, v, a, REGISTRAR, "the registrar decides on applications (¶10)",
                        (e, docs) -> e.refuse(grounds, reasons, clock))));
    }

    @Transactional
    public Emission requestWhitePaperChange(UUID id, Optional<Long> v, UUID documentId, CurrentActor actor) {
        return requestWhitePaperChange(id, v, documentId, null, actor);
    }

    /** ¶7, with an optional ¶59 change of the quantity / nominal value made in the register on consent. */
    @Transactional
    public Emission requestWhitePaperChange(UUID id, Optional<Long> v, UUID documentId, RegisterChange change, CurrentActor actor) {
        return change(id, v, actor, ISSUER, "the issuer requests white paper changes (¶7)", (e, docs) -> {
            StoredDocument d = documents.basis(e.id(), documentId, "documentId", DocumentKind.WHITE_PAPER_CHANGE);
            e.requestWhitePaperChange(d.sha256(), change, calendar, clock);
            docs.add(d);
        });
    }

    @Transactional
    public Emission answerWhitePaperChange(UUID id, Optional<Long> v, boolean approve, String reasons, CurrentActor actor) {
        return change(id, v, actor, REGISTRAR, "the regulator answers white paper changes (¶7)", (e, docs) -> {
            if (approve) {
                // ¶59 / ¶3-5: a new volume must still be covered by the collateral.
                CollateralCheck after = e.pendingRegisterChange().map(c -> assessCollateral(e,
                        c.nominalValueOr(e.nominalValue()).multiply(new BigDecimal(c.quantityOr(e.quantity()))))).orElse(null);
                e.approveWhitePaperChange(after, clock);
            } else {
                e.refuseWhitePaperChange(reasons, clock);
            }
        });
    }

    @Transactional
    public Emission discloseOffer(UUID id, Optional<Long> v, LocalDate disclosedOn, String url, CurrentActor actor) {
        return change(id, v, actor, ISSUER, "the issuer publishes the public offer (¶20-21)",
                (e, docs) -> e.discloseOffer(disclosedOn, url, calendar, clock));
    }

    @Transactional
    public Emission startPlacement(UUID id, Optional<Long> v, LocalDate startedOn, CurrentActor actor) {
        return change(id, v, actor, ISSUER, "the issuer reports the placement start (¶21-22)",
                (e, docs) -> e.startPlacement(startedOn, calendar, clock));
    }

    /** ¶25(1), ¶50, four-eyes. */
    public Emission suspend(UUID id, Optional<Long> v, String grounds, CurrentActor actor) {
        return fourEyes.decide(Decision.SUSPEND, id, payload("grounds", grounds), actor, decisionChange(id, a ->
                change(id, v, a, REGULATOR, "the regulator suspends emissions (¶25(1), ¶50)",
                        (e, docs) -> e.suspend(grounds, clock))));
    }

    @Transactional
    public Emission liftSuspension(UUID id, Optional<Long> v, CurrentActor actor) {
        return change(id, v, actor, REGISTRAR, "the registrar lifts suspensions (¶25(1))", (e, docs) -> e.liftSuspension(clock));
    }

    @Transactional
    public Emission grantCurePeriod(UUID id, Optional<Long> v, String breaches, CurrentActor actor) {
        return change(id, v, actor, REGISTRAR, "the registrar gives cure periods (¶37)",
                (e, docs) -> e.grantCurePeriod(breaches, calendar, clock));
    }

    @Transactional
    public Emission reportResults(UUID id, Optional<Long> v, LocalDate actualEnd, BigInteger placed, BigDecimal proceeds,
            UUID reportDocumentId, CurrentActor actor) {
        return change(id, v, actor, ISSUER, "the issuer files the results report (¶30)", (e, docs) -> {
            StoredDocument d = documents.basis(e.id(), reportDocumentId, "reportDocumentId", DocumentKind.RESULTS_REPORT);
            e.reportResults(actualEnd, placed, proceeds, calendar, clock);
            docs.add(d);
        });
    }

    @Transactional
    public Emission declareSuccessful(UUID id, Optional<Long> v, SuccessGround ground, UUID underwritingDocumentId, CurrentActor actor) {
        return change(id, v, actor, REGISTRAR, "the registrar recognises results (¶34)", (e, docs) -> {
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
        return change(id, v, actor, REGISTRAR, "the registrar declares emissions unsuccessful (¶25(2), ¶34)",
                (e, docs) -> e.declareUnsuccessful(grounds, calendar, clock));
    }

    /** ¶25(3), ¶63, four-eyes. */
    public Emission declareInvalid(UUID id, Optional<Long> v, String court, UUID courtDecisionId, CurrentActor actor) {
        return fourEyes.decide(Decision.INVALIDATE, id, payload("court", court, "courtDecisionId", courtDecisionId), actor,
                decisionChange(id, a -> change(id, v, a, REGISTRAR, "the registrar enters a court's decision (¶25(3), ¶63)", (e, docs) -> {
                    StoredDocument d = documents.basis(e.id(), courtDecisionId, "courtDecisionId", DocumentKind.COURT_DECISION);
                    e.declareInvalid(court, d.sha256(), calendar, clock);
                    docs.add(d);
                })));
    }

    /** ¶52, ¶63, four-eyes. */
    public Emission declareNotGenuine(UUID id, Optional<Long> v, UUID decisionId, CurrentActor actor) {
        return fourEyes.decide(Decision.NOT_GENUINE, id, payload("decisionId", decisionId), actor, decisionChange(id, a ->
                change(id, v, a, REGISTRAR, "the registrar enters a not-genuine decision (¶52, ¶63)", (e, docs) -> {
                    StoredDocument d = documents.basis(e.id(), decisionId, "decisionId", DocumentKind.NOT_GENUINE_DECISION);
                    e.declareNotGenuine(d.sha256(), calendar, clock);
                    docs.add(d);
                })));
    }

    /** ¶45-47, ¶63-64, four-eyes. */
    public Emission cancel(UUID id, Optional<Long> v, CancellationBasis basis, UUID basisDocumentId, CurrentActor actor) {
        return fourEyes.decide(Decision.CANCEL, id, payload("basis", basis, "basisDocumentId", basisDocumentId), actor,
                decisionChange(id, a -> change(id, v, a, REGISTRAR, "the registrar cancels emissions (¶45, ¶63-64)", (e, docs) -> {
                    StoredDocument d = documents.basis(e.id(), basisDocumentId, "basisDocumentId", DocumentKind.LIQUIDATION_DECISION);
                    e.cancel(basis, d.sha256(), calendar, clock);
                    docs.add(d);
                })));
    }

    @Transactional
    public Emission recordBurn(UUID id, Optional<Long> v, BigInteger quantity, BurnReason reason, String txHash,
            UUID decisionDocumentId, CurrentActor actor) {
        return change(id, v, actor, ISSUER, "the issuer records its burns (¶45)", (e, docs) -> {
            String sha = null;
            if (decisionDocumentId != null) {
                StoredDocument d = documents.basis(e.id(), decisionDocumentId, "decisionDocumentId", DocumentKind.BURN_DECISION);
                docs.add(d);
                sha = d.sha256();
            }
            e.recordBurn(quantity, reason, txHash, sha, clock);
        });
    }

    /**
     * ¶11, ¶38-39, ¶54-56 (the regulator's notices: registrar or supervisor) and ¶40 (the issuer's disclosure to the
     * trading operator): records the act with its date, recipients and the hash of the document sent, if any.
     */
    @Transactional
    public Emission recordNotice(UUID id, Optional<Long> v, NoticeFacts facts, UUID documentId, CurrentActor actor) {
        NoticeKind kind = facts.kind();
        boolean byIssuer = kind.party() == EmissionEvent.Party.ISSUER;
        return change(id, v, actor, byIssuer ? ISSUER : REGULATOR, byIssuer
                ? "the issuer discloses the results to the trading operator (" + kind.paragraph() + ")"
                : "the regulator sends its notices (" + kind.paragraph() + ")", (e, docs) -> {
            NoticeFacts withDocument = facts;
            if (documentId != null) {
                StoredDocument d = documents.basis(e.id(), documentId, "documentId",
                        byIssuer ? DocumentKind.RESULTS_DISCLOSURE : DocumentKind.REGULATOR_DECISION);
                docs.add(d);
                withDocument = new NoticeFacts(kind, facts.recipients(), facts.actOn(), facts.channel(), d.sha256(), facts.url());
            }
            e.recordNotice(withDocument, actor.role().name(), calendar, clock);
        });
    }

    /** The notices the emission owes, due / overdue / done (¶11, ¶38-40, ¶54-56). */
    @Transactional(readOnly = true)
    public List<NoticeView> noticeObligations(UUID id, CurrentActor actor) {
        LocalDate today = LocalDate.now(clock);
        return load(id, actor).noticeObligations(calendar).stream().map(o -> NoticeView.of(o, today)).toList();
    }

    // ------------------------------------------------------------------ fees

    @Transactional
    public void recordFeePayment(UUID id, Optional<QuarterId> quarter, LocalDate paidOn, BigDecimal amount,
            String currency, CurrentActor actor) {
        Emission e = load(id, actor);
        requireRole(actor, ISSUER, "the issuer records its fee payments (¶28)");
        if (paidOn.isAfter(LocalDate.now(clock))) throw new InvalidFieldException("paidOn", "the payment date is in the future");
        if (!currency.equals(e.nominalCurrency())) {
            throw new InvalidFieldException("currency", "the fee is paid in the emission's currency " + e.nominalCurrency());
        }
        if (quarter.isPresent() && fees.schedule(e).quarters().stream().noneMatch(q -> q.id().equals(quarter.get()))) {
            throw new InvalidFieldException("quarter", quarter.get() + " is outside the placement period (¶28)");
        }
        fees.addPayment(e.id(), quarter, paidOn, amount, currency, clock);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("paidOn", paidOn.toString());
        changes.put("amount", amount.toPlainString());
        changes.put("currency", currency);
        changes.put("quarter", quarter.map(QuarterId::toString).orElse("upfront"));
        journalSideRecord(e, "FeePaymentRecorded", "¶26-28", changes, actor);
    }

    @Transactional
    public void recordQuarterNotice(UUID id, QuarterId quarter, BigDecimal placedNominal, CurrentActor actor) {
        Emission e = load(id, actor);
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
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("quarter", quarter.toString());
        changes.put("placedNominal", placedNominal.toPlainString());
        journalSideRecord(e, "FeeQuarterNoticeFiled", "¶28", changes, actor);
    }

    @Transactional(readOnly = true)
    public FeeStatus feeStatus(UUID id, CurrentActor actor) {
        return fees.status(load(id, actor), LocalDate.now(clock));
    }

    private void journalSideRecord(Emission e, String type, String paragraph, Map<String, Object> changes, CurrentActor actor) {
        history.append(e.id(), type, paragraph, changes, actor.role(), clock.instant());
        journal.append(new JournalRecord(type, JournalRecord.subject(e.id(), e.issuerId(), e.registrationNumber().orElse(null)),
                clock.instant(), actor.role(), List.of(event(type, paragraph, changes)), withActor(actor, Map.of()), List.of()));
    }

    // ------------------------------------------------------------------ reads

    @Transactional(readOnly = true)
    public Emission get(UUID id, CurrentActor actor) {
        return load(id, actor);
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

    // ------------------------------------------------------------------ the one path every change takes

    @FunctionalInterface
    interface Step {
        void apply(Emission e, List<StoredDocument> basisDocuments);
    }

    private Emission change(UUID id, Optional<Long> expectedVersion, CurrentActor actor, Set<ActorRole> roles,
            String who, Step step) {
        Emission e = load(id, actor);
        requireRole(actor, roles, who);
        checkVersion(e, expectedVersion);
        List<StoredDocument> docs = new ArrayList<>();
        step.apply(e, docs);
        List<EmissionEvent> events = e.drainEvents();
        for (EmissionEvent ev : events) {
            if (ev instanceof EmissionEvent.RegistrationNumberCancelled c) {
                numbers.cancel(c.registrationNumber(), c.cancelledOn(), c.basis());
            }
        }
        emissions.saveAndFlush(e);
        for (EmissionEvent ev : events) history.append(e.id(), ev, actor.role(), clock.instant());
        List<Map<String, Object>> journalEvents = new ArrayList<>();
        for (EmissionEvent ev : events) {
            Map<String, Object> changes = new LinkedHashMap<>(ev.changes());
            if (ev instanceof EmissionEvent.EmissionRegistered || ev instanceof EmissionEvent.RegisterAmended) {
                // ¶62: the register entry's public content enters the journal with the registration.
                changes.put("entry", registerEntryFields(e));
            }
            journalEvents.add(event(ev.type(), ev.paragraph(), changes));
        }
        // Four-eyes: the confirmed decision carries its confirmation (roles; the accounts as commitments).
        Optional<FourEyes.Confirmation> confirmation = fourEyes.confirming();
        confirmation.ifPresent(c -> journalEvents.add(c.journalEvent()));
        journal.append(new JournalRecord(events.getFirst().type(),
                JournalRecord.subject(e.id(), e.issuerId(), e.registrationNumber().orElse(null)), clock.instant(),
                actor.role(), journalEvents, actors.forChange(actor, confirmation), docs.stream().map(Documents::journalRef).toList()));
        return e;
    }

    /** The change's commitments plus who acted (salted; the public log names no account). */
    private Map<String, String> withActor(CurrentActor actor, Map<String, String> base) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.putAll(actors.forChange(actor, Optional.empty()));
        return m;
    }

    /** A four-eyes decision's change: loading checks visibility, applying runs the one path every change takes. */
    private FourEyes.Change<Emission> decisionChange(UUID id, java.util.function.Function<CurrentActor, Emission> apply) {
        return new FourEyes.Change<>() {
            @Override
            public long currentVersion(CurrentActor a) {
                return load(id, a).version();
            }

            @Override
            public Emission apply(CurrentActor a) {
                return apply.apply(a);
            }
        };
    }

    /** The decision's data, for comparing a confirmation with its proposal (nulls left out). */
    private static Map<String, Object> payload(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            if (v == null) continue;
            if (v instanceof List<?> l) v = l.stream().map(String::valueOf).toList();
            else if (!(v instanceof String || v instanceof Boolean)) v = v.toString();
            m.put((String) keyValues[i], v);
        }
        return m;
    }

    private Map<String, Object> registerEntryFields(Emission e) {
        Issuer issuer = issuers.find(e.issuerId()).orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuerFullName", issuer.fullName());
        issuer.stateRegistrationData().ifPresent(v -> m.put("issuerStateRegistration", v));
        issuer.legalForm().ifPresent(v -> m.put("issuerLegalForm", v));
        m.put("issuerLegalAddress", issuer.legalAddress());
        m.putAll(publicTerms(e));
        m.put("onChainSupply", e.terms().onChainSupply().toString());
        return m;
    }

    private static Map<String, Object> event(String type, String paragraph, Map<String, Object> changes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("paragraph", paragraph);
        m.put("changes", changes);
        return m;
    }

    private Emission load(UUID id, CurrentActor actor) {
        return emissions.findById(id).filter(e -> actor.maySee(e.issuerId()))
                .orElseThrow(() -> new NotFoundException("no emission " + id));
    }

    private static void requireRole(CurrentActor actor, Set<ActorRole> roles, String who) {
        if (!roles.contains(actor.role())) throw new AccessDeniedException(who);
    }

    private static void checkVersion(Emission e, Optional<Long> expected) {
        if (expected.isPresent() && expected.get() != e.version()) {
            throw new ConflictException("the emission was changed meanwhile: you sent version " + expected.get()
                    + ", it is now at version " + e.version() + "; reload and retry");
        }
    }
}
