package kg.vareg.backend.deadlines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import kg.vareg.backend.api.InvalidFieldException;
import kg.vareg.backend.api.NotFoundException;
import kg.vareg.backend.calendar.CalendarDay;
import kg.vareg.backend.calendar.CalendarQueries;
import kg.vareg.backend.numbering.RegistrationNumber;
import kg.vareg.backend.register.PublicRegister;
import kg.vareg.backend.register.RegisterEntry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every term of the regulation that one registered emission runs now — public, like the register itself (¶57-66):
 * the due day, what it runs from and under which ¶, and which days off were skipped and why (docs/calendar.md).
 */
@RestController
@Tag(name = "Calendar")
class EmissionTermsController {
    private final PublicRegister register;
    private final DeadlineService deadlines;
    private final CalendarQueries calendar;
    private final Clock clock;

    EmissionTermsController(PublicRegister register, DeadlineService deadlines, CalendarQueries calendar, Clock clock) {
        this.register = register;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/api/v1/public/register/{number}/terms")
    @Operation(summary = "The terms an emission runs", description = "Every term of the regulation this emission runs now "
            + "(¶7, ¶10, ¶28, ¶30, ¶34, ¶37, ¶38-40, ¶55-56) and the notices already given: due day, the day it runs from "
            + "and the term (e.g. '20 WD (¶10)'), status (DUE, OVERDUE, DONE), and every day off skipped with its reason "
            + "and source; provisional calendar days are flagged.")
    EmissionTerms terms(@PathVariable String number) {
        String normalised = number.strip().toUpperCase(Locale.ROOT);
        try {
            RegistrationNumber.parse(normalised);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("number", e.getMessage());
        }
        RegisterEntry entry = register.byNumber(normalised)
                .orElseThrow(() -> new NotFoundException("no emission with number " + normalised + " in the register"));
        LocalDate today = LocalDate.now(clock);
        List<Term> terms = deadlines.forEmission(entry.emissionId()).stream().map(this::term).toList();
        return new EmissionTerms(entry.registrationNumber(), entry.state(), today, terms,
                terms.stream().anyMatch(t -> t.skipped().stream().anyMatch(CalendarDay::provisional)));
    }

    /** @param provisional true when a term crosses a calendar day that is not yet confirmed (docs/calendar.md) */
    record EmissionTerms(String registrationNumber, String state, LocalDate asOf, List<Term> terms, boolean provisional) {}

    record Term(String what, String paragraph, String dueBy, String term, LocalDate from, LocalDate due,
            Deadline.Status status, boolean overdue, Long workingDaysLeft, LocalDate doneOn, Boolean late,
            List<CalendarDay> skipped) {}

    private Term term(Deadline d) {
        List<CalendarDay> skipped = d.from() != null && d.due() != null && !d.due().isBefore(d.from())
                ? calendar.skippedBetween(d.from(), d.due()) : List.of();
        return new Term(publicWhat(d), d.paragraph(), d.dueBy(), d.term(), d.from(), d.due(), d.status(), d.overdue(),
                d.workingDaysLeft(), d.doneOn(), d.late(), skipped);
    }

    /**
     * The public wording: no amounts owed and none of the staff's free text (the breaches named in a ¶37 notice may
     * carry private data, docs/security.md) — the duty and its ¶ only.
     */
    private static String publicWhat(Deadline d) {
        if ("¶37".equals(d.paragraph())) return "cure the breaches named in the regulator's written notice";
        int amount = d.what().indexOf(" (outstanding ");
        return amount < 0 ? d.what() : d.what().substring(0, amount);
    }
}
