package kg.vareg.backend.issuers;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.api.ConflictException;
import kg.vareg.backend.api.NotFoundException;
import kg.vareg.backend.numbering.IssuerCode;
import kg.vareg.backend.numbering.Region;
import kg.vareg.backend.register.Commitments;
import kg.vareg.backend.register.JournalRecord;
import kg.vareg.backend.register.JournalWriter;
import kg.vareg.backend.security.CurrentActor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records issuers and their collateral parties; every change journals one row (¶62 public data, ¶66 commitments). */
@Service
public class IssuerService {
    private final IssuerRepository issuers;
    private final IssuerPartyRepository parties;
    private final JournalWriter journal;
    private final Clock clock;

    IssuerService(IssuerRepository issuers, IssuerPartyRepository parties, JournalWriter journal, Clock clock) {
        this.issuers = issuers;
        this.parties = parties;
        this.journal = journal;
        this.clock = clock;
    }

    /** The issuer's founders, beneficial owners and personal data: never public (¶66). */
    public record PrivateData(List<Map<String, Object>> founders, List<Map<String, Object>> beneficialOwners,
            Map<String, Object> personalData) {}

    public record NewIssuer(IssuerKind kind, String fullName, String legalForm, String stateRegistrationData,
            String legalAddress, IssuerCode issuerCode, Region region, String website, PrivateData privateData) {}

    public record NewParty(PartyRole role, String name, String registrationData, boolean nonAffiliationDeclared,
            boolean signsDecisionAndWhitePaper) {}

    @Transactional
    public Issuer create(NewIssuer cmd, CurrentActor actor) {
        if (issuers.existsByIssuerCode(cmd.issuerCode().value())) {
            throw new ConflictException("issuer code " + cmd.issuerCode() + " is already assigned; codes are assigned once per issuer (¶68)");
        }
        Map<String, Object> priv = new LinkedHashMap<>();
        priv.put("founders", cmd.privateData() == null ? List.of() : orEmpty(cmd.privateData().founders()));
        priv.put("beneficialOwners", cmd.privateData() == null ? List.of() : orEmpty(cmd.privateData().beneficialOwners()));
        priv.put("personalData", cmd.privateData() == null || cmd.privateData().personalData() == null
                ? Map.of() : cmd.privateData().personalData());
        byte[] salt = Commitments.newSalt();
        String commitment = Commitments.commit(salt, priv);
        Issuer issuer = new Issuer(UUID.randomUUID(), cmd.kind(), cmd.fullName(), cmd.legalForm(), cmd.stateRegistrationData(),
                cmd.legalAddress(), cmd.issuerCode(), cmd.region(), cmd.website(), Commitments.canonicalText(priv), salt,
                commitment, clock.instant());
        issuers.saveAndFlush(issuer);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("kind", issuer.kind().name());
        changes.put("fullName", issuer.fullName());
        issuer.legalForm().ifPresent(v -> changes.put("legalForm", v));
        issuer.stateRegistrationData().ifPresent(v -> changes.put("stateRegistrationData", v));
        changes.put("legalAddress", issuer.legalAddress());
        changes.put("issuerCode", issuer.issuerCode().value());
        changes.put("region", issuer.region().name());
        changes.put("status", issuer.status().name());
        journal.append(new JournalRecord("IssuerRecorded", JournalRecord.subject(null, issuer.id(), null), clock.instant(),
                actor.role(), List.of(Map.of("type", "IssuerRecorded", "paragraph", "¶62, ¶66, ¶68", "changes", changes)),
                Map.of("privateData", commitment), List.of()));
        return issuer;
    }

    private static List<Map<String, Object>> orEmpty(List<Map<String, Object>> list) {
        return list == null ? List.of() : list;
    }

    @Transactional
    public IssuerParty addParty(UUID issuerId, NewParty cmd, CurrentActor actor) {
        Issuer issuer = get(issuerId, actor);
        if (cmd.role() == PartyRole.COLLATERAL_MANAGER && !cmd.nonAffiliationDeclared()) {
            throw new kg.vareg.backend.kernel.RuleViolation("¶3-2", "the collateral manager must declare it is not affiliated"
                    + " with the issuer nor with a creditor whose claims exceed 10% of the issuer's balance-sheet assets");
        }
        if (cmd.role() == PartyRole.COLLATERAL_PROVIDER && !cmd.signsDecisionAndWhitePaper()) {
            throw new kg.vareg.backend.kernel.RuleViolation("¶3-3", "a third-party collateral provider also signs the decision and the white paper");
        }
        IssuerParty party = parties.saveAndFlush(new IssuerParty(UUID.randomUUID(), issuer.id(), cmd.role(), cmd.name(),
                cmd.registrationData(), cmd.nonAffiliationDeclared(), cmd.signsDecisionAndWhitePaper(), clock.instant()));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("party", party.id().toString());
        changes.put("role", party.role().name());
        changes.put("name", party.name());
        changes.put("registrationData", party.registrationData());
        changes.put("nonAffiliationDeclared", party.nonAffiliationDeclared());
        changes.put("signsDecisionAndWhitePaper", party.signsDecisionAndWhitePaper());
        journal.append(new JournalRecord("CollateralPartyRecorded", JournalRecord.subject(null, issuer.id(), null),
                clock.instant(), actor.role(), List.of(Map.of("type", "CollateralPartyRecorded", "paragraph", "¶3-2, ¶3-3",
                "changes", changes)), Map.of(), List.of()));
        return party;
    }

    /** The issuer, if the caller may see it (an issuer user only its own; otherwise 404, not 403: no existence leak). */
    @Transactional(readOnly = true)
    public Issuer get(UUID id, CurrentActor actor) {
        return issuers.findById(id).filter(i -> actor.maySee(i.id()))
                .orElseThrow(() -> new NotFoundException("no issuer " + id));
    }

    /** Public lookup (¶66: only public fields leave through the public API). */
    @Transactional(readOnly = true)
    public Optional<Issuer> find(UUID id) {
        return issuers.findById(id);
    }

    @Transactional(readOnly = true)
    public List<Issuer> all(CurrentActor actor) {
        if (actor.isIssuer()) {
            return actor.issuerId().flatMap(issuers::findById).map(List::of).orElse(List.of());
        }
        return issuers.findAll();
    }

    @Transactional(readOnly = true)
    public List<IssuerParty> parties(UUID issuerId, CurrentActor actor) {
        get(issuerId, actor);
        return parties.findByIssuerIdOrderByCreatedAt(issuerId);
    }

    @Transactional(readOnly = true)
    public Optional<IssuerParty> party(UUID partyId) {
        return parties.findById(partyId);
    }

    static void requireRegistrar(CurrentActor actor) {
        if (actor.role() != kg.vareg.backend.kernel.ActorRole.REGISTRAR) {
            throw new AccessDeniedException("only the registrar records issuers");
        }
    }
}
