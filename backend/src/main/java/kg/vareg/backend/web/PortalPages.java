package kg.vareg.backend.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.api.InvalidFieldException;
import kg.vareg.backend.calendar.LegalTerm;
import kg.vareg.backend.calendar.WorkingDayCalendar;
import kg.vareg.backend.collateral.CollateralType;
import kg.vareg.backend.documents.DocumentKind;
import kg.vareg.backend.documents.Documents;
import kg.vareg.backend.emissions.Emission;
import kg.vareg.backend.emissions.EmissionEvent.BurnReason;
import kg.vareg.backend.emissions.EmissionService;
import kg.vareg.backend.kernel.EmissionState;
import kg.vareg.backend.emissions.EmissionView;
import kg.vareg.backend.kernel.RuleViolation;
import kg.vareg.backend.numbering.VirtualAssetType;
import kg.vareg.backend.security.CurrentActor;
import kg.vareg.backend.security.CurrentActors;
import org.springframework.data.domain.Pageable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The issuer's portal: the application wizard (1: decision data and collateral, 2: the ¶9 documents, 3: filing),
 * the status and every deadline of its own emissions, the fee schedule and payments (¶26-28), and its reports
 * (public offer ¶20-21, placement start ¶22, results ¶30, burns ¶45). An issuer only ever sees its own emissions
 * (the service returns 404 for others').
 */
@Controller
class PortalPages {
    private final EmissionService emissions;
    private final Documents documents;
    private final WorkingDayCalendar calendar;
    private final CurrentActors actors;
    private final Clock clock;

    PortalPages(EmissionService emissions, Documents documents, WorkingDayCalendar calendar, CurrentActors actors, Clock clock) {
        this.emissions = emissions;
        this.documents = documents;
        this.calendar = calendar;
        this.actors = actors;
        this.clock = clock;
    }

    /** A deadline of an emission as the portal lists it. */
    public record Deadline(String what, String paragraph, LocalDate due, long workingDaysLeft) {}

    @GetMapping("/portal")
    String home(Model model) {
        CurrentActor actor = actors.current();
        List<EmissionView> mine = emissions.list(Optional.empty(), Optional.empty(), actor, Pageable.ofSize(200))
                .getContent().stream().map(EmissionView::of).toList();
        model.addAttribute("emissions", mine);
        return "portal/home";
    }

    @GetMapping("/portal/applications/new")
    String newApplication(Model model) {
        model.addAttribute("form", new ApplicationForm());
        return formPage(model);
    }

    private String formPage(Model model) {
        model.addAttribute("vaTypes", VirtualAssetType.values());
        model.addAttribute("collateralTypes", CollateralType.values());
        return "portal/application-form";
    }

    @PostMapping("/portal/applications")
    String createApplication(@Valid @ModelAttribute("form") ApplicationForm form, BindingResult errors, Model model,
            RedirectAttributes ra) {
        if (errors.hasErrors()) return formPage(model);
        CurrentActor actor = actors.current();
        try {
            Emission e = emissions.createDraft(actor.issuerId().orElseThrow(), form.terms(), form.collateral(), actor);
            ra.addFlashAttribute("successKey", "portal.done.draft");
            return "redirect:/portal/emissions/" + e.id();
        } catch (InvalidFieldException ex) {
            errors.rejectValue(ex.field(), "invalid", ex.getMessage());
        } catch (RuleViolation ex) {
            // the aggregate's ¶ rules (EmissionTerms): attach to the field they concern when it is clear
            String field = ex.getMessage().contains("minimum quantity") ? "minimumQuantity"
                    : ex.getMessage().contains("placement period") ? "placementEnd"
                    : ex.getMessage().contains("wallet") || ex.getMessage().contains("checksum") ? "tokenAddress" : null;
            if (field != null) errors.rejectValue(field, "rule", ex.paragraph() + ": " + ex.getMessage());
            else errors.reject("rule", ex.paragraph() + ": " + ex.getMessage());
        }
        return formPage(model);
    }

    @GetMapping("/portal/emissions/{id}")
    String emission(@PathVariable UUID id, Model model) {
        CurrentActor actor = actors.current();
        Emission e = emissions.get(id, actor);
        EmissionView v = EmissionView.of(e);
        LocalDate today = LocalDate.now(clock);
        List<Deadline> deadlines = new ArrayList<>();
        e.decisionDue().filter(d -> e.state() == EmissionState.SUBMITTED)
                .ifPresent(d -> deadlines.add(deadline("decision", "¶10", d, today)));
        if (e.state() == EmissionState.OFFER_DISCLOSED && e.offerDisclosedOn().isPresent()) {
            deadlines.add(deadline("placementEarliest", "¶21",
                    calendar.deadline(LegalTerm.PLACEMENT_EARLIEST_AFTER_OFFER, e.offerDisclosedOn().get()), today));
        }
        if (EmissionState.LIVE.contains(e.state())) deadlines.add(deadline("placementEnd", "¶5", e.placementEnd(), today));
        if (e.state() == EmissionState.PLACEMENT) {
            deadlines.add(deadline("resultsReport", "¶30", calendar.deadline(LegalTerm.RESULTS_REPORT, e.placementEnd()), today));
        }
        e.cureDeadline().ifPresent(d -> deadlines.add(deadline("cure", "¶37", d, today)));
        var fees = emissions.feeStatus(id, actor);
        fees.quarters().forEach(q -> {
            deadlines.add(deadline("feePayment", "¶28", q.quarter().paymentDue(), today));
            deadlines.add(deadline("feeNotice", "¶28", q.quarter().noticeDue(), today));
        });
        model.addAttribute("e", v);
        model.addAttribute("deadlines", deadlines);
        model.addAttribute("documents", documents.of(id));
        model.addAttribute("missing", e.state() == EmissionState.DRAFT ? emissions.missingPackageItems(id, actor) : List.of());
        model.addAttribute("fees", fees);
        model.addAttribute("uploadKinds", uploadKinds(e.state()));
        model.addAttribute("burnReasons", BurnReason.values());
        model.addAttribute("today", today);
        return "portal/emission";
    }

    private static List<DocumentKind> uploadKinds(EmissionState s) {
        if (s == EmissionState.DRAFT) return Arrays.stream(DocumentKind.values()).filter(k -> k.packageItem().isPresent()
                && k != DocumentKind.BLOCKCHAIN_DATA).toList();
        return List.of(DocumentKind.WHITE_PAPER_CHANGE, DocumentKind.OFFER_PUBLICATION, DocumentKind.RESULTS_REPORT,
                DocumentKind.UNDERWRITING_CONTRACT, DocumentKind.CURE_DOCUMENTS, DocumentKind.BURN_DECISION,
                DocumentKind.LIQUIDATION_DECISION);
    }

    private Deadline deadline(String what, String paragraph, LocalDate due, LocalDate today) {
        return new Deadline(what, paragraph, due, calendar.workingDaysBetween(today, due));
    }

    @PostMapping("/portal/emissions/{id}/documents")
    String upload(@PathVariable UUID id, @RequestParam DocumentKind kind, @RequestParam("file") MultipartFile file,
            RedirectAttributes ra) throws IOException {
        CurrentActor actor = actors.current();
        byte[] content = file.getBytes();
        Flash.run(ra, "portal.done.document", () -> emissions.fileDocument(id, kind, file.getOriginalFilename(),
                file.getContentType(), content, actor));
        return "redirect:/portal/emissions/" + id + "#documents";
    }

    @PostMapping("/portal/emissions/{id}/submit")
    String submit(@PathVariable UUID id, @RequestParam long version, RedirectAttributes ra) {
        CurrentActor actor = actors.current();
        Flash.run(ra, "portal.done.submit", () -> emissions.submit(id, Optional.of(version), actor));
        return "redirect:/portal/emissions/" + id;
    }

    @PostMapping("/portal/emissions/{id}/fees")
    String pay(@PathVariable UUID id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
            @RequestParam BigDecimal amount, @RequestParam String currency, @RequestParam(required = false) String quarter,
            RedirectAttributes ra) {
        CurrentActor actor = actors.current();
        Optional<kg.vareg.backend.fees.QuarterId> q = Optional.ofNullable(quarter).filter(s -> s.matches("^\\d{4}-Q[1-4]$"))
                .map(s -> new kg.vareg.backend.fees.QuarterId(Integer.parseInt(s.substring(0, 4)), s.charAt(6) - '0'));
        Flash.run(ra, "portal.done.fee", () -> emissions.recordFeePayment(id, q, paidOn, amount, currency, actor));
        return "redirect:/portal/emissions/" + id + "#fees";
    }

    @PostMapping("/portal/emissions/{id}/offer")
    String offer(@PathVariable UUID id, @RequestParam long version,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate disclosedOn, @RequestParam String url,
            RedirectAttributes ra) {
        CurrentActor actor = actors.current();
        Flash.run(ra, "portal.done.offer", () -> {
            if (!url.matches("^https?://.+")) throw new InvalidFieldException("url", "must be an http(s) URL");
            emissions.discloseOffer(id, Optional.of(version), disclosedOn, url, actor);
        });
        return "redirect:/portal/emissions/" + id;
    }

    @PostMapping("/portal/emissions/{id}/placement")
    String placement(@PathVariable UUID id, @RequestParam long version,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedOn, RedirectAttributes ra) {
        CurrentActor actor = actors.current();
        Flash.run(ra, "portal.done.placement", () -> emissions.startPlacement(id, Optional.of(version), startedOn, actor));
        return "redirect:/portal/emissions/" + id;
    }

    @PostMapping("/portal/emissions/{id}/results")
    String results(@PathVariable UUID id, @RequestParam long version,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate actualEnd, @RequestParam BigInteger placed,
            @RequestParam BigDecimal proceeds, @RequestParam("report") MultipartFile report, RedirectAttributes ra) throws IOException {
        CurrentActor actor = actors.current();
        byte[] content = report.getBytes();
        // The report document is filed first (its own journalled change), then the results refer to it (¶30).
        if (Flash.run(ra, "portal.done.document", () -> ra.addFlashAttribute("reportId", emissions.fileDocument(id,
                DocumentKind.RESULTS_REPORT, report.getOriginalFilename(), report.getContentType(), content, actor).id()))) {
            UUID reportId = (UUID) ra.getFlashAttributes().get("reportId");
            Flash.run(ra, "portal.done.results", () -> emissions.reportResults(id, Optional.of(version + 1), actualEnd, placed,
                    proceeds, reportId, actor));
        }
        return "redirect:/portal/emissions/" + id;
    }

    @PostMapping("/portal/emissions/{id}/burns")
    String burn(@PathVariable UUID id, @RequestParam long version, @RequestParam BigInteger quantity,
            @RequestParam BurnReason reason, @RequestParam(required = false) String transactionHash, RedirectAttributes ra) {
        CurrentActor actor = actors.current();
        String tx = transactionHash == null || transactionHash.isBlank() ? null : transactionHash.trim();
        Flash.run(ra, "portal.done.burn", () -> {
            if (tx != null && !tx.matches("^0x[0-9a-fA-F]{64}$")) {
                throw new InvalidFieldException("transactionHash", "must be a 32-byte transaction hash (0x + 64 hex)");
            }
            emissions.recordBurn(id, Optional.of(version), quantity, reason, tx, null, actor);
        });
        return "redirect:/portal/emissions/" + id;
    }
}
