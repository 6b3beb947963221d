package kg.vareg.backend.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kg.vareg.backend.calendar.LegalTerm;
import kg.vareg.backend.calendar.WorkingDayCalendar;
import kg.vareg.backend.documents.DocumentKind;
import kg.vareg.backend.documents.Documents;
import kg.vareg.backend.emissions.Emission;
import kg.vareg.backend.emissions.EmissionEvent.RefusalGround;
import kg.vareg.backend.emissions.EmissionEvent.SuccessGround;
import kg.vareg.backend.emissions.EmissionService;
import kg.vareg.backend.kernel.EmissionState;
import kg.vareg.backend.emissions.EmissionView;
import kg.vareg.backend.issuers.Issuer;
import kg.vareg.backend.issuers.IssuerKind;
import kg.vareg.backend.issuers.IssuerService;
import kg.vareg.backend.security.CurrentActor;
import kg.vareg.backend.security.CurrentActors;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registrar's console (regulator staff): queues by legal deadline with the working days left, an application
 * with its ¶9 checklist, collateral computation (¶3-5..3-10), documents and fees (¶26-28), and the decisions the
 * state allows now. Every command goes through {@link EmissionService}, which checks the role and the ¶ again.
 */
@Controller
class ConsolePages {
    private final EmissionService emissions;
    private final IssuerService issuers;
    private final Documents documents;
    private final WorkingDayCalendar calendar;
    private final CurrentActors actors;
    private final OnChainState onChain;
    private final Clock clock;

    ConsolePages(EmissionService emissions, IssuerService issuers, Documents documents, WorkingDayCalendar calendar,
            CurrentActors actors, OnChainState onChain, Clock clock) {
        this.emissions = emissions;
        this.issuers = issuers;
        this.documents = documents;
        this.calendar = calendar;
        this.actors = actors;
        this.onChain = onChain;
        this.clock = clock;
    }

    @GetMapping("/console")
    String queue(Model model) {
        CurrentActor actor = actors.current();
        LocalDate today = LocalDate.now(clock);
        List<Queue> queue = new ArrayList<>();
        Set<EmissionState> open = EnumSet.of(EmissionState.SUBMITTED, EmissionState.RESULTS_REPORTED, EmissionState.SUSPENDED,
                EmissionState.REGISTERED, EmissionState.OFFER_DISCLOSED, EmissionState.PLACEMENT, EmissionState.SUCCESSFUL);
        for (EmissionState s : open) {
            for (Emission e : emissions.list(Optional.of(s), Optional.empty(), actor, Pageable.ofSize(500)).getContent()) {
                String name = issuers.find(e.issuerId()).map(Issuer::fullName).orElse("");
                String number = e.registrationNumber().orElse(null);
                if (s == EmissionState.SUBMITTED && e.decisionDue().isPresent()) {
                    queue.add(line(e, name, number, "decision", "¶10", e.decisionDue().get(), today));
                }
                if (s == EmissionState.RESULTS_REPORTED && e.resultsReportedOn().isPresent()) {
                    queue.add(line(e, name, number, "results", "¶34",
                            calendar.deadline(LegalTerm.RESULTS_DECISION, e.resultsReportedOn().get()), today));
                }
                if (e.cureDeadline().isPresent() && (s == EmissionState.SUSPENDED || s == EmissionState.RESULTS_REPORTED)) {
                    queue.add(line(e, name, number, "cure", "¶37", e.cureDeadline().get(), today));
                }
                if (e.whitePaperChangeRequestedOn().isPresent()) {
                    queue.add(line(e, name, number, "whitePaper", "¶7",
                            calendar.deadline(LegalTerm.WHITE_PAPER_CHANGE_ANSWER, e.whitePaperChangeRequestedOn().get()), today));
                }
            }
        }
        queue.sort(Comparator.comparing(Queue::due));
        model.addAttribute("queue", queue);
        model.addAttribute("today", today);
        model.addAttribute("drafts", emissions.list(Optional.of(EmissionState.DRAFT), Optional.empty(), actor, Pageable.ofSize(1))
                .getTotalElements());
        return "console/queue";
    }

    private Queue line(Emission e, String issuer, String number, String what, String paragraph, LocalDate due, LocalDate today) {
        return new Queue(e.id(), issuer, e.state().name(), what, paragraph, due, calendar.workingDaysBetween(today, due), number);
    }

    /** ¶9 checklist: every package item that applies to this issuer, filed or missing (item 4 is the structured data). */
    public record ChecklistItem(int item, DocumentKind kind, boolean filed, boolean privateData) {}

    @GetMapping("/console/emissions/{id}")
    String application(@PathVariable UUID id, Model model) {
        CurrentActor actor = actors.current();
        Emission e = emissions.get(id, actor);
        Issuer issuer = issuers.get(e.issuerId(), actor);
        var docs = documents.of(id);
        List<ChecklistItem> checklist = new ArrayList<>();
        for (DocumentKind k : DocumentKind.values()) {
            if (k.packageItem().isEmpty()) continue;
            boolean applies = switch (k.applies()) {
                case ALL -> true;
                case LEGAL_ENTITY -> issuer.kind() == IssuerKind.LEGAL_ENTITY;
                case NATURAL_PERSON -> issuer.kind() == IssuerKind.NATURAL_PERSON;
                case NONE -> false;
            };
            if (!applies) continue;
            boolean filed = k == DocumentKind.BLOCKCHAIN_DATA || docs.stream().anyMatch(d -> d.kind() == k);
            checklist.add(new ChecklistItem(k.packageItem().get(), k, filed, k.privateData()));
        }
        EmissionView view = EmissionView.of(e);
        model.addAttribute("e", view);
        model.addAttribute("issuer", issuer);
        model.addAttribute("documents", docs);
        model.addAttribute("checklist", checklist);
        model.addAttribute("coverage", emissions.coverage(id, actor));
        model.addAttribute("fees", emissions.feeStatus(id, actor));
        model.addAttribute("decisions", Decisions.allowed(view));
        model.addAttribute("refusalGrounds", RefusalGround.values());
        model.addAttribute("successGrounds", List.of(SuccessGround.ALL_PLACED, SuccessGround.MINIMUM_QUANTITY_PLACED));
        model.addAttribute("chain", onChain.of(id).orElse(null));
        model.addAttribute("today", LocalDate.now(clock));
        if (e.decisionDue().isPresent() && e.state() == EmissionState.SUBMITTED) {
            model.addAttribute("wdLeft", calendar.workingDaysBetween(LocalDate.now(clock), e.decisionDue().get()));
        }
        return "console/application";
    }

    @PostMapping("/console/emissions/{id}/{action}")
    String decide(@PathVariable UUID id, @PathVariable String action, @RequestParam long version,
            @RequestParam(required = false) String text, @RequestParam(required = false) List<RefusalGround> grounds,
            @RequestParam(required = false) SuccessGround ground, RedirectAttributes ra) {
        CurrentActor actor = actors.current();
        Optional<Long> v = Optional.of(version);
        Map<String, Runnable> commands = new LinkedHashMap<>();
        commands.put("register", () -> emissions.register(id, v, actor));
        commands.put("refuse", () -> emissions.refuse(id, v, grounds == null ? List.of() : grounds, text, actor));
        commands.put("suspend", () -> emissions.suspend(id, v, text, actor));
        commands.put("lift", () -> emissions.liftSuspension(id, v, actor));
        commands.put("cure", () -> emissions.grantCurePeriod(id, v, text, actor));
        commands.put("unsuccessful", () -> emissions.declareUnsuccessful(id, v, text, actor));
        commands.put("successful", () -> emissions.declareSuccessful(id, v, ground, null, actor));
        commands.put("wp-approve", () -> emissions.answerWhitePaperChange(id, v, true, null, actor));
        commands.put("wp-refuse", () -> emissions.answerWhitePaperChange(id, v, false, text, actor));
        Runnable command = commands.get(action);
        if (command == null) throw new kg.vareg.backend.api.NotFoundException("no decision " + action);
        if (!Flash.run(ra, "console.done." + action, command)) {
            ra.addFlashAttribute("failedAction", action);
            ra.addFlashAttribute("typedText", text);
        }
        return "redirect:/console/emissions/" + id;
    }
}
