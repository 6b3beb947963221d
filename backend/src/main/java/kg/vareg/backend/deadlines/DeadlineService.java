package kg.vareg.backend.deadlines;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import kg.vareg.backend.calendar.CalendarYearNotConfiguredException;
import kg.vareg.backend.calendar.LegalTerm;
import kg.vareg.backend.calendar.WorkingDayCalendar;
import kg.vareg.backend.emissions.Emission;
import kg.vareg.backend.emissions.EmissionEvent;
import kg.vareg.backend.emissions.NoticeAct;
import kg.vareg.backend.emissions.NoticeObligation;
import kg.vareg.backend.emissions.EmissionService;
import kg.vareg.backend.kernel.EmissionState;
import kg.vareg.backend.fees.FeeStatus;
import kg.vareg.backend.security.CurrentActor;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What is due, by whom, when, and what is overdue — computed from the emissions' state and the calendar. */
@Service
public class DeadlineService {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeadlineService.class);
    private final EmissionService emissions;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    DeadlineService(EmissionService emissions, WorkingDayCalendar calendar, Clock clock) {
        this.emissions = emissions;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Deadline> due(CurrentActor actor, boolean overdueOnly, Optional<String> dueBy) {
        return due(actor, overdueOnly, dueBy, true);
    }

    /** {@code includeDone}: also the notices already recorded (status DONE). */
    @Transactional(readOnly = true)
    public List<Deadline> due(CurrentActor actor, boolean overdueOnly, Optional<String> dueBy, boolean includeDone) {
        LocalDate today = LocalDate.now(clock);
        List<Deadline> out = new ArrayList<>();
        for (Emission e : emissions.list(Optional.empty(), Optional.empty(), actor, Pageable.unpaged())) {
            try {
                collect(e, today, actor, out);
            } catch (CalendarYearNotConfiguredException missing) {
                // A term reaching into a year whose holidays are not configured yet: say so, never guess.
                log.warn("deadline of emission {} not computed: {}", e.id(), missing.getMessage());
            }
        }
        return out.stream()
                .filter(d -> !overdueOnly || d.overdue())
                .filter(d -> includeDone || d.status() != Deadline.Status.DONE)
                .filter(d -> dueBy.map(r -> r.equalsIgnoreCase(d.dueBy())).orElse(true))
                .sorted(Comparator.comparing(Deadline::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /**
     * Every term one emission runs now (and the notices already given), as of today — for the public view of
     * an emission's terms. Reads as the system (the caller decides what is public).
     */
    @Transactional(readOnly = true)
    public List<Deadline> forEmission(java.util.UUID emissionId) {
        LocalDate today = LocalDate.now(clock);
        CurrentActor system = CurrentActor.system();
        List<Deadline> out = new ArrayList<>();
        collect(emissions.get(emissionId, system), today, system, out);
        out.sort(Comparator.comparing(Deadline::due, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    private void collect(Emission e, LocalDate today, CurrentActor actor, List<Deadline> out) {
        EmissionState s = e.state();
        EmissionState phase = s == EmissionState.SUSPENDED ? e.stateBeforeSuspension().orElse(s) : s;
        if (s == EmissionState.SUBMITTED) {
            add(out, e, today, "decide on the registration (register or refuse with reasons)", "¶10", "REGISTRAR", e.decisionDue().orElseThrow(),
                    e.submittedOn().orElse(null), LegalTerm.REGISTRATION_DECISION.label());
        }
        e.whitePaperChangeRequestedOn().ifPresent(on -> add(out, e, today, "answer the white paper change request", "¶7",
                "REGISTRAR", calendar.deadline(LegalTerm.WHITE_PAPER_CHANGE_ANSWER, on), on, LegalTerm.WHITE_PAPER_CHANGE_ANSWER.label()));
        if (phase == EmissionState.PLACEMENT) {
            add(out, e, today, "file the results report (Annex 6)", "¶30", "ISSUER",
                    calendar.deadline(LegalTerm.RESULTS_REPORT, e.placementEnd()), e.placementEnd(), LegalTerm.RESULTS_REPORT.label());
        }
        if (phase == EmissionState.RESULTS_REPORTED) {
            add(out, e, today, "recognise the results (after this day the emission can no longer be declared unsuccessful)",
                    "¶34", "REGISTRAR", calendar.deadline(LegalTerm.RESULTS_DECISION, e.resultsReportedOn().orElseThrow()),
                    e.resultsReportedOn().orElseThrow(), LegalTerm.RESULTS_DECISION.label());
        }
        e.cureDeadline().ifPresent(d -> add(out, e, today, "cure the breaches: " + e.cureBreaches().orElse(""), "¶37", "ISSUER", d,
                null, LegalTerm.CURE_PERIOD.label()));
        // ¶11, ¶38-40, ¶54-56: every notice owed, per recipient — due / overdue until recorded, then done.
        for (NoticeObligation n : e.noticeObligations(calendar)) {
            String what = n.kind().duty() + " — to " + recipient(n.recipient());
            String dueBy = n.kind().party() == EmissionEvent.Party.ISSUER ? "ISSUER" : "REGISTRAR";
            if (n.done().isPresent()) {
                NoticeAct a = n.done().get();
                out.add(new Deadline(e.id(), e.registrationNumber().orElse(null), e.issuerId(), what, n.kind().paragraph(), dueBy,
                        n.due().orElse(null), false, null, Deadline.Status.DONE, a.actOn(), a.late(), n.triggeredOn(),
                        n.kind().term().map(LegalTerm::label).orElse(null)));
            } else if (n.due().isPresent()) {
                add(out, e, today, what, n.kind().paragraph(), dueBy, n.due().get(), n.triggeredOn(),
                        n.kind().term().map(LegalTerm::label).orElse(null));
            } else {
                // ¶11 sets no term ("on registration"): owed, never overdue by the calendar.
                out.add(new Deadline(e.id(), e.registrationNumber().orElse(null), e.issuerId(), what + " (no term in "
                        + n.kind().paragraph() + ")", n.kind().paragraph(), dueBy, null, false, null, Deadline.Status.DUE, null, null,
                        n.triggeredOn(), null));
            }
        }
        if (EmissionState.LIVE.contains(s) || s == EmissionState.SUBMITTED) {
            FeeStatus fees = emissions.feeStatus(e.id(), actor);
            for (FeeStatus.QuarterStatus q : fees.quarters()) {
                if (q.payment() == FeeStatus.PaymentState.OVERDUE || q.payment() == FeeStatus.PaymentState.NOT_YET_DUE) {
                    add(out, e, today, "pay the fee instalment for " + q.quarter().id() + " (outstanding " + q.outstanding().toPlainString() + ")", "¶28", "ISSUER", q.quarter().paymentDue(),
                            q.quarter().quarterEnd(), LegalTerm.FEE_QUARTERLY_PAYMENT.label());
                }
                if (q.notice() == FeeStatus.NoticeState.OVERDUE || q.notice() == FeeStatus.NoticeState.NOT_YET_DUE) {
                    add(out, e, today, "notify the amount placed and the fee paid for " + q.quarter().id(), "¶28", "ISSUER",
                            q.quarter().noticeDue(), q.quarter().quarterEnd(), LegalTerm.FEE_QUARTERLY_NOTICE.label());
                }
            }
        }
    }

    private void add(List<Deadline> out, Emission e, LocalDate today, String what, String paragraph, String dueBy, LocalDate due,
            LocalDate from, String term) {
        boolean overdue = today.isAfter(due);
        out.add(new Deadline(e.id(), e.registrationNumber().orElse(null), e.issuerId(), what, paragraph, dueBy, due, overdue,
                calendar.workingDaysBetween(today, due), overdue ? Deadline.Status.OVERDUE : Deadline.Status.DUE, null, null,
                from, term));
    }

    private static String recipient(EmissionEvent.Recipient r) {
        return switch (r) {
            case ISSUER -> "the issuer";
            case TRADING_OPERATOR -> "the trading operator";
            case PUBLIC -> "the public (the regulator's website)";
        };
    }
}
