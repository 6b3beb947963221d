package kg.vareg.backend.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * The working-day calendar as a public service: is a day a working day (and the source of every day off), the
 * days of a period, and N working or calendar days from a date under the resolution's counting rules.
 */
@Service
public class CalendarQueries {
    /** The longest period listed at once: one leap year and a day. */
    public static final int MAX_RANGE_DAYS = 367;
    /** The longest term counted: longer than any term of the regulation by far. */
    public static final int MAX_TERM_LENGTH = 366;

    private final WorkingDayCalendar calendar;

    public CalendarQueries(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** @throws CalendarYearNotConfiguredException for a year without configuration */
    public CalendarDay day(LocalDate date) {
        return CalendarDay.of(calendar.describe(Objects.requireNonNull(date, "date")));
    }

    /** Every day from {@code from} to {@code to}, both included. */
    public List<CalendarDay> days(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw new IllegalArgumentException("at most " + MAX_RANGE_DAYS + " days at once");
        }
        List<CalendarDay> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.add(day(d));
        }
        return out;
    }

    /** The regulation's term, counted from its event day. */
    public TermCount count(LegalTerm term, LocalDate from) {
        return count(from, term.length(), term.unit(), term.kind(), term);
    }

    /** N working or calendar days from {@code from} (a deadline). */
    public TermCount count(LocalDate from, int length, TermUnit unit) {
        return count(from, length, unit, TermKind.DEADLINE, null);
    }

    private TermCount count(LocalDate from, int length, TermUnit unit, TermKind kind, LegalTerm term) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(unit, "unit");
        int min = unit == TermUnit.WORKING_DAYS ? 1 : 0;
        if (length < min || length > MAX_TERM_LENGTH) {
            throw new IllegalArgumentException("days must be between " + min + " and " + MAX_TERM_LENGTH + " for "
                    + unit + ", got " + length);
        }
        LocalDate result = unit == TermUnit.WORKING_DAYS
                ? calendar.plusWorkingDays(from, length) : calendar.plusCalendarDays(from, length);
        // Working-day terms: every day off in the term did not count. Calendar-day terms: only the days off the
        // end was moved across (from the nominal last day on) — the days off inside the term count as days.
        List<CalendarDay> skipped = unit == TermUnit.WORKING_DAYS
                ? skippedBetween(from, result) : skippedBetween(from.plusDays(length).minusDays(1), result);
        boolean provisional = skipped.stream().anyMatch(CalendarDay::provisional) || day(result).provisional();
        return new TermCount(from, length, unit, kind, term, term == null ? null : term.paragraph(), result, skipped,
                provisional);
    }

    /** The non-working days after {@code from} up to and including {@code to}. */
    public List<CalendarDay> skippedBetween(LocalDate from, LocalDate to) {
        List<CalendarDay> out = new ArrayList<>();
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            CalendarDay day = day(d);
            if (!day.workingDay()) {
                out.add(day);
            }
        }
        return out;
    }
}
