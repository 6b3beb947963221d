package kg.vareg.backend.emissions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kg.vareg.backend.calendar.WorkingDayCalendar;
import kg.vareg.backend.emissions.EmissionEvent.NoticeKind;
import kg.vareg.backend.emissions.EmissionEvent.Recipient;
import kg.vareg.backend.kernel.EmissionState;
import kg.vareg.backend.kernel.RuleViolation;

/**
 * Notices, deliveries and disclosures (¶11, ¶38-40, ¶54-56) over an {@link Emission}'s recorded acts: when each is
 * owed (its trigger), to whom, by when, and whether an act may be recorded. The acts themselves are the aggregate's
 * (appended only); this class holds the rules.
 */
final class NoticeRules {
    private final Emission emission;
    private final List<NoticeAct> acts;

    NoticeRules(Emission emission, List<NoticeAct> acts) {
        this.emission = emission;
        this.acts = acts;
    }

    /**
     * Records the act once its trigger happened, once per recipient, not in the future and not before the trigger. A
     * late act is recorded and flagged {@code late} — the fact is kept, not refused. Returns one event per recipient.
     */
    List<EmissionEvent> record(NoticeFacts facts, String recordedBy, WorkingDayCalendar calendar, LocalDate today) {
        NoticeKind kind = facts.kind();
        LocalDate trigger = trigger(kind).orElseThrow(() -> new RuleViolation(
                kind == NoticeKind.PRIOR_NOTICE || kind == NoticeKind.WRITTEN_CONFIRMATION || kind == NoticeKind.WEBSITE_PUBLICATION
                        ? "¶54" : kind.paragraph(), notYet(kind)));
        LocalDate actOn = facts.actOn() == null ? today : facts.actOn();
        Emission.require(!actOn.isAfter(today), kind.paragraph(), "the notice date " + actOn + " is in the future");
        Emission.require(!actOn.isBefore(trigger), kind.paragraph(), "the notice date " + actOn + " is before the decision of " + trigger);
        if (kind == NoticeKind.PRIOR_NOTICE) {
            Emission.require(facts.channel() != null && facts.channel().electronic(), "¶55",
                    "the prior notice goes by phone, fax or other electronic means (PHONE, FAX, EMAIL, OTHER_ELECTRONIC)");
        }
        List<Recipient> recipients = facts.recipients().isEmpty() ? kind.recipients() : facts.recipients();
        for (Recipient r : recipients) {
            Emission.require(kind.recipients().contains(r), kind.paragraph(), "a " + kind + " goes to " + kind.recipients() + ", not to " + r);
        }
        Emission.require(recipients.stream().distinct().count() == recipients.size(), kind.paragraph(), "a recipient is named twice");
        for (Recipient r : recipients) {
            act(kind, r).ifPresent(done -> {
                throw new RuleViolation(kind.paragraph(), "the " + kind + " to " + r + " is already recorded (done on " + done.actOn() + ")");
            });
        }
        LocalDate due = kind.term().map(t -> calendar.deadline(t, trigger)).orElse(null);
        // ¶11: the copies delivered are of the white paper registered in the register (by its hash).
        String whitePaper = kind == NoticeKind.REGISTRATION_DECISION_DELIVERY ? emission.whitePaperSha256().orElse(null) : null;
        List<EmissionEvent> events = new ArrayList<>();
        for (Recipient r : recipients) {
            NoticeAct act = new NoticeAct(kind, r, actOn, today, due, facts.channel(), facts.documentSha256(), facts.url(), recordedBy);
            acts.add(act);
            events.add(new EmissionEvent.NoticeRecorded(kind, r, actOn, today, due, act.late(), facts.channel(),
                    facts.documentSha256(), facts.url(), whitePaper));
        }
        return events;
    }

    /** Every notice owed by now (its trigger happened), per recipient, with its deadline and the act once recorded. */
    List<NoticeObligation> obligations(WorkingDayCalendar calendar) {
        List<NoticeObligation> out = new ArrayList<>();
        for (NoticeKind kind : NoticeKind.values()) {
            Optional<LocalDate> trigger = trigger(kind);
            if (trigger.isEmpty()) continue;
            Optional<LocalDate> due = kind.term().map(t -> calendar.deadline(t, trigger.get()));
            for (Recipient r : kind.recipients()) {
                out.add(new NoticeObligation(kind, r, trigger.get(), due, act(kind, r)));
            }
        }
        return out;
    }

    /** The day a notice's term runs from, once the decision it reports exists. */
    private Optional<LocalDate> trigger(NoticeKind kind) {
        return switch (kind) {
            case REGISTRATION_DECISION_DELIVERY -> emission.registeredOn();
            case SUCCESS_DECISION_NOTICE, RESULTS_DISCLOSURE ->
                    emission.successGround().isEmpty() ? Optional.empty() : emission.resultsDecidedOn();
            case SUCCESS_REFUSAL_NOTICE -> emission.state() == EmissionState.UNSUCCESSFUL ? emission.resultsDecidedOn() : Optional.empty();
            case PRIOR_NOTICE, WRITTEN_CONFIRMATION, WEBSITE_PUBLICATION -> emission.numberCancelledOn();
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

    private Optional<NoticeAct> act(NoticeKind kind, Recipient recipient) {
        return acts.stream().filter(n -> n.kind() == kind && n.recipient() == recipient).findFirst();
    }
}
