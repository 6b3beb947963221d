package kg.vareg.backend.emissions;

import static kg.vareg.backend.emissions.EmissionChanges.ISSUER;
import static kg.vareg.backend.emissions.EmissionChanges.REGULATOR;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.calendar.WorkingDayCalendar;
import kg.vareg.backend.documents.DocumentKind;
import kg.vareg.backend.documents.Documents;
import kg.vareg.backend.documents.StoredDocument;
import kg.vareg.backend.emissions.EmissionEvent.NoticeKind;
import kg.vareg.backend.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Notices, deliveries and disclosures (¶11, ¶38-40, ¶54-56): recorded acts and what is still owed. */
@Service
public class NoticeService {
    private final EmissionChanges changes;
    private final Documents documents;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    NoticeService(EmissionChanges changes, Documents documents, WorkingDayCalendar calendar, Clock clock) {
        this.changes = changes;
        this.documents = documents;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * ¶11, ¶38-39, ¶54-56 (the regulator's notices: registrar or supervisor) and ¶40 (the issuer's disclosure to the
     * trading operator): records the act with its date, recipients and the hash of the document sent, if any.
     */
    @Transactional
    public Emission recordNotice(UUID id, Optional<Long> v, NoticeFacts facts, UUID documentId, CurrentActor actor) {
        NoticeKind kind = facts.kind();
        boolean byIssuer = kind.party() == EmissionEvent.Party.ISSUER;
        return changes.change(id, v, actor, byIssuer ? ISSUER : REGULATOR, byIssuer
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
        return changes.load(id, actor).noticeObligations(calendar).stream().map(o -> NoticeView.of(o, today)).toList();
    }
}
