package kg.vareg.backend.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@link WorkingDayCalendar} over configured years; any other year throws {@link CalendarYearNotConfiguredException}. */
public final class ConfiguredWorkingDayCalendar implements WorkingDayCalendar {

    /** A term longer than this many calendar days is a programming error, not a legal term. */
    private static final int MAX_SCAN_DAYS = 3_660;

    private final Map<Integer, CalendarYear> years;

    public ConfiguredWorkingDayCalendar(Collection<CalendarYear> years) {
        Map<Integer, CalendarYear> byYear = new TreeMap<>();
        for (CalendarYear y : years) {
            if (byYear.put(y.year(), y) != null) {
                throw new IllegalArgumentException("calendar year " + y.year() + " configured twice");
            }
        }
        if (byYear.isEmpty()) {
            throw new IllegalArgumentException("no calendar year configured");
        }
        this.years = Map.copyOf(byYear);
    }

    public SortedSet<Integer> configuredYears() {
        return new TreeSet<>(years.keySet());
    }

    public CalendarYear year(int year) {
        CalendarYear y = years.get(year);
        if (y == null) {
            throw new CalendarYearNotConfiguredException(year);
        }
        return y;
    }

    @Override
    public DayInfo describe(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return year(day.getYear()).describe(day);
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return describe(day).workingDay();
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate eventDay, int n) {
        Objects.requireNonNull(eventDay, "eventDay");
        if (n < 1) {
            throw new IllegalArgumentException("a term of working days must be at least 1, got " + n);
        }
        LocalDate d = eventDay;
        int found = 0;
        int scanned = 0;
        while (found < n) {
            d = d.plusDays(1);
            if (++scanned > MAX_SCAN_DAYS) {
                throw new IllegalArgumentException("term of " + n + " working days is unreasonably long");
            }
            if (isWorkingDay(d)) {
                found++;
            }
        }
        return d;
    }

    @Override
    public LocalDate plusCalendarDays(LocalDate eventDay, int n) {
        Objects.requireNonNull(eventDay, "eventDay");
        if (n < 0) {
            throw new IllegalArgumentException("a term of calendar days must not be negative, got " + n);
        }
        return workingDayOnOrAfter(eventDay.plusDays(n));
    }

    @Override
    public long workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        long count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
