package kg.vareg.backend.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A term counted under the resolution's rules (docs/calendar.md): it runs from the day after {@code from}; a
 * working-day term ends on the N-th working day, a calendar-day term on {@code from + N}, moved to the next working
 * day when that is a day off. {@code result} is the last day in time ({@link TermKind#DEADLINE}) or the first
 * allowed day ({@link TermKind#EARLIEST_DAY}).
 *
 * @param skipped every non-working day in (from, result] and why: for working-day terms the days that did not
 *                count; for calendar-day terms the days off the end was moved across
 * @param term    the regulation's term when one was asked for by name, else null
 */
public record TermCount(LocalDate from, int length, TermUnit unit, TermKind kind, LegalTerm term, String paragraph,
        LocalDate result, List<CalendarDay> skipped, boolean provisional) {}
