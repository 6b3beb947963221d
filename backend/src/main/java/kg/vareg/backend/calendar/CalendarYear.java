package kg.vareg.backend.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** One validated year of the calendar. */
public final class CalendarYear {

    private final int year;
    private final Set<DayOfWeek> weekend;
    private final Map<LocalDate, CalendarYearConfig.Day> declared;
    private final String scope;

    private CalendarYear(int year, Set<DayOfWeek> weekend, Map<LocalDate, CalendarYearConfig.Day> declared,
            String scope) {
        this.year = year;
        this.weekend = weekend;
        this.declared = declared;
        this.scope = scope;
    }

    /** Validates the configuration; every problem is reported at once so a bad file is fixed in one go. */
    public static CalendarYear from(CalendarYearConfig config) {
        List<String> problems = new ArrayList<>();
        int year = config.year();
        if (year < 2000 || year > 2200) {
            problems.add("year " + year + " is out of range");
        }
        if (config.weekend() == null || config.weekend().isEmpty()) {
            problems.add("weekend days are missing");
        }
        if (config.scope() == null || config.scope().isBlank()) {
            problems.add("scope (whose calendar this is) is missing");
        }
        Set<DayOfWeek> weekend = config.weekend() == null || config.weekend().isEmpty()
                ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(config.weekend());
        Map<LocalDate, CalendarYearConfig.Day> declared = new TreeMap<>();
        List<CalendarYearConfig.Day> days = config.days() == null ? List.of() : config.days();
        for (int i = 0; i < days.size(); i++) {
            CalendarYearConfig.Day d = days.get(i);
            String at = "days[" + i + "]";
            if (d == null || d.date() == null) {
                problems.add(at + ": date is missing");
                continue;
            }
            at += " " + d.date();
            if (d.date().getYear() != year) {
                problems.add(at + ": not in " + year);
            }
            if (d.kind() == null || d.kind() == DayKind.WEEKDAY || d.kind() == DayKind.WEEKEND) {
                problems.add(at + ": kind must be PUBLIC_HOLIDAY, MOVABLE_HOLIDAY, CABINET_DAY_OFF or"
                        + " CABINET_WORKING_DAY");
            }
            if (d.name() == null || d.name().isBlank()) {
                problems.add(at + ": name is missing");
            }
            if (d.source() == null || d.source().isBlank()) {
                problems.add(at + ": source is missing (every date must say where it comes from)");
            }
            if (d.kind() == DayKind.CABINET_WORKING_DAY && !weekend.contains(d.date().getDayOfWeek())) {
                problems.add(at + ": a CABINET_WORKING_DAY must fall on a weekend day, this is a "
                        + d.date().getDayOfWeek());
            }
            if (declared.put(d.date(), d) != null) {
                problems.add(at + ": declared twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid calendar for " + year + ": " + String.join("; ", problems));
        }
        return new CalendarYear(year, Collections.unmodifiableSet(weekend), Collections.unmodifiableMap(declared),
                config.scope());
    }

    public int year() {
        return year;
    }

    public String scope() {
        return scope;
    }

    public DayInfo describe(LocalDate day) {
        if (day.getYear() != year) {
            throw new IllegalArgumentException(day + " is not in " + year);
        }
        CalendarYearConfig.Day d = declared.get(day);
        boolean isWeekend = weekend.contains(day.getDayOfWeek());
        if (d != null) {
            boolean confirmed = d.confirmed() == null || d.confirmed();
            String reason = d.name() + (isWeekend && !d.kind().working() ? " (on a " + day.getDayOfWeek()
                    + "; not moved since 2025)" : "");
            return new DayInfo(day, d.kind().working(), d.kind(), reason, d.source(), confirmed);
        }
        if (isWeekend) {
            return new DayInfo(day, false, DayKind.WEEKEND, day.getDayOfWeek().toString(), "", true);
        }
        return new DayInfo(day, true, DayKind.WEEKDAY, "working day", "", true);
    }

    /** Declared days whose date is not yet confirmed. */
    public List<CalendarYearConfig.Day> provisionalDays() {
        return declared.values().stream().filter(d -> d.confirmed() != null && !d.confirmed()).toList();
    }

    public List<CalendarYearConfig.Day> declaredDays() {
        return List.copyOf(declared.values());
    }
}
