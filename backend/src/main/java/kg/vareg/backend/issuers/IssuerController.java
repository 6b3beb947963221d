package kg.vareg.backend.issuers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kg.vareg.backend.numbering.IssuerCode;
import kg.vareg.backend.numbering.Region;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.backend.security.CurrentActor;
import kg.vareg.backend.security.CurrentActors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.*;

/** Issuers and their collateral parties. The registrar records issuers; private data (¶66) is shown only to staff and the issuer. */
@RestController
@RequestMapping("/api/v1/issuers")
@Tag(name = "Issuers", description = "Issuers (¶62, ¶67-68), collateral managers and providers (¶3-2, ¶3-3)")
class IssuerController {
    private final IssuerService service;
    private final CurrentActors actors;

    IssuerController(IssuerService service, CurrentActors actors) {
        this.service = service;
        this.actors = actors;
    }

    record IssuerRequest(@NotNull IssuerKind kind, @NotBlank @Size(max = 500) String fullName,
            @Size(max = 200) String legalForm, @Size(max = 500) String stateRegistrationData,
            @NotBlank @Size(max = 1000) String legalAddress,
            @NotNull @Pattern(regexp = "^[A-Z0-9]{4}$", message = "must be 4 capital Latin letters or digits (¶68)") String issuerCode,
            @NotNull Region region, @Size(max = 500) String website, @Valid IssuerService.PrivateData privateData) {}

    record PartyRequest(@NotNull PartyRole role, @NotBlank @Size(max = 500) String name,
            @NotBlank @Size(max = 500) String registrationData, @NotNull Boolean nonAffiliationDeclared,
            @NotNull Boolean signsDecisionAndWhitePaper) {}

    record IssuerView(UUID id, long version, String kind, String fullName, String legalForm, String stateRegistrationData,
            String legalAddress, String issuerCode, String region, String website, String status,
            String privateDataCommitment, Object privateData) {}

    record PartyView(UUID id, String role, String name, String registrationData, boolean nonAffiliationDeclared,
            boolean signsDecisionAndWhitePaper) {
        static PartyView of(IssuerParty p) {
            return new PartyView(p.id(), p.role().name(), p.name(), p.registrationData(), p.nonAffiliationDeclared(),
                    p.signsDecisionAndWhitePaper());
        }
    }

    static IssuerView view(Issuer i, CurrentActor actor) {
        // ¶66: founders' data only to regulator staff and the issuer itself (callers here are authenticated).
        Object priv = actor.maySee(i.id()) ? tools.jackson.databind.json.JsonMapper.shared().readValue(i.privateData(), Map.class) : null;
        return new IssuerView(i.id(), i.version(), i.kind().name(), i.fullName(), i.legalForm().orElse(null),
                i.stateRegistrationData().orElse(null), i.legalAddress(), i.issuerCode().value(), i.region().name(),
                i.website().orElse(null), i.status().name(), i.privateCommitment(), priv);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an issuer", description = "Registrar only. Assigns the 4-character issuer code and region used "
            + "in registration numbers (¶67-68). Founders and beneficial owners are stored but never public (¶66); the "
            + "journal carries only a salted commitment. Accepts Idempotency-Key.")
    ResponseEntity<IssuerView> create(@Valid @RequestBody IssuerRequest body) {
        CurrentActor actor = actors.current();
        if (actor.role() != ActorRole.REGISTRAR) throw new AccessDeniedException("only the registrar records issuers");
        Issuer i = service.create(new IssuerService.NewIssuer(body.kind(), body.fullName(), body.legalForm(),
                body.stateRegistrationData(), body.legalAddress(), IssuerCode.of(body.issuerCode()), body.region(),
                body.website(), body.privateData()), actor);
        return ResponseEntity.created(URI.create("/api/v1/issuers/" + i.id())).body(view(i, actor));
    }

    @GetMapping
    List<IssuerView> list() {
        CurrentActor actor = actors.current();
        return service.all(actor).stream().map(i -> view(i, actor)).toList();
    }

    @GetMapping("/{id}")
    IssuerView get(@PathVariable UUID id) {
        CurrentActor actor = actors.current();
        return view(service.get(id, actor), actor);
    }

    @PostMapping(path = "/{id}/parties", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Name a collateral manager or third-party collateral provider", description = "¶3-2: the manager "
            + "declares non-affiliation with the issuer and with creditors holding over 10% of its assets; ¶3-3: a provider "
            + "also signs the decision and white paper. Accepts Idempotency-Key.")
    ResponseEntity<PartyView> addParty(@PathVariable UUID id, @Valid @RequestBody PartyRequest body) {
        CurrentActor actor = actors.current();
        if (actor.role() == ActorRole.SUPERVISOR) throw new AccessDeniedException("the supervisor does not record parties");
        IssuerParty p = service.addParty(id, new IssuerService.NewParty(body.role(), body.name(), body.registrationData(),
                body.nonAffiliationDeclared(), body.signsDecisionAndWhitePaper()), actor);
        return ResponseEntity.created(URI.create("/api/v1/issuers/" + id + "/parties/" + p.id())).body(PartyView.of(p));
    }

    @GetMapping("/{id}/parties")
    List<PartyView> parties(@PathVariable UUID id) {
        return service.parties(id, actors.current()).stream().map(PartyView::of).toList();
    }
}
