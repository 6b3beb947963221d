package kg.vareg.backend.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kg.vareg.backend.calendar.CalendarDay;
import kg.vareg.backend.calendar.CalendarQueries;
import kg.vareg.backend.calendar.CalendarYearNotConfiguredException;
import kg.vareg.backend.calendar.ConfiguredWorkingDayCalendar;
import kg.vareg.backend.calendar.LegalTerm;
import kg.vareg.backend.calendar.TermCount;
import kg.vareg.backend.calendar.TermUnit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public calendar page: is a day a working day (and why not), count a term of the regulation from a date, and
 * the days off of a year with their sources — the same service as {@code /api/v1/public/calendar}.
 * Bad input is shown beside its field in the page's language; nothing is stored.
 */
@Controller
class CalendarPage {
    private final CalendarQueries queries;
    private final ConfiguredWorkingDayCalendar calendar;
    private final java.time.Clock clock;

    CalendarPage(CalendarQueries queries, ConfiguredWorkingDayCalendar calendar, java.time.Clock clock) {
        this.queries = queries;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** A field's problem, as a message key with its arguments (rendered in the page's language). */
    record FieldProblem(String field, String key, List<Object> args) {}

    @GetMapping("/calendar")
    String page(@RequestParam Optional<String> date, @RequestParam Optional<String> from, @RequestParam Optional<String> days,
            @RequestParam Optional<String> unit, @RequestParam Optional<String> term, @RequestParam Optional<String> year,
            Model model) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("terms", LegalTerm.values());
        model.addAttribute("units", TermUnit.values());
        model.addAttribute("years", calendar.configuredYears());
        model.addAttribute("dateValue", date.orElse(today.toString()));
        model.addAttribute("fromValue", from.orElse(today.toString()));
        model.addAttribute("daysValue", days.orElse(""));
        model.addAttribute("unitValue", unit.orElse(TermUnit.WORKING_DAYS.name()));
        model.addAttribute("termValue", term.orElse(""));

        date.filter(s -> !s.isBlank()).flatMap(s -> parseDate("date", s, problems))
                .flatMap(d -> configured("date", d, () -> queries.day(d), problems))
                .ifPresent(d -> model.addAttribute("day", d));

        if (from.isPresent() && (term.filter(s -> !s.isBlank()).isPresent() || days.filter(s -> !s.isBlank()).isPresent())) {
            count(from.get(), days, unit, term, problems).ifPresent(c -> model.addAttribute("count", c));
        }

        int y = year.flatMap(s -> parseYear(s, problems)).orElse(today.getYear());
        if (!calendar.configuredYears().contains(y)) {
            problems.add(new FieldProblem("year", "calendar.error.yearNotConfigured",
                    List.of(String.valueOf(y), calendar.configuredYears().first() + "–" + calendar.configuredYears().last())));
            y = calendar.configuredYears().contains(today.getYear()) ? today.getYear() : calendar.configuredYears().last();
        }
        int shown = y;
        model.addAttribute("yearValue", shown);
        model.addAttribute("daysOff", queries.days(LocalDate.of(shown, 1, 1), LocalDate.of(shown, 12, 31)).stream()
                .filter(d -> !d.workingDay() && d.kind() != kg.vareg.backend.calendar.DayKind.WEEKEND).toList());
        model.addAttribute("workingDaysInYear", queries.days(LocalDate.of(shown, 1, 1), LocalDate.of(shown, 12, 31)).stream()
                .filter(CalendarDay::workingDay).count());
        model.addAttribute("problems", problems);
        return "public/calendar";
    }

    private Optional<TermCount> count(String fromText, Optional<String> days, Optional<String> unit, Optional<String> term,
            List<FieldProblem> problems) {
        Optional<LocalDate> start = parseDate("from", fromText, problems);
        if (start.isEmpty()) return Optional.empty();
        if (term.filter(s -> !s.isBlank()).isPresent()) {
            Optional<LegalTerm> t = Arrays.stream(LegalTerm.values())
                    .filter(x -> x.name().equalsIgnoreCase(term.get().strip())).findFirst();
            if (t.isEmpty()) {
                problems.add(new FieldProblem("term", "calendar.error.term", List.of()));
                return Optional.empty();
            }
            return configured("from", start.get(), () -> queries.count(t.get(), start.get()), problems);
        }
        int n;
        try {
            n = Integer.parseInt(days.orElse("").strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("days", "calendar.error.days", List.of(CalendarQueries.MAX_TERM_LENGTH)));
            return Optional.empty();
        }
        TermUnit u = Arrays.stream(TermUnit.values()).filter(x -> x.name().equalsIgnoreCase(unit.orElse("WORKING_DAYS").strip()))
                .findFirst().orElse(TermUnit.WORKING_DAYS);
        if (n < (u == TermUnit.WORKING_DAYS ? 1 : 0) || n > CalendarQueries.MAX_TERM_LENGTH) {
            problems.add(new FieldProblem("days", "calendar.error.days", List.of(CalendarQueries.MAX_TERM_LENGTH)));
            return Optional.empty();
        }
        return configured("from", start.get(), () -> queries.count(start.get(), n, u), problems);
    }

    private <T> Optional<T> configured(String field, LocalDate d, java.util.function.Supplier<T> work, List<FieldProblem> problems) {
        try {
            return Optional.of(work.get());
        } catch (CalendarYearNotConfiguredException e) {
            problems.add(new FieldProblem(field, "calendar.error.yearNotConfigured", List.of(String.valueOf(e.year()),
                    calendar.configuredYears().first() + "–" + calendar.configuredYears().last())));
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> parseDate(String field, String text, List<FieldProblem> problems) {
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "calendar.error.date", List.of()));
            return Optional.empty();
        }
    }

    private static Optional<Integer> parseYear(String text, List<FieldProblem> problems) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("year", "calendar.error.year", List.of()));
            return Optional.empty();
        }
    }

    static String lower(Object o) {
        return String.valueOf(o).toLowerCase(Locale.ROOT);
    }
}
