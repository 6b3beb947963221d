package kg.vareg.backend.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kg.vareg.backend.api.NotFoundException;
import kg.vareg.backend.kernel.EmissionState;
import kg.vareg.backend.numbering.VirtualAssetType;
import kg.vareg.backend.register.PublicRegister;
import kg.vareg.backend.register.RegisterEntry;
import kg.vareg.backend.register.RegistrationNumberInput;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The public site (¶57-66): the register, an emission's page, verification and document checks. No login. */
@Controller
class PublicPages {
    private static final int PAGE_SIZE = 20;

    private final RegisterSearch search;
    private final PublicRegister register;
    private final LogLinks log;
    private final OnChainState onChain;
    private final DocumentMatches documents;
    private final VerifyConfig verifyConfig;
    private final org.springframework.context.MessageSource messages;

    PublicPages(org.springframework.context.MessageSource messages, RegisterSearch search, PublicRegister register, LogLinks log, OnChainState onChain, DocumentMatches documents,
            VerifyConfig verifyConfig) {
        this.search = search;
        this.register = register;
        this.log = log;
        this.onChain = onChain;
        this.documents = documents;
        this.verifyConfig = verifyConfig;
        this.messages = messages;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/register";
    }

    @GetMapping("/register")
    String register(@Valid @ModelAttribute("q") SearchForm q, BindingResult errors, Model model) {
        model.addAttribute("states", EmissionState.values());
        model.addAttribute("types", VirtualAssetType.values());
        if (errors.hasErrors()) {
            model.addAttribute("result", new RegisterSearch.Result(List.of(), 0, PAGE_SIZE, 0));
        } else {
            model.addAttribute("result", search.search(q.filter(), q.getPage(), PAGE_SIZE));
        }
        return "public/register";
    }

    @GetMapping("/register/{number}")
    String emission(@PathVariable String number, Model model) {
        RegisterEntry entry = register.byNumber(RegistrationNumberInput.canonical("number", number))
                .orElseThrow(() -> new NotFoundException("no emission with number " + number + " in the register"));
        model.addAttribute("e", entry);
        model.addAttribute("history", register.history(entry.emissionId()).stream().map(HistoryItem::of).toList());
        List<LogLinks.JournalLink> links = log.ofEmission(entry.emissionId());
        model.addAttribute("journal", links);
        Optional<LogLinks.JournalLink> lastInLog = links.reversed().stream().filter(LogLinks.JournalLink::inLog).findFirst();
        model.addAttribute("lastInLog", lastInLog.orElse(null));
        model.addAttribute("anchor", lastInLog.flatMap(l -> log.anchorCovering(l.leafIndex())).orElse(null));
        model.addAttribute("chain", onChain.of(entry.emissionId()).orElse(null));
        model.addAttribute("chart", onChain.of(entry.emissionId()).map(s -> SupplyChart.of(s.supply())).orElse(null));
        model.addAttribute("verify", verifyConfig);
        return "public/emission";
    }

    @GetMapping("/verify/document")
    String checkDocument(Model model, java.util.Locale locale) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (kg.vareg.backend.documents.DocumentKind k : kg.vareg.backend.documents.DocumentKind.values()) {
            names.put(k.name(), messages.getMessage("docKind." + k.name(), null, k.name(), locale));
        }
        names.put("REGISTER_EXTRACT", messages.getMessage("docKind.REGISTER_EXTRACT", null, "extract", locale));
        // JSON inside <script type="application/json">: "</" is escaped so the text cannot close the element.
        model.addAttribute("kindNamesJson", tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(names).replace("</", "<\\/"));
        return "public/check-document";
    }

    /** The hash lookup behind "check a document" (the file itself never leaves the browser). */
    @GetMapping(path = "/documents/match", produces = "application/json")
    @ResponseBody
    ResponseEntity<?> match(@RequestParam String sha256) {
        if (!DocumentMatches.SHA256.matcher(sha256.toLowerCase()).matches()) {
            return ResponseEntity.badRequest().body(Map.of("field", "sha256", "message", "64 hex characters"));
        }
        return ResponseEntity.ok(Map.of("sha256", sha256.toLowerCase(), "matches", documents.find(sha256)));
    }
}
