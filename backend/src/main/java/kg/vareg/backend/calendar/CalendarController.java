package kg.vareg.backend.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar as a public service (no login): anybody can ask whether a day is a working day and
 * why not, and count the regulation's terms without driving an emission through the workflow.
 * Counting rules: docs/calendar.md (a term runs from the day after the event, ¶36).
 */
@RestController
@RequestMapping("/api/v1/public/calendar")
@Tag(name = "Calendar", description = "Working days of the regulator and the regulation's terms (¶10, ¶21, ¶28, ¶30, ¶34, ¶36-40, ¶55-56, ¶65)")
class CalendarController {
    private final CalendarQueries queries;
    private final ConfiguredWorkingDayCalendar calendar;

    CalendarController(CalendarQueries queries, ConfiguredWorkingDayCalendar calendar) {
        this.queries = queries;
        this.calendar = calendar;
    }

    record Years(SortedSet<Integer> configured, List<YearSummary> years) {}

    record YearSummary(int year, String scope, int workingDays, int nonWorkingDays, List<CalendarDay> declaredDays,
            boolean provisional) {}

    @GetMapping
    @Operation(summary = "Configured years", description = "The years the calendar knows, each with its declared days "
            + "(holidays, Orozo Ait / Kurman Ait, Cabinet days off and working days) and their sources; provisional "
            + "(unconfirmed) days are flagged.")
    Years years() {
        List<YearSummary> out = calendar.configuredYears().stream().map(this::summary).toList();
        return new Years(calendar.configuredYears(), out);
    }

    @GetMapping("/days/{date}")
    @Operation(summary = "One day", description = "Whether the regulator works on that day, and why not (with the source).")
    CalendarDay day(@PathVariable @Parameter(description = "YYYY-MM-DD") String date) {
        LocalDate d = date("date", date);
        return inConfiguredYear("date", () -> queries.day(d));
    }

    @GetMapping("/days")
    @Operation(summary = "Days of a period", description = "Every day from 'from' to 'to' (both included, at most "
            + CalendarQueries.MAX_RANGE_DAYS + " days), or of a whole year with 'year'; 'nonWorkingOnly' leaves only days off.")
    List<CalendarDay> days(@RequestParam Optional<String> from, @RequestParam Optional<String> to,
            @RequestParam Optional<String> year, @RequestParam(defaultValue = "false") boolean nonWorkingOnly) {
        LocalDate start;
        LocalDate end;
        if (year.isPresent()) {
            if (from.isPresent() || to.isPresent()) {
                throw new CalendarRequestException("year", "give either 'year' or 'from' and 'to', not both");
            }
            int y = year(year.get());
            start = LocalDate.of(y, 1, 1);
            end = LocalDate.of(y, 12, 31);
        } else {
            start = date("from", from.orElseThrow(() -> new CalendarRequestException("from", "required (or give 'year')")));
            end = date("to", to.orElseThrow(() -> new CalendarRequestException("to", "required (or give 'year')")));
            if (end.isBefore(start)) {
                throw new CalendarRequestException("to", "'" + end + "' is before 'from' (" + start + ")");
            }
            if (java.time.temporal.ChronoUnit.DAYS.between(start, end) >= CalendarQueries.MAX_RANGE_DAYS) {
                throw new CalendarRequestException("to", "at most " + CalendarQueries.MAX_RANGE_DAYS + " days at once");
            }
        }
        LocalDate s = start;
        LocalDate e = end;
        List<CalendarDay> days = inConfiguredYear(year.isPresent() ? "year" : "from", () -> queries.days(s, e));
        return nonWorkingOnly ? days.stream().filter(d -> !d.workingDay()).toList() : days;
    }

    @GetMapping("/count")
    @Operation(summary = "Count a term", description = "The day a term ends (or, for ¶21, the first allowed day) when it "
            + "starts with the event on 'from': either one of the regulation's terms by name ('term', see /terms), or "
            + "'days' with 'unit' (WORKING_DAYS, the default, or CALENDAR_DAYS). The term runs from the day after the "
            + "event; a calendar-day term ending on a day off moves to the next working day. Lists every day off skipped.")
    TermCount count(@RequestParam String from, @RequestParam Optional<String> term, @RequestParam Optional<String> days,
            @RequestParam Optional<String> unit) {
        LocalDate start = date("from", from);
        if (term.isPresent()) {
            if (days.isPresent() || unit.isPresent()) {
                throw new CalendarRequestException("term", "give either 'term' or 'days' (with 'unit'), not both");
            }
            LegalTerm t = legalTerm(term.get());
            return inConfiguredYear("from", () -> queries.count(t, start));
        }
        int n = number("days", days.orElseThrow(() -> new CalendarRequestException("days", "required (or give 'term')")));
        TermUnit u = unit.map(CalendarController::unit).orElse(TermUnit.WORKING_DAYS);
        int min = u == TermUnit.WORKING_DAYS ? 1 : 0;
        if (n < min || n > CalendarQueries.MAX_TERM_LENGTH) {
            throw new CalendarRequestException("days", "must be between " + min + " and " + CalendarQueries.MAX_TERM_LENGTH
                    + " for " + u + ", got " + n);
        }
        return inConfiguredYear("from", () -> queries.count(start, n, u));
    }

    record TermView(String name, int length, TermUnit unit, TermKind kind, String paragraph, String label, String description) {}

    @GetMapping("/terms")
    @Operation(summary = "The regulation's terms", description = "Every time limit of the resolution with its length, unit, ¶ and meaning.")
    List<TermView> terms() {
        return Arrays.stream(LegalTerm.values()).map(t -> new TermView(t.name(), t.length(), t.unit(), t.kind(),
                t.paragraph(), t.label(), t.description())).toList();
    }

    private YearSummary summary(int y) {
        CalendarYear year = calendar.year(y);
        List<CalendarDay> all = queries.days(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        int working = (int) all.stream().filter(CalendarDay::workingDay).count();
        List<CalendarDay> declared = year.declaredDays().stream().map(d -> queries.day(d.date())).toList();
        return new YearSummary(y, year.scope(), working, all.size() - working, declared,
                declared.stream().anyMatch(CalendarDay::provisional));
    }

    /** A date outside the configured years is the caller's question we cannot answer: 400 naming the years we know. */
    private <T> T inConfiguredYear(String field, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (CalendarYearNotConfiguredException e) {
            SortedSet<Integer> years = calendar.configuredYears();
            throw new CalendarRequestException(field, "the calendar of " + e.year() + " is not configured; it covers "
                    + years.first() + "–" + years.last() + " (docs/calendar.md)");
        }
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new CalendarRequestException(field, "'" + printable(value) + "' is not a date as YYYY-MM-DD");
        }
    }

    private static int year(String value) {
        int y = number("year", value);
        if (y < 1 || y > 9999) throw new CalendarRequestException("year", "'" + value + "' is not a year");
        return y;
    }

    private static int number(String field, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new CalendarRequestException(field, "'" + printable(value) + "' is not a whole number");
        }
    }

    private static LegalTerm legalTerm(String value) {
        try {
            return LegalTerm.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CalendarRequestException("term", "'" + printable(value) + "' is not a term of the regulation; one of "
                    + Arrays.toString(LegalTerm.values()));
        }
    }

    private static TermUnit unit(String value) {
        try {
            return TermUnit.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CalendarRequestException("unit", "'" + printable(value) + "' is not one of " + Arrays.toString(TermUnit.values()));
        }
    }

    /** Echo only printable text of bounded length (the value may be hostile). */
    private static String printable(String value) {
        String s = value.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
