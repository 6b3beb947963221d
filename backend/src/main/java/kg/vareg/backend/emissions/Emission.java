package kg.vareg.backend.emissions;

import kg.vareg.backend.kernel.EmissionState;
import kg.vareg.backend.kernel.RuleViolation;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import kg.vareg.backend.documents.DocumentKind;
import kg.vareg.backend.documents.StoredDocument;
import kg.vareg.backend.calendar.LegalTerm;
import kg.vareg.backend.calendar.WorkingDayCalendar;
import kg.vareg.backend.emissions.EmissionEvent.BurnReason;
import kg.vareg.backend.emissions.EmissionEvent.CancellationBasis;
import kg.vareg.backend.emissions.EmissionEvent.NoticeKind;
import kg.vareg.backend.emissions.EmissionEvent.RefusalGround;
import kg.vareg.backend.emissions.EmissionEvent.SuccessGround;
import kg.vareg.backend.numbering.VirtualAssetType;

/**
 * The emission aggregate: the ¶5 decision data and the procedure of ¶4-56 as a state machine. There are
 * no setters for the state; every transition checks its ¶ rule (throwing {@link RuleViolation}), reads
 * "today" from the injected {@link Clock} (in the register's zone, Asia/Bishkek), takes its deadlines from
 * the working-day calendar, and records past-tense {@link EmissionEvent}s that the service stores and
 * journals in the same transaction — every journal record of an emission comes from these events.
 *
 * <p>The root owns the state machine (which transition is allowed in which state) and the decision data; the data
 * and rules of each stage of the workflow live in its parts, each an embeddable of the same table:
 * {@link ApplicationReview} (¶9-19), {@link WhitePaperChange} (¶7, ¶59), {@link OfferAndPlacement} (¶20-24),
 * {@link ResultsAndBurns} (¶29-48), {@link SuspensionAndCancellation} (¶25, ¶37, ¶45-56) and {@link NoticeRules}
 * (¶11, ¶38-40, ¶54-56) over the recorded notices.
 */
@Entity
@Table(name = "emission")
public class Emission {

    @Id
    private UUID id;
    @Version
    private Long version; // a wrapper: null marks a new entity for Spring Data (persist, not merge)
    @Column(name = "issuer_id", nullable = false)
    private UUID issuerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EmissionState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "va_type", nullable = false)
    private VirtualAssetType vaType;
    @Column(nullable = false, precision = 78, scale = 0)
    private BigInteger quantity;
    @Column(name = "minimum_quantity", nullable = false, precision = 78, scale = 0)
    private BigInteger minimumQuantity;
    @Column(name = "token_decimals", nullable = false)
    private int tokenDecimals;
    @Column(name = "nominal_value", nullable = false, precision = 38, scale = 18)
    private BigDecimal nominalValue;
    @Column(name = "nominal_currency", nullable = false)
    private String nominalCurrency;
    @Column(name = "placement_price", nullable = false)
    private String placementPrice;
    @Column(name = "placement_start", nullable = false)
    private LocalDate placementStart;
    @Column(name = "placement_end", nullable = false)
    private LocalDate placementEnd;
    @Column(name = "placement_terms", nullable = false)
    private String placementTerms;
    @Column(name = "presale_terms")
    private String presaleTerms;
    @Column(name = "circulation_terms", nullable = false)
    private String circulationTerms;
    @Column(name = "holders_rights")
    private String holdersRights;
    @Column(nullable = false)
    private String blockchain;
    @Column(name = "issuer_wallet", nullable = false)
    private String issuerWallet;
    @Column(name = "token_address", nullable = false)
    private String tokenAddress;
    @Column(name = "collateral_manager_id")
    private UUID collateralManagerId;
    @Column(name = "pledgor_waiver_terms")
    private String pledgorWaiverTerms;
    @Enumerated(EnumType.STRING)
    @Column(name = "token_profile")
    private TokenEventProfile tokenProfile;
    @Column(name = "token_name")
    private String tokenName;
    @Column(name = "token_symbol")
    private String tokenSymbol;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "emission_collateral", joinColumns = @JoinColumn(name = "emission_id"))
    @OrderColumn(name = "position")
    // Collateral changes only with amend(), which also changes updatedAt and so bumps the version once;
    // counting the collection too would bump it a second time and hand clients a stale ETag.
    @org.hibernate.annotations.OptimisticLock(excluded = true)
    private List<CollateralLine> collateral = new ArrayList<>();

    @Embedded
    private ApplicationReview application = ApplicationReview.none();
    @Embedded
    private WhitePaperChange whitePaperChange = WhitePaperChange.none();
    @Embedded
    private OfferAndPlacement placement = OfferAndPlacement.none();
    @Embedded
    private ResultsAndBurns results = ResultsAndBurns.none();
    @Embedded
    private SuspensionAndCancellation supervision = SuspensionAndCancellation.none();

    // ¶11, ¶38-40, ¶54-56: notices as recorded acts (the old written_confirmation_on / published_on columns were
    // moved here by V70 and are no longer written). Appended only; recording one changes updatedAt, which bumps the
    // version once (as for the collateral).
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "emission_notice", joinColumns = @JoinColumn(name = "emission_id"))
    @OrderColumn(name = "position")
    @org.hibernate.annotations.OptimisticLock(excluded = true)
    private List<NoticeAct> notices = new ArrayList<>();
    // #19 item 1: the effective date of the latest workflow step; a backdated step may not precede it.
    @Column(name = "last_event_on")
    private LocalDate lastEventOn;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Transient
    private final List<EmissionEvent> pendingEvents = new ArrayList<>();

    protected Emission() {}

    /** ¶4 stages 1-2: the issuer's decision and white paper, prepared as a draft application. */
    public static Emission draft(UUID id, UUID issuerId, EmissionTerms terms, List<CollateralLine> collateral, Clock clock) {
        Emission e = new Emission();
        e.id = Objects.requireNonNull(id);
        e.issuerId = Objects.requireNonNull(issuerId);
        e.state = EmissionState.DRAFT;
        e.apply(terms, collateral);
        e.createdAt = clock.instant();
        e.updatedAt = e.createdAt;
        e.note(new EmissionEvent.ApplicationDrafted(PublicTerms.decisionDigest(e)));
        return e;
    }

    /** Changes the draft's data; once filed the data changes only through the register (¶59) and ¶7. */
    public void amend(EmissionTerms terms, List<CollateralLine> collateral, Clock clock) {
        require(state == EmissionState.DRAFT, "¶59",
                "the decision data can only be edited before filing; after registration it changes only with the register (¶59) or ¶7");
        apply(terms, collateral);
        record(new EmissionEvent.ApplicationAmended(PublicTerms.decisionDigest(this)), clock);
    }

    private void apply(EmissionTerms t, List<CollateralLine> lines) {
        vaType = t.vaType();
        quantity = t.quantity();
        minimumQuantity = t.minimumQuantity();
        tokenDecimals = t.tokenDecimals();
        nominalValue = t.nominalValue();
        nominalCurrency = t.nominalCurrency();
        placementPrice = t.placementPrice();
        placementStart = t.placementStart();
        placementEnd = t.placementEnd();
        placementTerms = t.placementTerms();
        presaleTerms = t.presaleTerms();
        circulationTerms = t.circulationTerms();
        holdersRights = t.holdersRights();
        blockchain = t.blockchain();
        issuerWallet = t.issuerWallet();
        tokenAddress = t.tokenAddress();
        collateralManagerId = t.collateralManagerId();
        pledgorWaiverTerms = t.pledgorWaiverTerms();
        tokenProfile = t.token().profile();
        tokenName = t.token().name();
        tokenSymbol = t.token().symbol();
        collateral.clear();
        collateral.addAll(lines);
    }

    /** The decision data as a value. */
    public EmissionTerms terms() {
        return new EmissionTerms(vaType, quantity, minimumQuantity, tokenDecimals, nominalValue, nominalCurrency,
                placementPrice, placementStart, placementEnd, placementTerms, presaleTerms, circulationTerms,
                holdersRights, blockchain, issuerWallet, tokenAddress, collateralManagerId, pledgorWaiverTerms,
                new OnChainToken(tokenProfile, tokenName, tokenSymbol));
    }

    // ---------------------------------------------------------------- documents and fees (no change of state)

    /**
     * ¶9, ¶37: a document filed to the emission. Package documents only with the application (a draft); afterwards only
     * changed documents on a cure notice or a white paper change. {@code store} is called only once the rule passed.
     */
    public StoredDocument fileDocument(DocumentKind kind, Supplier<StoredDocument> store) {
        if (kind.packageItem().isPresent() && state != EmissionState.DRAFT) {
            throw new RuleViolation("¶9, ¶37", "package documents are filed with the application; after filing only changed"
                    + " documents on a cure notice (CURE_DOCUMENTS) or a white paper change (WHITE_PAPER_CHANGE)");
        }
        StoredDocument stored = store.get();
        note(new EmissionEvent.DocumentFiled(stored.id(), kind));
        return stored;
    }

    /** ¶26-28: a fee payment, recorded in the history and the journal; the emission's own data do not change. */
    public void feePaymentRecorded(LocalDate paidOn, BigDecimal amount, String currency, String quarter) {
        note(new EmissionEvent.FeePaymentRecorded(paidOn, amount.toPlainString(), currency, quarter));
    }

    /** ¶28: the issuer's notice of a quarter's placed nominal value. */
    public void feeQuarterNoticeFiled(String quarter, BigDecimal placedNominal) {
        note(new EmissionEvent.FeeQuarterNoticeFiled(quarter, placedNominal.toPlainString()));
    }

    // ---------------------------------------------------------------- ¶9-19 application and review

    /**
     * ¶9-10: the issuer files the package. It must be complete (¶9, ¶13: the regulator answers for
     * completeness); {@code missingItems} names each missing item. The regulator's 20 WD start the next day.
     */
    public void submit(List<String> missingItems, String whitePaperSha, WorkingDayCalendar calendar, Clock clock) {
        submit(missingItems, whitePaperSha, null, calendar, clock);
    }

    /**
     * ¶9-10 with the day the package was received ({@code receivedOn}, null = today): the 20 WD run from it, and it may
     * be entered only while they run (¶10).
     */
    public void submit(List<String> missingItems, String whitePaperSha, LocalDate receivedOn, WorkingDayCalendar calendar, Clock clock) {
        require(state == EmissionState.DRAFT, "¶9", "only a draft application can be filed; this one is " + state);
        EffectiveDate d = effective(receivedOn, clock, "¶10", "day the package was received", "previous step");
        d.recordedBy(calendar.deadline(LegalTerm.REGISTRATION_DECISION, d.on()), "¶10",
                "package received then had to be decided within 20 working days");
        step(application.submit(missingItems, whitePaperSha, calendar, d.on()), d, clock);
        state = EmissionState.SUBMITTED;
    }

    /**
     * ¶10, ¶57, ¶67-68: registration assigns the number (from {@code numberAllocator}, called last) and enters the emission in the register. Refused
     * here when unsecured (¶3-1), collateral not registered yet (¶3-10), coverage short (¶3-5, ¶3-6), or
     * the upfront fee unpaid (¶28, ¶17).
     */
    public void register(Supplier<String> numberAllocator, CollateralCheck collateralCheck, boolean upfrontFeePaid,
            WorkingDayCalendar calendar, Clock clock) {
        register(numberAllocator, collateralCheck, upfrontFeePaid, null, calendar, clock);
    }

    /**
     * ¶10 with the day the decision was signed ({@code decidedOn}, null = today): not before the package was received,
     * and entered in the register within 3 WD of it (¶65).
     */
    public void register(Supplier<String> numberAllocator, CollateralCheck collateralCheck, boolean upfrontFeePaid,
            LocalDate decidedOn, WorkingDayCalendar calendar, Clock clock) {
        require(state == EmissionState.SUBMITTED, "¶10", "only a filed application can be registered; this one is " + state);
        EffectiveDate d = effective(decidedOn, clock, "¶10", "registration decision's date", "receipt of the package");
        d.recordedBy(calendar.deadline(LegalTerm.REGISTER_ENTRY, d.on()), "¶65",
                "registration decision is entered in the register within 3 working days");
        step(application.register(collateral, collateralCheck, upfrontFeePaid, numberAllocator, calendar, d.on()), d, clock);
        state = EmissionState.REGISTERED;
    }

    /** ¶17-19: reasoned refusal on one of the ¶17 grounds; the documents are not returned (¶18). */
    public void refuse(List<RefusalGround> grounds, String reasons, Clock clock) {
        refuse(grounds, reasons, null, clock);
    }

    /** ¶17-19 with the day the refusal was signed ({@code decidedOn}, null = today), not before the package was received. */
    public void refuse(List<RefusalGround> grounds, String reasons, LocalDate decidedOn, Clock clock) {
        require(state == EmissionState.SUBMITTED, "¶10, ¶17", "only a filed application can be refused; this one is " + state);
        EffectiveDate d = effective(decidedOn, clock, "¶10, ¶17", "refusal's date", "receipt of the package");
        step(application.refuse(grounds, reasons, d.on()), d, clock);
        state = EmissionState.REFUSED;
    }

    // ---------------------------------------------------------------- ¶7, ¶59 changes after registration

    /** ¶7: the white paper changes only with the regulator's consent, answered within 10 WD. */
    public void requestWhitePaperChange(String proposedSha256, WorkingDayCalendar calendar, Clock clock) {
        requestWhitePaperChange(proposedSha256, null, calendar, clock);
    }

    /**
     * ¶7, ¶59: a white paper change, optionally with a new quantity and / or nominal value. Those change only once the
     * register is changed — when the regulator consents ({@link #approveWhitePaperChange(CollateralCheck, Clock)});
     * until then the register (and the public entry) keeps the old ones.
     */
    public void requestWhitePaperChange(String proposedSha256, RegisterChange change, WorkingDayCalendar calendar, Clock clock) {
        require(EmissionState.LIVE.contains(state) && state != EmissionState.SUSPENDED, "¶7",
                "a white paper change can be requested only for a registered, not suspended emission; this one is " + state);
        record(whitePaperChange.request(this, proposedSha256, change, calendar, today(clock)), clock);
    }

    public Optional<RegisterChange> pendingRegisterChange() {
        return whitePaperChange.pendingRegisterChange();
    }

    /** ¶7 consent to a change of the white paper only (no ¶59 register change pending). */
    public void approveWhitePaperChange(Clock clock) {
        if (pendingRegisterChange().isPresent()) {
            throw new IllegalStateException("a register change (¶59) is pending: approve it with the collateral check");
        }
        approveWhitePaperChange(null, clock);
    }

    /**
     * ¶7 consent; with a pending ¶59 change the register is changed now — the quantity and / or nominal value — after
     * checking it again against what happened meanwhile and against the collateral for the new volume (¶3-5).
     */
    public void approveWhitePaperChange(CollateralCheck coverageAfterChange, Clock clock) {
        WhitePaperChange.Consent consent = whitePaperChange.consent(this, coverageAfterChange);
        LocalDate today = today(clock);
        application.replaceWhitePaper(consent.whitePaperSha256());
        record(new EmissionEvent.WhitePaperChangeApproved(today, consent.whitePaperSha256()), clock);
        consent.registerChange().ifPresent(c -> {
            BigInteger quantityBefore = quantity;
            BigDecimal nominalBefore = nominalValue;
            quantity = c.quantityOr(quantity);
            nominalValue = c.nominalValueOr(nominalValue);
            record(new EmissionEvent.RegisterAmended(today, quantityBefore, quantity, nominalBefore.stripTrailingZeros().toPlainString(),
                    nominalValue.stripTrailingZeros().toPlainString(), terms().onChainSupply(), consent.whitePaperSha256()), clock);
        });
    }

    public void refuseWhitePaperChange(String reasons, Clock clock) {
        record(whitePaperChange.refuse(reasons, today(clock)), clock);
    }

    // ---------------------------------------------------------------- ¶20-24 offer and placement

    /** ¶4 stage 4, ¶20-21: the public offer is published on the issuer's website. */
    public void discloseOffer(LocalDate disclosedOn, String url, WorkingDayCalendar calendar, Clock clock) {
        require(state == EmissionState.REGISTERED, "¶4, ¶20", "the public offer follows registration; this emission is " + state);
        EffectiveDate d = new EffectiveDate(disclosedOn, today(clock));
        step(placement.disclose(disclosedOn, url, registeredOn().orElseThrow(), lastEventOn, placementEnd, calendar, today(clock)), d, clock);
        state = EmissionState.OFFER_DISCLOSED;
    }

    /** ¶20-22: placement starts no earlier than 5 WD after disclosure and only within the white paper's period. */
    public void startPlacement(LocalDate startedOn, WorkingDayCalendar calendar, Clock clock) {
        require(state == EmissionState.OFFER_DISCLOSED, "¶21", "placement starts after the public offer is disclosed; this emission is " + state);
        EffectiveDate d = new EffectiveDate(startedOn, today(clock));
        step(placement.start(startedOn, lastEventOn, placementStart, placementEnd, calendar, today(clock)), d, clock);
        state = EmissionState.PLACEMENT;
    }

    // ---------------------------------------------------------------- ¶25, ¶37, ¶50 suspension and cure

    /** ¶25(1), ¶50: suspended on a breach, false information, for an inspection or to protect holders. */
    public void suspend(String grounds, Clock clock) {
        suspend(grounds, null, clock);
    }

    /** ¶25(1), ¶50 with the day the suspension was decided ({@code decidedOn}, null = today). */
    public void suspend(String grounds, LocalDate decidedOn, Clock clock) {
        require(state == EmissionState.REGISTERED || state == EmissionState.OFFER_DISCLOSED
                || state == EmissionState.PLACEMENT || state == EmissionState.RESULTS_REPORTED, "¶25(1), ¶50",
                "only a registered emission whose results are not yet recognised can be suspended; this one is " + state);
        EffectiveDate d = effective(decidedOn, clock, "¶25(1)", "suspension's date", "previous step");
        step(supervision.suspend(state, grounds, d.on()), d, clock);
        state = EmissionState.SUSPENDED;
    }

    /** ¶25(1): the breach is cured; the emission resumes where it was. */
    public void liftSuspension(Clock clock) {
        liftSuspension(null, clock);
    }

    /** ¶25(1) with the day the suspension was lifted ({@code decidedOn}, null = today). */
    public void liftSuspension(LocalDate decidedOn, Clock clock) {
        require(state == EmissionState.SUSPENDED, "¶25(1)", "the emission is not suspended; it is " + state);
        EffectiveDate d = effective(decidedOn, clock, "¶25(1)", "day the suspension was lifted", "previous step");
        state = supervision.lift();
        step(new EmissionEvent.SuspensionLifted(d.on(), state), d, clock);
    }

    /** ¶37: the regulator names the breaches and gives 10 WD to cure them, in writing. */
    public void grantCurePeriod(String breaches, WorkingDayCalendar calendar, Clock clock) {
        grantCurePeriod(breaches, null, calendar, clock);
    }

    /** ¶37 with the day of the written notice ({@code decidedOn}, null = today); the 10 WD run from it. */
    public void grantCurePeriod(String breaches, LocalDate decidedOn, WorkingDayCalendar calendar, Clock clock) {
        require(state == EmissionState.SUSPENDED || state == EmissionState.RESULTS_REPORTED, "¶37",
                "a cure period is given to a suspended emission or on a results report; this one is " + state);
        EffectiveDate d = effective(decidedOn, clock, "¶37", "cure notice's date", "previous step");
        step(supervision.grantCure(breaches, calendar, d.on()), d, clock);
    }

    // ---------------------------------------------------------------- ¶29-48 results and burns

    /** ¶30-32: the issuer files the results report within 30 CD after placement ends (Annex 6). */
    public void reportResults(LocalDate actualEnd, BigInteger placed, BigDecimal totalProceeds,
            WorkingDayCalendar calendar, Clock clock) {
        reportResults(actualEnd, placed, totalProceeds, null, calendar, clock);
    }

    /**
     * ¶30-34 with the day the report was received ({@code reportedOn}, null = today): not before the placement ended, and
     * entered while the regulator's 10 WD to decide on it run (¶34); its lateness (30 CD, ¶30) and the decision's term
     * are counted from it.
     */
    public void reportResults(LocalDate actualEnd, BigInteger placed, BigDecimal totalProceeds, LocalDate reportedOn,
            WorkingDayCalendar calendar, Clock clock) {
        require(state == EmissionState.PLACEMENT, "¶30", "results are reported after a placement; this emission is " + state);
        EffectiveDate d = effective(reportedOn, clock, "¶30", "day the results report was received", "previous step");
        d.recordedBy(calendar.deadline(LegalTerm.RESULTS_DECISION, d.on()), "¶34",
                "results report received then had to be decided on within 10 working days");
        step(results.report(actualEnd, placed, totalProceeds, placementStartedOn().orElseThrow(), placementEnd, quantity,
                calendar, d.on(), d.recordedOn()), d, clock);
        state = EmissionState.RESULTS_REPORTED;
    }

    /** ¶29, ¶34, ¶38: success on one of the ¶29 grounds; unplaced VAs must then be burned (¶45). */
    public void declareSuccessful(SuccessGround ground, WorkingDayCalendar calendar, Clock clock) {
        declareSuccessful(ground, null, calendar, clock);
    }

    /** ¶29, ¶34, ¶38 with the decision's date ({@code decidedOn}, null = today); the ¶38 and ¶40 terms run from it. */
    public void declareSuccessful(SuccessGround ground, LocalDate decidedOn, WorkingDayCalendar calendar, Clock clock) {
        require(state == EmissionState.RESULTS_REPORTED, "¶34", "success is recognised on a results report; this emission is " + state);
        EffectiveDate d = effective(decidedOn, clock, "¶34", "decision's date", "receipt of the results report");
        step(results.succeed(ground, quantity, minimumQuantity, calendar, d.on()), d, clock);
        supervision.endCurePeriod();
        state = EmissionState.SUCCESSFUL;
    }

    /**
     * ¶25(2), ¶34, ¶41, ¶44, ¶48: unsuccessful — after a suspension that was not cured, or on the results
     * report within 10 WD of it; never after success (¶48) and never once those 10 WD have passed (¶34).
     * Cancels the number (¶34, ¶47).
     */
    public void declareUnsuccessful(String grounds, WorkingDayCalendar calendar, Clock clock) {
        declareUnsuccessful(grounds, null, calendar, clock);
    }

    /**
     * ¶25(2), ¶34 with the decision's date ({@code decidedOn}, null = today): within the 10 WD of ¶34 counted from the
     * report's receipt, after a cure period, and the number's cancellation entered no later than the next WD (¶36).
     */
    public void declareUnsuccessful(String grounds, LocalDate decidedOn, WorkingDayCalendar calendar, Clock clock) {
        require(state != EmissionState.SUCCESSFUL, "¶48",
                "an emission can be declared unsuccessful only before its results are recognised; after success see ¶52");
        require(state == EmissionState.SUSPENDED || state == EmissionState.RESULTS_REPORTED, "¶25(2), ¶34",
                "an emission is declared unsuccessful after an uncured suspension or on its results report; this one is " + state);
        EffectiveDate d = effective(decidedOn, clock, "¶34", "decision's date", "previous step");
        numberCancellationEntry(d, calendar);
        step(results.fail(grounds, cureDeadline().orElse(null), calendar, d.on()), d, clock);
        state = EmissionState.UNSUCCESSFUL;
        cancelNumber("regulator's decision declaring the emission unsuccessful", d, calendar, clock);
    }

    /**
     * ¶45-47: a burn. A partial reduction per the white paper (successful emission, the issuer's decision) or
     * the burn of VAs not placed within the period leave the number live; a withdrawal follows a cancellation.
     */
    public void recordBurn(BigInteger burned, BurnReason reason, String transactionHash, String decisionSha256, Clock clock) {
        record(results.burn(state, quantity, burned, reason, transactionHash, decisionSha256, today(clock)), clock);
    }

    // ---------------------------------------------------------------- ¶25(3), ¶45-47, ¶52-53 cancellation

    /** ¶25(3): a court declares the emission invalid; all VAs are withdrawn; the number is cancelled (¶47). */
    public void declareInvalid(String court, String courtDecisionSha256, WorkingDayCalendar calendar, Clock clock) {
        declareInvalid(court, courtDecisionSha256, null, calendar, clock);
    }

    /**
     * ¶25(3), ¶63 with the day the court ruled ({@code ruledOn}, null = today), not before the previous step; the
     * register's entry cancelling the number (¶35-36) is the day it is recorded, and the ¶55-56 notices run from it.
     */
    public void declareInvalid(String court, String courtDecisionSha256, LocalDate ruledOn, WorkingDayCalendar calendar, Clock clock) {
        require(EmissionState.LIVE.contains(state), "¶25(3)", "only an emission in the register with a live number can be declared invalid; this one is " + state);
        EffectiveDate d = effective(ruledOn, clock, "¶25(3)", "court decision's date", "previous step");
        step(SuspensionAndCancellation.invalid(court, courtDecisionSha256, d.on()), d, clock);
        state = EmissionState.INVALID;
        cancelNumber("court decision declaring the emission invalid", EffectiveDate.today(today(clock)), calendar, clock);
    }

    /** ¶52-53: after success, the emission may be declared not genuine (administrative procedure) — distinct from ¶25(3). */
    public void declareNotGenuine(String decisionSha256, WorkingDayCalendar calendar, Clock clock) {
        declareNotGenuine(decisionSha256, null, calendar, clock);
    }

    /** ¶52-53 with the decision's date ({@code decidedOn}, null = today); the number's cancellation entered by the next WD (¶36). */
    public void declareNotGenuine(String decisionSha256, LocalDate decidedOn, WorkingDayCalendar calendar, Clock clock) {
        require(state == EmissionState.SUCCESSFUL, "¶52", "only an emission recognised as successful can be declared not genuine; this one is " + state);
        EffectiveDate d = effective(decidedOn, clock, "¶52", "decision's date", "previous step");
        numberCancellationEntry(d, calendar);
        step(SuspensionAndCancellation.notGenuine(decisionSha256, d.on()), d, clock);
        state = EmissionState.NOT_GENUINE;
        cancelNumber("decision declaring the emission not genuine", d, calendar, clock);
    }

    /** ¶45-46, ¶63-64: the issuer is liquidated, terminated or bankrupt; the number is cancelled (¶47). */
    public void cancel(CancellationBasis basis, String basisSha256, WorkingDayCalendar calendar, Clock clock) {
        cancel(basis, basisSha256, null, calendar, clock);
    }

    /**
     * ¶45-46, ¶63-64 with the date of the basis (the liquidation, termination or bankruptcy decision; null = today), not
     * before the previous step; the entry cancelling the number is the day it is recorded.
     */
    public void cancel(CancellationBasis basis, String basisSha256, LocalDate basisDatedOn, WorkingDayCalendar calendar, Clock clock) {
        require(EmissionState.LIVE.contains(state), "¶45", "only an emission with a live number can be cancelled; this one is " + state);
        EffectiveDate d = effective(basisDatedOn, clock, "¶63-64", "basis document's date", "previous step");
        step(SuspensionAndCancellation.cancelled(basis, basisSha256, d.on()), d, clock);
        state = EmissionState.CANCELLED;
        cancelNumber(basis.name(), EffectiveDate.today(today(clock)), calendar, clock);
    }

    /** ¶36: a regulator's decision cancelling the number is entered no later than the next working day after it. */
    private static void numberCancellationEntry(EffectiveDate decision, WorkingDayCalendar calendar) {
        decision.recordedBy(calendar.deadline(LegalTerm.NUMBER_CANCELLATION_ENTRY, decision.on()), "¶36",
                "decision cancelling the number is entered no later than the next working day");
    }

    private void cancelNumber(String basis, EffectiveDate d, WorkingDayCalendar calendar, Clock clock) {
        step(supervision.cancelNumber(registrationNumber().orElse(null), basis, calendar, d.on()), d, clock);
    }

    // ---------------------------------------------------------------- ¶11, ¶38-40, ¶54-56 notices

    /** ¶55-56 with every recipient, today (kept for callers that record only the kind). */
    public void recordNotice(NoticeKind kind, WorkingDayCalendar calendar, Clock clock) {
        recordNotice(NoticeFacts.of(kind), "REGISTRAR", calendar, clock);
    }

    /**
     * Records a notice, delivery or disclosure the regulation requires: ¶11 (the registration decision and two
     * registered white paper copies to the issuer), ¶38 / ¶39 (the results decision to the issuer within 3 WD), ¶40
     * (the issuer discloses the results to the trading operator within 5 WD of success), ¶54-55 (the cancellation to
     * the issuer and the trading operator: by electronic means the day after, in writing within 3 WD) and ¶56
     * (publication within 5 WD). See {@link NoticeRules}.
     */
    public void recordNotice(NoticeFacts facts, String recordedBy, WorkingDayCalendar calendar, Clock clock) {
        for (EmissionEvent event : new NoticeRules(this, notices).record(facts, recordedBy, calendar, today(clock))) {
            record(event, clock);
        }
    }

    /**
     * Every notice this emission owes by now (its trigger happened), per recipient, with its deadline and the act
     * once recorded — what the deadlines view shows as due, overdue or done.
     */
    public List<NoticeObligation> noticeObligations(WorkingDayCalendar calendar) {
        return new NoticeRules(this, notices).obligations(calendar);
    }

    // ---------------------------------------------------------------- helpers

    static void require(boolean condition, String paragraph, String message) {
        if (!condition) throw new RuleViolation(paragraph, message);
    }

    private static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }

    /** A transition's event: the emission changed, so its version moves on. */
    private void record(EmissionEvent event, Clock clock) {
        pendingEvents.add(event);
        updatedAt = clock.instant();
    }

    /**
     * A dated workflow step (#19 item 1): recorded (marked backdated with both dates when of an earlier day), and the
     * latest step's date moves on to its effective date.
     */
    private void step(EmissionEvent event, EffectiveDate d, Clock clock) {
        record(d.mark(event), clock);
        if (lastEventOn == null || d.on().isAfter(lastEventOn)) lastEventOn = d.on();
    }

    /** {@code requested} (null = today) as the effective date of a step: never in the future, never before the previous step. */
    private EffectiveDate effective(LocalDate requested, Clock clock, String paragraph, String what, String previousStep) {
        return EffectiveDate.of(requested, today(clock), paragraph, what).notBefore(lastEventOn, paragraph, what, previousStep);
    }

    /** The effective date of the latest workflow step, if any (#19 item 1). */
    public Optional<LocalDate> lastEventOn() {
        return Optional.ofNullable(lastEventOn);
    }

    /** An event about the emission that changes none of its own data (a filed document, a fee payment). */
    private void note(EmissionEvent event) {
        pendingEvents.add(event);
    }

    /** The events recorded since load; the service stores and journals them, then clears. */
    public List<EmissionEvent> drainEvents() {
        List<EmissionEvent> out = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return out;
    }

    /** VAs placed and not burned (¶45). */
    public BigInteger circulating() {
        return results.circulating();
    }

    /** VAs not placed within the period that the issuer still has to burn (¶45). */
    public BigInteger unplacedRemaining() {
        return results.unplacedRemaining(quantity);
    }

    public UUID id() { return id; }
    public long version() { return version == null ? 0 : version; }
    public UUID issuerId() { return issuerId; }
    public EmissionState state() { return state; }
    public Optional<EmissionState> stateBeforeSuspension() { return supervision.stateBeforeSuspension(); }
    public VirtualAssetType vaType() { return vaType; }
    public BigInteger quantity() { return quantity; }
    public BigInteger minimumQuantity() { return minimumQuantity; }
    public BigDecimal nominalValue() { return nominalValue; }
    public String nominalCurrency() { return nominalCurrency; }
    public LocalDate placementStart() { return placementStart; }
    public LocalDate placementEnd() { return placementEnd; }
    public String placementPrice() { return placementPrice; }
    public String blockchain() { return blockchain; }
    public String issuerWallet() { return issuerWallet; }
    public String tokenAddress() { return tokenAddress; }
    public int tokenDecimals() { return tokenDecimals; }
    public List<CollateralLine> collateral() { return List.copyOf(collateral); }
    public Optional<String> whitePaperSha256() { return application.whitePaperSha256(); }
    public Optional<String> pendingWhitePaperSha256() { return whitePaperChange.pendingWhitePaperSha256(); }
    public Optional<LocalDate> whitePaperChangeRequestedOn() { return whitePaperChange.requestedOn(); }
    public Optional<LocalDate> submittedOn() { return application.submittedOn(); }
    public Optional<LocalDate> decisionDue() { return application.decisionDue(); }
    public Optional<LocalDate> registeredOn() { return application.registeredOn(); }
    public Optional<String> registrationNumber() { return application.registrationNumber(); }
    public Optional<String> refusalGrounds() { return application.refusalGrounds(); }
    public Optional<LocalDate> offerDisclosedOn() { return placement.offerDisclosedOn(); }
    public Optional<String> offerUrl() { return placement.offerUrl(); }
    public Optional<LocalDate> placementStartedOn() { return placement.placementStartedOn(); }
    public Optional<LocalDate> resultsReportedOn() { return results.resultsReportedOn(); }
    public Optional<BigInteger> placedQuantity() { return results.placedQuantity(); }
    public Optional<BigDecimal> proceeds() { return results.proceeds(); }
    public Optional<LocalDate> actualPlacementEnd() { return results.actualPlacementEnd(); }
    public Optional<LocalDate> resultsDecidedOn() { return results.resultsDecidedOn(); }
    public Optional<SuccessGround> successGround() { return results.successGround(); }
    public Optional<LocalDate> cureDeadline() { return supervision.cureDeadline(); }
    public Optional<String> cureBreaches() { return supervision.cureBreaches(); }
    public BigInteger burnedQuantity() { return results.burnedQuantity(); }
    public Optional<LocalDate> numberCancelledOn() { return supervision.numberCancelledOn(); }
    public List<NoticeAct> notices() { return List.copyOf(notices); }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    /** Parts whose columns are all null load as null (JPA): an empty part is the same as no data of that stage yet. */
    @jakarta.persistence.PostLoad
    private void emptyPartsAfterLoad() {
        if (application == null) application = ApplicationReview.none();
        if (whitePaperChange == null) whitePaperChange = WhitePaperChange.none();
        if (placement == null) placement = OfferAndPlacement.none();
        if (results == null) results = ResultsAndBurns.none();
        if (supervision == null) supervision = SuspensionAndCancellation.none();
    }
}
