package kg.vareg.backend.emissions;

import kg.vareg.backend.kernel.EmissionState;
import kg.vareg.backend.kernel.RuleViolation;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
 * journals in the same transaction.
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
    @Column(name = "state_before_suspension")
    private EmissionState stateBeforeSuspension;

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

    @Column(name = "white_paper_sha256")
    private String whitePaperSha256;
    @Column(name = "submitted_on")
    private LocalDate submittedOn;
    @Column(name = "decision_due")
    private LocalDate decisionDue;
    @Column(name = "registered_on")
    private LocalDate registeredOn;
    @Column(name = "registration_number")
    private String registrationNumber;
    @Column(name = "refusal_grounds")
    private String refusalGrounds;
    @Column(name = "pending_white_paper_sha256")
    private String pendingWhitePaperSha256;
    @Column(name = "white_paper_change_requested_on")
    private LocalDate whitePaperChangeRequestedOn;
    // ¶59: the quantity / nominal value asked for with the pending ¶7 change; the register keeps the old ones until
    // the regulator consents.
    @Column(name = "pending_quantity", precision = 78, scale = 0)
    private BigInteger pendingQuantity;
    @Column(name = "pending_nominal_value", precision = 38, scale = 18)
    private BigDecimal pendingNominalValue;
    @Column(name = "offer_disclosed_on")
    private LocalDate offerDisclosedOn;
    @Column(name = "offer_url")
    private String offerUrl;
    @Column(name = "placement_started_on")
    private LocalDate placementStartedOn;
    @Column(name = "results_reported_on")
    private LocalDate resultsReportedOn;
    @Column(name = "placed_quantity", precision = 78, scale = 0)
    private BigInteger placedQuantity;
    @Column(precision = 38, scale = 18)
    private BigDecimal proceeds;
    @Column(name = "actual_placement_end")
    private LocalDate actualPlacementEnd;
    @Column(name = "results_decided_on")
    private LocalDate resultsDecidedOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "success_ground")
    private SuccessGround successGround;
    @Column(name = "cure_deadline")
    private LocalDate cureDeadline;
    @Column(name = "cure_breaches")
    private String cureBreaches;
    @Column(name = "burned_quantity", nullable = false, precision = 78, scale = 0)
    private BigInteger burnedQuantity = BigInteger.ZERO;
    @Column(name = "unplaced_burned", nullable = false, precision = 78, scale = 0)
    private BigInteger unplacedBurned = BigInteger.ZERO;
    @Column(name = "number_cancelled_on")
    private LocalDate numberCancelledOn;
    // ¶11, ¶38-40, ¶54-56: notices as recorded acts (the old written_confirmation_on / published_on columns were
    // moved here by V70 and are no longer written). Appended only; recording one changes updatedAt, which bumps the
    // version once (as for the collateral).
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "emission_notice", joinColumns = @JoinColumn(name = "emission_id"))
    @OrderColumn(name = "position")
    @org.hibernate.annotations.OptimisticLock(excluded = true)
    private List<NoticeAct> notices = new ArrayList<>();
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
        return e;
    }

    /** Changes the draft's data; once filed the data changes only through the register (¶59) and ¶7. */
    public void amend(EmissionTerms terms, List<CollateralLine> collateral, Clock clock) {
        require(state == EmissionState.DRAFT, "¶59",
                "the decision data can only be edited before filing; after registration it changes only with the register (¶59) or ¶7");
        apply(terms, collateral);
        updatedAt = clock.instant();
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

    // ---------------------------------------------------------------- ¶9-10 submission

    /**
     * ¶9-10: the issuer files the package. It must be complete (¶9, ¶13: the regulator answers for
     * completeness); {@code missingItems} names each missing item. The regulator's 20 WD start the next day.
     */
    public void submit(List<String> missingItems, String whitePaperSha, WorkingDayCalendar calendar, Clock clock) {
        require(state == EmissionState.DRAFT, "¶9", "only a draft application can be filed; this one is " + state);
        if (!missingItems.isEmpty()) {
            throw new RuleViolation("¶9", "the registration package is incomplete: " + String.join("; ", missingItems),
                    missingItems);
        }
        LocalDate today = today(clock);
        // The ¶3-6 appraisal window is judged against this filing day by the collateral policy at registration.
        whitePaperSha256 = whitePaperSha;
        submittedOn = today;
        decisionDue = calendar.deadline(LegalTerm.REGISTRATION_DECISION, today);
        state = EmissionState.SUBMITTED;
        record(new EmissionEvent.ApplicationSubmitted(submittedOn, decisionDue), clock);
    }

    // ---------------------------------------------------------------- ¶10-19 decision

    /**
     * ¶10, ¶57, ¶67-68: registration assigns the number (from {@code numberAllocator}, called last) and enters the emission in the register. Refused
     * here when unsecured (¶3-1), collateral not registered yet (¶3-10), coverage short (¶3-5, ¶3-6), or
     * the upfront fee unpaid (¶28, ¶17).
     */
    public void register(java.util.function.Supplier<String> numberAllocator, CollateralCheck collateralCheck, boolean upfrontFeePaid,
            WorkingDayCalendar calendar, Clock clock) {
        require(state == EmissionState.SUBMITTED, "¶10", "only a filed application can be registered; this one is " + state);
        LocalDate today = today(clock);
        require(!collateral.isEmpty(), "¶3-1", "unsecured virtual assets may not be issued: the emission has no collateral");
        List<String> unregistered = collateral.stream().filter(c -> !c.isRegisteredBy(today))
                .map(c -> "collateral '" + c.description() + "' (" + c.type() + ") is not registered").toList();
        if (!unregistered.isEmpty()) {
            throw new RuleViolation("¶3-10", "no registration before the collateral is registered (¶3-7..3-9)", unregistered);
        }
        if (!collateralCheck.covered()) {
            throw new RuleViolation("¶3-5", "the collateral does not cover the emission: "
                    + String.join("; ", collateralCheck.problems()), collateralCheck.problems());
        }
        require(upfrontFeePaid, "¶28", "at least 20% of the registration fee must be paid with the package (¶17: fees unpaid)");
        require(whitePaperSha256 != null, "¶6", "the white paper is missing");
        // The number is allocated only once every rule has passed: a refused registration uses up no serial.
        String number = Objects.requireNonNull(numberAllocator.get());
        registrationNumber = number;
        registeredOn = today;
        state = EmissionState.REGISTERED;
        record(new EmissionEvent.EmissionRegistered(number, today, calendar.deadline(LegalTerm.REGISTER_ENTRY, today),
                whitePaperSha256), clock);
    }

    /** ¶17-19: reasoned refusal on one of the ¶17 grounds; the documents are not returned (¶18). */
    public void refuse(List<RefusalGround> grounds, String reasons, Clock clock) {
        require(state == EmissionState.SUBMITTED, "¶10, ¶17", "only a filed application can be refused; this one is " + state);
        require(grounds != null && !grounds.isEmpty(), "¶17", "a refusal must name at least one ground of ¶17");
        require(reasons != null && !reasons.isBlank(), "¶10, ¶17", "a refusal must be reasoned");
        refusalGrounds = String.join(",", grounds.stream().map(Enum::name).toList()) + ": " + reasons;
        state = EmissionState.REFUSED;
        record(new EmissionEvent.RegistrationRefused(today(clock), List.copyOf(grounds), reasons), clock);
    }

    // ---------------------------------------------------------------- ¶7 white paper changes

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
        require(pendingWhitePaperSha256 == null, "¶7", "a white paper change is already awaiting the regulator's answer");
        require(!proposedSha256.equals(whitePaperSha256), "¶7", "the proposed white paper is the registered one");
        if (change != null) checkRegisterChange(change);
        LocalDate today = today(clock);
        pendingWhitePaperSha256 = proposedSha256;
        whitePaperChangeRequestedOn = today;
        pendingQuantity = change == null ? null : change.quantity();
        pendingNominalValue = change == null ? null : change.nominalValue();
        record(new EmissionEvent.WhitePaperChangeRequested(today, proposedSha256,
                calendar.deadline(LegalTerm.WHITE_PAPER_CHANGE_ANSWER, today), pendingQuantity,
                pendingNominalValue == null ? null : pendingNominalValue.stripTrailingZeros().toPlainString()), clock);
    }

    /** ¶59 with ¶5, ¶29, ¶45: what a new quantity / nominal value must respect given what already happened. */
    private void checkRegisterChange(RegisterChange change) {
        BigInteger newQuantity = change.quantityOr(quantity);
        BigDecimal newNominal = change.nominalValueOr(nominalValue);
        require(!newQuantity.equals(quantity) || newNominal.compareTo(nominalValue) != 0, "¶59",
                "the register already holds quantity " + quantity + " and nominal value " + nominalValue.stripTrailingZeros().toPlainString());
        require(newQuantity.compareTo(minimumQuantity) >= 0, "¶29",
                "the quantity cannot go below the minimum quantity for success " + minimumQuantity);
        BigInteger placed = placedQuantity == null ? BigInteger.ZERO : placedQuantity;
        require(newQuantity.compareTo(placed.max(burnedQuantity)) >= 0, "¶59",
                "the quantity cannot go below the " + placed.max(burnedQuantity) + " VAs already placed or burned");
        require(newQuantity.multiply(BigInteger.TEN.pow(tokenDecimals)).compareTo(EmissionTerms.UINT256_MAX) <= 0, "¶5",
                "quantity × 10^decimals exceeds what a token contract can hold (uint256)");
    }

    public Optional<RegisterChange> pendingRegisterChange() {
        return pendingQuantity == null && pendingNominalValue == null ? Optional.empty()
                : Optional.of(new RegisterChange(pendingQuantity, pendingNominalValue));
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
        require(pendingWhitePaperSha256 != null, "¶7", "no white paper change is awaiting an answer");
        Optional<RegisterChange> change = pendingRegisterChange();
        if (change.isPresent()) {
            checkRegisterChange(change.get());
            Objects.requireNonNull(coverageAfterChange, "coverageAfterChange");
            if (!coverageAfterChange.covered()) {
                throw new RuleViolation("¶3-5", "after the change the collateral would not cover the emission: "
                        + String.join("; ", coverageAfterChange.problems()), coverageAfterChange.problems());
            }
        }
        LocalDate today = today(clock);
        whitePaperSha256 = pendingWhitePaperSha256;
        pendingWhitePaperSha256 = null;
        whitePaperChangeRequestedOn = null;
        record(new EmissionEvent.WhitePaperChangeApproved(today, whitePaperSha256), clock);
        change.ifPresent(c -> {
            BigInteger quantityBefore = quantity;
            BigDecimal nominalBefore = nominalValue;
            quantity = c.quantityOr(quantity);
            nominalValue = c.nominalValueOr(nominalValue);
            pendingQuantity = null;
            pendingNominalValue = null;
            record(new EmissionEvent.RegisterAmended(today, quantityBefore, quantity, nominalBefore.stripTrailingZeros().toPlainString(),
                    nominalValue.stripTrailingZeros().toPlainString(), terms().onChainSupply(), whitePaperSha256), clock);
        });
    }

    public void refuseWhitePaperChange(String reasons, Clock clock) {
        require(pendingWhitePaperSha256 != null, "¶7", "no white paper change is awaiting an answer");
        require(reasons != null && !reasons.isBlank(), "¶7", "a refusal of a white paper change must be reasoned");
        String proposed = pendingWhitePaperSha256;
        pendingWhitePaperSha256 = null;
        whitePaperChangeRequestedOn = null;
        // ¶59: without consent the register, and so the quantity and nominal value, stay as they are.
        pendingQuantity = null;
        pendingNominalValue = null;
        record(new EmissionEvent.WhitePaperChangeRefused(today(clock), proposed, reasons), clock);
    }

    // ---------------------------------------------------------------- ¶20-24 public offer and placement

    /** ¶4 stage 4, ¶20-21: the public offer is published on the issuer's website. */
    public void discloseOffer(LocalDate disclosedOn, String url, WorkingDayCalendar calendar, Clock clock) {
        require(state == EmissionState.REGISTERED, "¶4, ¶20", "the public offer follows registration; this emission is " + state);
        LocalDate today = today(clock);
        require(!disclosedOn.isAfter(today), "¶20", "the disclosure date " + disclosedOn + " is in the future");
        require(!disclosedOn.isBefore(registeredOn), "¶4", "the offer cannot be disclosed before registration on " + registeredOn);
        LocalDate earliest = calendar.deadline(LegalTerm.PLACEMENT_EARLIEST_AFTER_OFFER, disclosedOn);
        require(!earliest.isAfter(placementEnd), "¶20-21", "placement could start no earlier than " + earliest
                + " (5 WD after disclosure), after the placement period ends on " + placementEnd);
        offerDisclosedOn = disclosedOn;
        offerUrl = url;
        state = EmissionState.OFFER_DISCLOSED;
        record(new EmissionEvent.PublicOfferDisclosed(disclosedOn, url, earliest), clock);
    }

    /** ¶20-22: placement starts no earlier than 5 WD after disclosure and only within the white paper's period. */
    public void startPlacement(LocalDate startedOn, WorkingDayCalendar calendar, Clock clock) {
        require(state == EmissionState.OFFER_DISCLOSED, "¶21", "placement starts after the public offer is disclosed; this emission is " + state);
        require(!startedOn.isAfter(today(clock)), "¶22", "the placement start " + startedOn + " is in the future");
        LocalDate earliest = calendar.deadline(LegalTerm.PLACEMENT_EARLIEST_AFTER_OFFER, offerDisclosedOn);
        require(!startedOn.isBefore(earliest), "¶21", "placement may start no earlier than 5 working days after the offer was disclosed on "
                + offerDisclosedOn + ", i.e. on " + earliest + " or later");
        require(!startedOn.isBefore(placementStart) && !startedOn.isAfter(placementEnd), "¶20",
                "placement happens only within the period of the white paper, " + placementStart + " to " + placementEnd);
        placementStartedOn = startedOn;
        state = EmissionState.PLACEMENT;
        record(new EmissionEvent.PlacementStarted(startedOn), clock);
    }

    // ---------------------------------------------------------------- ¶25, ¶37, ¶50 suspension and cure

    /** ¶25(1), ¶50: suspended on a breach, false information, for an inspection or to protect holders. */
    public void suspend(String grounds, Clock clock) {
        require(state == EmissionState.REGISTERED || state == EmissionState.OFFER_DISCLOSED
                || state == EmissionState.PLACEMENT || state == EmissionState.RESULTS_REPORTED, "¶25(1), ¶50",
                "only a registered emission whose results are not yet recognised can be suspended; this one is " + state);
        require(grounds != null && !grounds.isBlank(), "¶25(1)", "a suspension must state its grounds");
        stateBeforeSuspension = state;
        state = EmissionState.SUSPENDED;
        record(new EmissionEvent.EmissionSuspended(today(clock), stateBeforeSuspension, grounds), clock);
    }

    /** ¶25(1): the breach is cured; the emission resumes where it was. */
    public void liftSuspension(Clock clock) {
        require(state == EmissionState.SUSPENDED, "¶25(1)", "the emission is not suspended; it is " + state);
        state = stateBeforeSuspension;
        stateBeforeSuspension = null;
        cureDeadline = null;
        cureBreaches = null;
        record(new EmissionEvent.SuspensionLifted(today(clock), state), clock);
    }

    /** ¶37: the regulator names the breaches and gives 10 WD to cure them, in writing. */
    public void grantCurePeriod(String breaches, WorkingDayCalendar calendar, Clock clock) {
        require(state == EmissionState.SUSPENDED || state == EmissionState.RESULTS_REPORTED, "¶37",
                "a cure period is given to a suspended emission or on a results report; this one is " + state);
        require(breaches != null && !breaches.isBlank(), "¶37", "the notice must name the breaches");
        LocalDate today = today(clock);
        cureBreaches = breaches;
        cureDeadline = calendar.deadline(LegalTerm.CURE_PERIOD, today);
        record(new EmissionEvent.CurePeriodGranted(today, breaches, cureDeadline), clock);
    }

    // ---------------------------------------------------------------- ¶29-44 results

    /** ¶30-32: the issuer files the results report within 30 CD after placement ends (Annex 6). */
    public void reportResults(LocalDate actualEnd, BigInteger placed, BigDecimal totalProceeds,
            WorkingDayCalendar calendar, Clock clock) {
        require(state == EmissionState.PLACEMENT, "¶30", "results are reported after a placement; this emission is " + state);
        LocalDate today = today(clock);
        require(!actualEnd.isAfter(today), "¶30", "the placement end " + actualEnd + " is in the future");
        require(!actualEnd.isBefore(placementStartedOn), "¶30", "the placement cannot end before it started on " + placementStartedOn);
        require(!actualEnd.isAfter(placementEnd), "¶20", "placement happens only within the period, which ended on " + placementEnd);
        require(placed.signum() >= 0 && placed.compareTo(quantity) <= 0, "¶29",
                "the quantity placed must be between 0 and the registered quantity " + quantity);
        require(totalProceeds.signum() >= 0, "¶30", "proceeds cannot be negative");
        LocalDate reportDue = calendar.deadline(LegalTerm.RESULTS_REPORT, actualEnd);
        actualPlacementEnd = actualEnd;
        placedQuantity = placed;
        proceeds = totalProceeds;
        resultsReportedOn = today;
        state = EmissionState.RESULTS_REPORTED;
        record(new EmissionEvent.ResultsReported(today, actualEnd, placed, totalProceeds.toPlainString(), reportDue,
                today.isAfter(reportDue), calendar.deadline(LegalTerm.RESULTS_DECISION, today)), clock);
    }

    /** ¶29, ¶34, ¶38: success on one of the ¶29 grounds; unplaced VAs must then be burned (¶45). */
    public void declareSuccessful(SuccessGround ground, WorkingDayCalendar calendar, Clock clock) {
        require(state == EmissionState.RESULTS_REPORTED, "¶34", "success is recognised on a results report; this emission is " + state);
        switch (ground) {
            case ALL_PLACED -> require(placedQuantity.equals(quantity), "¶29(1)",
                    "not all virtual assets were placed (" + placedQuantity + " of " + quantity + ")");
            case MINIMUM_QUANTITY_PLACED -> require(placedQuantity.compareTo(minimumQuantity) >= 0, "¶29(2)",
                    "fewer than the minimum quantity " + minimumQuantity + " were placed (" + placedQuantity + ")");
            case UNDERWRITING_CONTRACT -> { /* ¶29(3): the contract is in the report package */ }
        }
        LocalDate today = today(clock);
        successGround = ground;
        resultsDecidedOn = today;
        cureDeadline = null;
        state = EmissionState.SUCCESSFUL;
        record(new EmissionEvent.EmissionDeclaredSuccessful(today, ground, placedQuantity, unplacedRemaining(),
                calendar.deadline(LegalTerm.SUCCESS_NOTICE, today),
                calendar.deadline(LegalTerm.RESULTS_DISCLOSURE_TO_EXCHANGE, today)), clock);
    }

    /**
     * ¶25(2), ¶34, ¶41, ¶44, ¶48: unsuccessful — after a suspension that was not cured, or on the results
     * report within 10 WD of it; never after success (¶48) and never once those 10 WD have passed (¶34).
     * Cancels the number (¶34, ¶47).
     */
    public void declareUnsuccessful(String grounds, WorkingDayCalendar calendar, Clock clock) {
        require(state != EmissionState.SUCCESSFUL, "¶48",
                "an emission can be declared unsuccessful only before its results are recognised; after success see ¶52");
        require(state == EmissionState.SUSPENDED || state == EmissionState.RESULTS_REPORTED, "¶25(2), ¶34",
                "an emission is declared unsuccessful after an uncured suspension or on its results report; this one is " + state);
        require(grounds != null && !grounds.isBlank(), "¶39, ¶41", "the decision must state its grounds");
        LocalDate today = today(clock);
        if (resultsReportedOn != null) {
            LocalDate lastDay = calendar.deadline(LegalTerm.RESULTS_DECISION, resultsReportedOn);
            require(!today.isAfter(lastDay), "¶34", "the results were reported on " + resultsReportedOn
                    + "; after 10 working days (last day " + lastDay + ") the emission can no longer be declared unsuccessful");
        }
        require(cureDeadline == null || today.isAfter(cureDeadline), "¶37",
                "the issuer has until " + cureDeadline + " to cure the breaches");
        resultsDecidedOn = today;
        state = EmissionState.UNSUCCESSFUL;
        record(new EmissionEvent.EmissionDeclaredUnsuccessful(today, grounds, calendar.deadline(LegalTerm.REFUSAL_OF_SUCCESS_NOTICE, today)), clock);
        cancelNumber("regulator's decision declaring the emission unsuccessful", calendar, clock);
    }

    /** ¶25(3): a court declares the emission invalid; all VAs are withdrawn; the number is cancelled (¶47). */
    public void declareInvalid(String court, String courtDecisionSha256, WorkingDayCalendar calendar, Clock clock) {
        require(EmissionState.LIVE.contains(state), "¶25(3)", "only an emission in the register with a live number can be declared invalid; this one is " + state);
        require(court != null && !court.isBlank() && courtDecisionSha256 != null, "¶46, ¶63", "the court and its decision are the basis of the entry");
        LocalDate today = today(clock);
        state = EmissionState.INVALID;
        record(new EmissionEvent.EmissionDeclaredInvalid(today, court, courtDecisionSha256), clock);
        cancelNumber("court decision declaring the emission invalid", calendar, clock);
    }

    /** ¶52-53: after success, the emission may be declared not genuine (administrative procedure) — distinct from ¶25(3). */
    public void declareNotGenuine(String decisionSha256, WorkingDayCalendar calendar, Clock clock) {
        require(state == EmissionState.SUCCESSFUL, "¶52", "only an emission recognised as successful can be declared not genuine; this one is " + state);
        require(decisionSha256 != null, "¶63-64", "the decision is the basis of the entry");
        state = EmissionState.NOT_GENUINE;
        record(new EmissionEvent.EmissionDeclaredNotGenuine(today(clock), decisionSha256), clock);
        cancelNumber("decision declaring the emission not genuine", calendar, clock);
    }

    /** ¶45-46, ¶63-64: the issuer is liquidated, terminated or bankrupt; the number is cancelled (¶47). */
    public void cancel(CancellationBasis basis, String basisSha256, WorkingDayCalendar calendar, Clock clock) {
        require(EmissionState.LIVE.contains(state), "¶45", "only an emission with a live number can be cancelled; this one is " + state);
        require(basisSha256 != null, "¶46", "the basis document is required");
        state = EmissionState.CANCELLED;
        record(new EmissionEvent.EmissionCancelled(today(clock), basis, basisSha256), clock);
        cancelNumber(basis.name(), calendar, clock);
    }

    private void cancelNumber(String basis, WorkingDayCalendar calendar, Clock clock) {
        LocalDate today = today(clock);
        numberCancelledOn = today;
        record(new EmissionEvent.RegistrationNumberCancelled(registrationNumber, today,
                calendar.deadline(LegalTerm.NUMBER_CANCELLATION_ENTRY, today), basis,
                calendar.deadline(LegalTerm.CANCELLATION_WRITTEN_CONFIRMATION, today),
                calendar.deadline(LegalTerm.CANCELLATION_PUBLICATION, today)), clock);
    }

    // ---------------------------------------------------------------- ¶45-47 burns

    /**
     * ¶45-47: a burn. A partial reduction per the white paper (successful emission, the issuer's decision) or
     * the burn of VAs not placed within the period leave the number live; a withdrawal follows a cancellation.
     */
    public void recordBurn(BigInteger burned, BurnReason reason, String transactionHash, String decisionSha256, Clock clock) {
        require(burned != null && burned.signum() > 0, "¶45", "the burned quantity must be a positive whole number");
        switch (reason) {
            case PARTIAL_REDUCTION -> {
                require(state == EmissionState.SUCCESSFUL, "¶45", "a partial burn reduces the VAs in circulation of a successful emission; this one is " + state);
                require(decisionSha256 != null, "¶46", "the issuer's burn decision is the basis document");
                require(burned.compareTo(circulating()) <= 0, "¶45", "only " + circulating() + " VAs are in circulation");
            }
            case UNPLACED -> {
                require(state == EmissionState.SUCCESSFUL, "¶45", "unplaced VAs are burned after the results are recognised; this emission is " + state);
                require(burned.compareTo(unplacedRemaining()) <= 0, "¶45", "only " + unplacedRemaining() + " unplaced VAs remain to burn");
                unplacedBurned = unplacedBurned.add(burned);
            }
            case WITHDRAWAL -> {
                require(EmissionState.NUMBER_CANCELLED.contains(state), "¶25, ¶53",
                        "a withdrawal burn follows a cancellation (unsuccessful, invalid, not genuine, liquidation); this emission is " + state);
                require(burnedQuantity.add(burned).compareTo(quantity) <= 0, "¶45", "cannot burn more than the " + quantity + " issued");
            }
        }
        burnedQuantity = burnedQuantity.add(burned);
        record(new EmissionEvent.VirtualAssetsBurned(today(clock), burned, reason, transactionHash, burnedQuantity, decisionSha256), clock);
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
     * (publication within 5 WD). Only once its trigger has happened, once per recipient, not in the future and not
     * before the trigger. A late act is recorded and flagged {@code late} — the fact is kept, not refused.
     */
    public void recordNotice(NoticeFacts facts, String recordedBy, WorkingDayCalendar calendar, Clock clock) {
        NoticeKind kind = facts.kind();
        LocalDate trigger = noticeTrigger(kind).orElseThrow(() -> new RuleViolation(
                kind == NoticeKind.PRIOR_NOTICE || kind == NoticeKind.WRITTEN_CONFIRMATION || kind == NoticeKind.WEBSITE_PUBLICATION
                        ? "¶54" : kind.paragraph(), notYet(kind)));
        LocalDate today = today(clock);
        LocalDate actOn = facts.actOn() == null ? today : facts.actOn();
        require(!actOn.isAfter(today), kind.paragraph(), "the notice date " + actOn + " is in the future");
        require(!actOn.isBefore(trigger), kind.paragraph(), "the notice date " + actOn + " is before the decision of " + trigger);
        if (kind == NoticeKind.PRIOR_NOTICE) {
            require(facts.channel() != null && facts.channel().electronic(), "¶55",
                    "the prior notice goes by phone, fax or other electronic means (PHONE, FAX, EMAIL, OTHER_ELECTRONIC)");
        }
        List<EmissionEvent.Recipient> recipients = facts.recipients().isEmpty() ? kind.recipients() : facts.recipients();
        for (EmissionEvent.Recipient r : recipients) {
            require(kind.recipients().contains(r), kind.paragraph(), "a " + kind + " goes to " + kind.recipients() + ", not to " + r);
        }
        require(recipients.stream().distinct().count() == recipients.size(), kind.paragraph(), "a recipient is named twice");
        for (EmissionEvent.Recipient r : recipients) {
            notice(kind, r).ifPresent(done -> {
                throw new RuleViolation(kind.paragraph(), "the " + kind + " to " + r + " is already recorded (done on " + done.actOn() + ")");
            });
        }
        LocalDate due = kind.term().map(t -> calendar.deadline(t, trigger)).orElse(null);
        // ¶11: the copies delivered are of the white paper registered in the register (by its hash).
        String whitePaper = kind == NoticeKind.REGISTRATION_DECISION_DELIVERY ? whitePaperSha256 : null;
        for (EmissionEvent.Recipient r : recipients) {
            NoticeAct act = new NoticeAct(kind, r, actOn, today, due, facts.channel(), facts.documentSha256(), facts.url(), recordedBy);
            notices.add(act);
            record(new EmissionEvent.NoticeRecorded(kind, r, actOn, today, due, act.late(), facts.channel(),
                    facts.documentSha256(), facts.url(), whitePaper), clock);
        }
    }

    /** The day a notice's term runs from, once the decision it reports exists. */
    private Optional<LocalDate> noticeTrigger(NoticeKind kind) {
        return switch (kind) {
            case REGISTRATION_DECISION_DELIVERY -> Optional.ofNullable(registeredOn);
            case SUCCESS_DECISION_NOTICE, RESULTS_DISCLOSURE -> successGround == null ? Optional.empty() : Optional.ofNullable(resultsDecidedOn);
            case SUCCESS_REFUSAL_NOTICE -> state == EmissionState.UNSUCCESSFUL ? Optional.ofNullable(resultsDecidedOn) : Optional.empty();
            case PRIOR_NOTICE, WRITTEN_CONFIRMATION, WEBSITE_PUBLICATION -> Optional.ofNullable(numberCancelledOn);
        };
    }

    private static String notYet(NoticeKind kind) {
        return switch (kind) {
            case REGISTRATION_DECISION_DELIVERY -> "the registration decision is delivered once the emission is registered (¶11)";
            case SUCCESS_DECISION_NOTICE -> "the decision of success is sent once the emission is recognised successful (¶38)";
            case RESULTS_DISCLOSURE -> "the results are disclosed to the trading operator once the emission is recognised successful (¶40)";
            case SUCCESS_REFUSAL_NOTICE -> "the refusal to recognise success is sent once the emission is declared unsuccessful (¶39)";
            case PRIOR_NOTICE, WRITTEN_CONFIRMATION, WEBSITE_PUBLICATION -> "notices follow a cancellation; this emission's number is not cancelled";
        };
    }

    private Optional<NoticeAct> notice(NoticeKind kind, EmissionEvent.Recipient recipient) {
        return notices.stream().filter(n -> n.kind() == kind && n.recipient() == recipient).findFirst();
    }

    /**
     * Every notice this emission owes by now (its trigger happened), per recipient, with its deadline and the act
     * once recorded — what the deadlines view shows as due, overdue or done.
     */
    public List<NoticeObligation> noticeObligations(WorkingDayCalendar calendar) {
        List<NoticeObligation> out = new ArrayList<>();
        for (NoticeKind kind : NoticeKind.values()) {
            Optional<LocalDate> trigger = noticeTrigger(kind);
            if (trigger.isEmpty()) continue;
            Optional<LocalDate> due = kind.term().map(t -> calendar.deadline(t, trigger.get()));
            for (EmissionEvent.Recipient r : kind.recipients()) {
                out.add(new NoticeObligation(kind, r, trigger.get(), due, notice(kind, r)));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    private static void require(boolean condition, String paragraph, String message) {
        if (!condition) throw new RuleViolation(paragraph, message);
    }

    private static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }

    private void record(EmissionEvent event, Clock clock) {
        pendingEvents.add(event);
        updatedAt = clock.instant();
    }

    /** The events recorded since load; the service stores and journals them, then clears. */
    public List<EmissionEvent> drainEvents() {
        List<EmissionEvent> out = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return out;
    }

    /** VAs placed and not burned (¶45). */
    public BigInteger circulating() {
        BigInteger placed = placedQuantity == null ? BigInteger.ZERO : placedQuantity;
        return placed.subtract(burnedQuantity.subtract(unplacedBurned)).max(BigInteger.ZERO);
    }

    /** VAs not placed within the period that the issuer still has to burn (¶45). */
    public BigInteger unplacedRemaining() {
        if (placedQuantity == null) return BigInteger.ZERO;
        return quantity.subtract(placedQuantity).subtract(unplacedBurned);
    }

    public UUID id() { return id; }
    public long version() { return version == null ? 0 : version; }
    public UUID issuerId() { return issuerId; }
    public EmissionState state() { return state; }
    public Optional<EmissionState> stateBeforeSuspension() { return Optional.ofNullable(stateBeforeSuspension); }
    public VirtualAssetType vaType() { return vaType; }
    public BigInteger quantity() { return quantity; }
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
    public Optional<String> whitePaperSha256() { return Optional.ofNullable(whitePaperSha256); }
    public Optional<String> pendingWhitePaperSha256() { return Optional.ofNullable(pendingWhitePaperSha256); }
    public Optional<LocalDate> whitePaperChangeRequestedOn() { return Optional.ofNullable(whitePaperChangeRequestedOn); }
    public Optional<LocalDate> submittedOn() { return Optional.ofNullable(submittedOn); }
    public Optional<LocalDate> decisionDue() { return Optional.ofNullable(decisionDue); }
    public Optional<LocalDate> registeredOn() { return Optional.ofNullable(registeredOn); }
    public Optional<String> registrationNumber() { return Optional.ofNullable(registrationNumber); }
    public Optional<String> refusalGrounds() { return Optional.ofNullable(refusalGrounds); }
    public Optional<LocalDate> offerDisclosedOn() { return Optional.ofNullable(offerDisclosedOn); }
    public Optional<String> offerUrl() { return Optional.ofNullable(offerUrl); }
    public Optional<LocalDate> placementStartedOn() { return Optional.ofNullable(placementStartedOn); }
    public Optional<LocalDate> resultsReportedOn() { return Optional.ofNullable(resultsReportedOn); }
    public Optional<BigInteger> placedQuantity() { return Optional.ofNullable(placedQuantity); }
    public Optional<BigDecimal> proceeds() { return Optional.ofNullable(proceeds); }
    public Optional<LocalDate> actualPlacementEnd() { return Optional.ofNullable(actualPlacementEnd); }
    public Optional<LocalDate> resultsDecidedOn() { return Optional.ofNullable(resultsDecidedOn); }
    public Optional<SuccessGround> successGround() { return Optional.ofNullable(successGround); }
    public Optional<LocalDate> cureDeadline() { return Optional.ofNullable(cureDeadline); }
    public Optional<String> cureBreaches() { return Optional.ofNullable(cureBreaches); }
    public BigInteger burnedQuantity() { return burnedQuantity; }
    public Optional<LocalDate> numberCancelledOn() { return Optional.ofNullable(numberCancelledOn); }
    public List<NoticeAct> notices() { return List.copyOf(notices); }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
