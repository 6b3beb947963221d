package kg.vareg.backend.emissions;

import kg.vareg.backend.kernel.EmissionState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.api.InvalidFieldException;
import kg.vareg.backend.api.PageResponse;
import kg.vareg.backend.api.Versions;
import kg.vareg.backend.collateral.CoverageAssessment;
import kg.vareg.backend.documents.DocumentKind;
import kg.vareg.backend.documents.StoredDocument;
import kg.vareg.backend.emissions.EmissionRequests.*;
import kg.vareg.backend.fees.FeeStatus;
import kg.vareg.backend.fees.QuarterId;
import kg.vareg.backend.security.CurrentActors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

/**
 * The emission workflow over HTTP. Every state-changing POST accepts {@code If-Match: "<version>"} (optimistic
 * locking: a stale version gets 409) and answers with the emission and its new ETag. A step the regulation
 * does not allow is a 409 problem naming the ¶.
 */
@RestController
@RequestMapping("/api/v1/emissions")
@Tag(name = "Emissions", description = "Applications and the emission workflow (¶4-56)")
@Validated
class EmissionController {
    private final EmissionService service;
    private final CurrentActors actors;
    private final EmissionHistory history;
    private final kg.vareg.backend.documents.Documents documents;

    EmissionController(EmissionService service, CurrentActors actors, EmissionHistory history,
            kg.vareg.backend.documents.Documents documents) {
        this.service = service;
        this.actors = actors;
        this.history = history;
        this.documents = documents;
    }

    private static ResponseEntity<EmissionView> ok(Emission e) {
        return ResponseEntity.ok().eTag(Versions.etag(e.version())).body(EmissionView.of(e));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "File a draft application", description = "The issuer's decision data (¶5, Annex 1): quantity, "
            + "nominal value and currency, placement period and terms, circulation terms, blockchain, EIP-55 issuer wallet and "
            + "contract address, collateral (¶3-5). Accepts Idempotency-Key.")
    ResponseEntity<EmissionView> create(@Valid @RequestBody ApplicationRequest body) {
        Emission e = service.createDraft(body.issuerId(), body.terms(), body.lines(), actors.current());
        return ResponseEntity.created(URI.create("/api/v1/emissions/" + e.id())).eTag(Versions.etag(e.version()))
                .body(EmissionView.of(e));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Amend a draft application", description = "Only before filing; afterwards the data changes only "
            + "through the register (¶59) or a white paper change (¶7). The body's version is required (optimistic locking).")
    ResponseEntity<EmissionView> amend(@PathVariable UUID id, @Valid @RequestBody ApplicationRequest body) {
        if (body.version() == null) throw new InvalidFieldException("version", "required: the version you are amending");
        return ok(service.amendDraft(id, body.version(), body.terms(), body.lines(), actors.current()));
    }

    @GetMapping
    @Operation(summary = "List applications", description = "Regulator staff see all; an issuer only its own.")
    PageResponse<EmissionView> list(@RequestParam Optional<EmissionState> state, @RequestParam Optional<UUID> issuerId,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return PageResponse.of(service.list(state, issuerId, actors.current(),
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt"))), EmissionView::of);
    }

    @GetMapping("/{id}")
    ResponseEntity<EmissionView> get(@PathVariable UUID id) {
        return ok(service.get(id, actors.current()));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Full history of the emission (¶57-66)")
    List<EmissionHistory.Entry> history(@PathVariable UUID id) {
        service.get(id, actors.current());
        return history.of(id);
    }

    public record DocumentView(UUID id, String kind, String fileName, String mediaType, long sizeBytes, String sha256,
            String uploadedBy, java.time.Instant uploadedAt) {
        static DocumentView of(StoredDocument d) {
            return new DocumentView(d.id(), d.kind().name(), d.fileName(), d.mediaType(), d.sizeBytes(), d.sha256(),
                    d.uploadedBy().name(), d.uploadedAt());
        }
    }

    @PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "File a document", description = "Stored with its SHA-256; the journal carries the hash, not the "
            + "file (¶9 package items, white paper ¶6, results report ¶30-32, decisions ¶46, ¶63). Accepts Idempotency-Key.")
    ResponseEntity<DocumentView> upload(@PathVariable UUID id, @RequestParam("kind") DocumentKind kind,
            @RequestParam("file") MultipartFile file) throws IOException {
        // The service checks the type by content (after who may file it) and stores the detected type.
        StoredDocument d = service.fileDocument(id, kind, file.getOriginalFilename(), file.getContentType(), file.getBytes(),
                actors.current());
        return ResponseEntity.created(URI.create("/api/v1/emissions/" + id + "/documents/" + d.id())).body(DocumentView.of(d));
    }

    @GetMapping("/{id}/documents")
    List<DocumentView> documents(@PathVariable UUID id) {
        service.get(id, actors.current());
        return documents.of(id).stream().map(DocumentView::of).toList();
    }

    @GetMapping("/{id}/documents/{documentId}/content")
    ResponseEntity<byte[]> content(@PathVariable UUID id, @PathVariable UUID documentId) {
        service.get(id, actors.current());
        StoredDocument d = documents.get(id, documentId);
        // Served as a download, never rendered in the register's origin.
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, d.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment")
                .header("Digest", "sha-256=" + d.sha256()).body(d.content());
    }

    public record PackageStatus(boolean complete, List<String> missing) {}

    @GetMapping("/{id}/package")
    @Operation(summary = "Completeness of the ¶9 package", description = "Names each missing item of ¶9 (1)-(12) (¶13).")
    PackageStatus packageStatus(@PathVariable UUID id) {
        List<String> missing = service.missingPackageItems(id, actors.current());
        return new PackageStatus(missing.isEmpty(), missing);
    }

    @GetMapping("/{id}/collateral-assessment")
    @Operation(summary = "Collateral coverage with its computation", description = "¶3-1, ¶3-5 (types, minimum coverage, "
            + "counted share), ¶3-6 (appraisal window), ¶3-7..3-10 (registration).")
    CoverageAssessment coverage(@PathVariable UUID id) {
        return service.coverage(id, actors.current());
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "File the package (¶9-10)", description = "Refused with 409 ¶9 naming every missing item; starts the "
            + "regulator's 20 working days (¶10).")
    ResponseEntity<EmissionView> submit(@PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return ok(service.submit(id, Versions.ifMatch(ifMatch), actors.current()));
    }

    @PostMapping("/{id}/register")
    @Operation(summary = "Register the emission (¶10, ¶57, ¶62, ¶67-68)", description = "Assigns the number and enters the "
            + "register (¶65). 409 when unsecured (¶3-1), collateral unregistered (¶3-10), coverage short (¶3-5/3-6), "
            + "or less than 20% of the fee paid (¶28).")
    ResponseEntity<EmissionView> register(@PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return ok(service.register(id, Versions.ifMatch(ifMatch), actors.current()));
    }

    @PostMapping("/{id}/refuse")
    @Operation(summary = "Refuse registration with grounds (¶17-19)")
    ResponseEntity<EmissionView> refuse(@PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody RefusalRequest body) {
        return ok(service.refuse(id, Versions.ifMatch(ifMatch), body.grounds(), body.reasons(), actors.current()));
    }

    @PostMapping("/{id}/white-paper-changes")
    @Operation(summary = "Request a white paper change (¶7), optionally changing quantity / nominal value (¶59)",
            description = "The regulator answers within 10 working days. A new quantity or nominal value enters the register "
                    + "only with the consent (¶59): until then the register keeps the old ones; on consent the change is "
                    + "checked again (not below the minimum quantity ¶29, nor below what was placed or burned, uint256 ¶5) and "
                    + "the collateral must cover the new volume (¶3-5).")
    ResponseEntity<EmissionView> requestWhitePaperChange(@PathVariable UUID id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch, @Valid @RequestBody WhitePaperChangeRequest body) {
        return ok(service.requestWhitePaperChange(id, Versions.ifMatch(ifMatch), body.documentId(), body.registerChange(),
                actors.current()));
    }

    @PostMapping("/{id}/white-paper-changes/answer")
    @Operation(summary = "Consent to or refuse a white paper change (¶7)")
    ResponseEntity<EmissionView> answerWhitePaperChange(@PathVariable UUID id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch, @Valid @RequestBody WhitePaperAnswer body) {
        return ok(service.answerWhitePaperChange(id, Versions.ifMatch(ifMatch), body.approve(), body.reasons(), actors.current()));
    }

    @PostMapping("/{id}/offer")
    @Operation(summary = "Disclose the public offer (¶20-21)")
    ResponseEntity<EmissionView> offer(@PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody OfferRequest body) {
        return ok(service.discloseOffer(id, Versions.ifMatch(ifMatch), body.disclosedOn(), body.url(), actors.current()));
    }

    @PostMapping("/{id}/placement")
    @Operation(summary = "Report the placement start (¶20-22)", description = "No earlier than 5 working days after the offer (¶21), within the period (¶20).")
    ResponseEntity<EmissionView> placement(@PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PlacementRequest body) {
        return ok(service.startPlacement(id, Versions.ifMatch(ifMatch), body.startedOn(), actors.current()));
    }

    @PostMapping("/{id}/suspend")
    @Operation(summary = "Suspend (¶25(1), ¶50)")
    ResponseEntity<EmissionView> suspend(@PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody GroundsRequest body) {
        return ok(service.suspend(id, Versions.ifMatch(ifMatch), body.grounds(), actors.current()));
    }

    @PostMapping("/{id}/lift-suspension")
    @Operation(summary = "Lift a suspension once cured (¶25(1))")
    ResponseEntity<EmissionView> lift(@PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return ok(service.liftSuspension(id, Versions.ifMatch(ifMatch), actors.current()));
    }

    @PostMapping("/{id}/cure-period")
    @Operation(summary = "Give 10 working days to cure named breaches (¶37)")
    ResponseEntity<EmissionView> cure(@PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody GroundsRequest body) {
        return ok(service.grantCurePeriod(id, Versions.ifMatch(ifMatch), body.grounds(), actors.current()));
    }

    @PostMapping("/{id}/results")
    @Operation(summary = "File the results report (¶29-32)", description = "Due within 30 calendar days after placement ends (¶30).")
    ResponseEntity<EmissionView> results(@PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ResultsRequest body) {
        return ok(service.reportResults(id, Versions.ifMatch(ifMatch), body.actualPlacementEnd(), body.placedQuantity(),
                body.proceeds(), body.reportDocumentId(), actors.current()));
    }

    @PostMapping("/{id}/successful")
    @Operation(summary = "Recognise the emission as successful (¶29, ¶34, ¶38)")
    ResponseEntity<EmissionView> successful(@PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody SuccessRequest body) {
        return ok(service.declareSuccessful(id, Versions.ifMatch(ifMatch), body.ground(), body.underwritingDocumentId(), actors.current()));
    }

    @PostMapping("/{id}/unsuccessful")
    @Operation(summary = "Declare the emission unsuccessful (¶25(2), ¶34, ¶41, ¶44, ¶48)", description = "Only within 10 working "
            + "days of the results report (¶34), never after success (¶48); cancels the number (¶47).")
    ResponseEntity<EmissionView> unsuccessful(@PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody GroundsRequest body) {
        return ok(service.declareUnsuccessful(id, Versions.ifMatch(ifMatch), body.grounds(), actors.current()));
    }

    @PostMapping("/{id}/invalid")
    @Operation(summary = "Enter a court's declaration of invalidity (¶25(3))", description = "Cancels the number (¶47).")
    ResponseEntity<EmissionView> invalid(@PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody InvalidityRequest body) {
        return ok(service.declareInvalid(id, Versions.ifMatch(ifMatch), body.court(), body.courtDecisionId(), actors.current()));
    }

    @PostMapping("/{id}/not-genuine")
    @Operation(summary = "Declare a successful emission not genuine (¶52-53)", description = "Distinct from invalidity (¶25(3)).")
    ResponseEntity<EmissionView> notGenuine(@PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody NotGenuineRequest body) {
        return ok(service.declareNotGenuine(id, Versions.ifMatch(ifMatch), body.decisionId(), actors.current()));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel on the issuer's liquidation, termination or bankruptcy (¶45-47, ¶63-64)")
    ResponseEntity<EmissionView> cancel(@PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CancellationRequest body) {
        return ok(service.cancel(id, Versions.ifMatch(ifMatch), body.basis(), body.basisDocumentId(), actors.current()));
    }

    @PostMapping("/{id}/burns")
    @Operation(summary = "Record a burn (¶45-47)", description = "PARTIAL_REDUCTION (keeps the number), UNPLACED (VAs not placed "
            + "within the period), WITHDRAWAL (after a cancellation).")
    ResponseEntity<EmissionView> burn(@PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody BurnRequest body) {
        return ok(service.recordBurn(id, Versions.ifMatch(ifMatch), body.quantity(), body.reason(), body.transactionHash(),
                body.decisionDocumentId(), actors.current()));
    }

    @PostMapping("/{id}/notices")
    @Operation(summary = "Record a notice, delivery or disclosure (¶11, ¶38-40, ¶54-56)", description = "REGISTRATION_DECISION_DELIVERY "
            + "(¶11: decision and two registered white paper copies to the issuer, no term), SUCCESS_DECISION_NOTICE (¶38, 3 WD), "
            + "SUCCESS_REFUSAL_NOTICE (¶39, with grounds, 3 WD), PRIOR_NOTICE (¶54-55: to the issuer and the trading operator by "
            + "phone, fax or electronic means the day after the decision; channel required), WRITTEN_CONFIRMATION (¶55, 3 WD), "
            + "WEBSITE_PUBLICATION (¶56, 5 WD) — registrar or supervisor; RESULTS_DISCLOSURE (¶40, 5 WD) — the issuer. "
            + "Recipients default to every one the ¶ names; a late act is recorded with late=true; a second record of the same "
            + "act is 409.")
    ResponseEntity<EmissionView> notice(@PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody NoticeRequest body) {
        return ok(service.recordNotice(id, Versions.ifMatch(ifMatch), body.facts(), body.documentId(), actors.current()));
    }

    @PostMapping("/{id}/results-disclosure")
    @Operation(summary = "The issuer reports its disclosure of the results to the trading operator (¶40)",
            description = "Due within 5 working days of the decision recognising the emission successful.")
    ResponseEntity<EmissionView> resultsDisclosure(@PathVariable UUID id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch, @Valid @RequestBody DisclosureRequest body) {
        NoticeFacts facts = new NoticeFacts(EmissionEvent.NoticeKind.RESULTS_DISCLOSURE, List.of(), body.on(), body.channel(), null, null);
        return ok(service.recordNotice(id, Versions.ifMatch(ifMatch), facts, body.documentId(), actors.current()));
    }

    @GetMapping("/{id}/notices")
    @Operation(summary = "The notices this emission owes and their state (¶11, ¶38-40, ¶54-56)")
    List<NoticeView> notices(@PathVariable UUID id) {
        return service.noticeObligations(id, actors.current());
    }

    @GetMapping("/{id}/fees")
    @Operation(summary = "Registration fee status (¶26-28)", description = "0.01% of the total nominal value; at least 20% with the "
            + "package; quarterly instalments within 5 WD and notices within 10 WD after each quarter; overdue flags.")
    FeeStatus fees(@PathVariable UUID id) {
        return service.feeStatus(id, actors.current());
    }

    @PostMapping("/{id}/fees/payments")
    @Operation(summary = "Record a fee payment (¶26-28)", description = "No quarter = the upfront part paid with the package.")
    ResponseEntity<FeePaymentRequest> payFee(@PathVariable UUID id, @Valid @RequestBody FeePaymentRequest body) {
        Optional<QuarterId> q = Optional.ofNullable(body.quarter()).map(EmissionController::quarter);
        service.recordFeePayment(id, q, body.paidOn(), body.amount(), body.currency(), actors.current());
        return ResponseEntity.status(201).location(URI.create("/api/v1/emissions/" + id + "/fees")).body(body);
    }

    @PostMapping("/{id}/fees/notices")
    @Operation(summary = "File the quarterly notice of the amount placed (¶28)")
    ResponseEntity<QuarterNoticeRequest> feeNotice(@PathVariable UUID id, @Valid @RequestBody QuarterNoticeRequest body) {
        service.recordQuarterNotice(id, quarter(body.quarter()), body.placedNominal(), actors.current());
        return ResponseEntity.status(201).location(URI.create("/api/v1/emissions/" + id + "/fees")).body(body);
    }

    private static QuarterId quarter(String s) {
        return new QuarterId(Integer.parseInt(s.substring(0, 4)), s.charAt(6) - '0');
    }
}
