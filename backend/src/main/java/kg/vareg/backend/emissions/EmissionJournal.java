package kg.vareg.backend.emissions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kg.vareg.backend.documents.Documents;
import kg.vareg.backend.documents.StoredDocument;
import kg.vareg.backend.issuers.Issuer;
import kg.vareg.backend.issuers.IssuerService;
import kg.vareg.backend.register.JournalRecord;
import kg.vareg.backend.register.JournalWriter;
import kg.vareg.backend.security.ActorCommitments;
import kg.vareg.backend.security.CurrentActor;
import kg.vareg.backend.security.FourEyes;
import org.springframework.stereotype.Component;

/**
 * Turns an emission's {@link EmissionEvent}s into its history rows and exactly one journal record
 * (docs/journal-record-format.md): the record's type is the first event's, each event enters with its ¶ and public
 * changes, a registration or register change carries the ¶62 entry, a confirmed four-eyes decision its confirmation,
 * and the commitments are the events' own plus who acted (salted; the public log names no account, ¶66).
 */
@Component
class EmissionJournal {
    private final EmissionHistory history;
    private final JournalWriter journal;
    private final IssuerService issuers;
    private final FourEyes fourEyes;
    private final ActorCommitments actors;
    private final Clock clock;

    EmissionJournal(EmissionHistory history, JournalWriter journal, IssuerService issuers, FourEyes fourEyes,
            ActorCommitments actors, Clock clock) {
        this.history = history;
        this.journal = journal;
        this.issuers = issuers;
        this.fourEyes = fourEyes;
        this.actors = actors;
        this.clock = clock;
    }

    void record(Emission e, List<EmissionEvent> events, CurrentActor actor, List<StoredDocument> documents) {
        if (events.isEmpty()) throw new IllegalStateException("a change of emission " + e.id() + " recorded no event");
        Instant now = clock.instant();
        for (EmissionEvent ev : events) history.append(e.id(), ev, actor.role(), now);
        List<Map<String, Object>> journalEvents = new ArrayList<>();
        Map<String, String> commitments = new LinkedHashMap<>();
        for (EmissionEvent ev : events) {
            Map<String, Object> changes = new LinkedHashMap<>(ev.changes());
            if (ev.unwrapped() instanceof EmissionEvent.EmissionRegistered || ev.unwrapped() instanceof EmissionEvent.RegisterAmended) {
                // ¶62: the register entry's public content enters the journal with the registration.
                changes.put("entry", registerEntryFields(e));
            }
            journalEvents.add(event(ev.type(), ev.paragraph(), changes));
            commitments.putAll(ev.commitments());
        }
        // Four-eyes: the confirmed decision carries its confirmation (roles; the accounts as commitments).
        Optional<FourEyes.Confirmation> confirmation = fourEyes.confirming();
        confirmation.ifPresent(c -> journalEvents.add(c.journalEvent()));
        commitments.putAll(actors.forChange(actor, confirmation));
        journal.append(new JournalRecord(events.getFirst().type(),
                JournalRecord.subject(e.id(), e.issuerId(), e.registrationNumber().orElse(null)), now,
                actor.role(), journalEvents, commitments, documents.stream().map(Documents::journalRef).toList()));
    }

    private Map<String, Object> registerEntryFields(Emission e) {
        Issuer issuer = issuers.find(e.issuerId()).orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuerFullName", issuer.fullName());
        issuer.stateRegistrationData().ifPresent(v -> m.put("issuerStateRegistration", v));
        issuer.legalForm().ifPresent(v -> m.put("issuerLegalForm", v));
        m.put("issuerLegalAddress", issuer.legalAddress());
        m.putAll(PublicTerms.of(e));
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
}
