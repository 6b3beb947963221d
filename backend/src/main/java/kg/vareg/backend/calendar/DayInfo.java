package kg.vareg.backend.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the calendar knows about one day.
 *
 * @param reason   e.g. "Saturday", "Nooruz", "Cabinet day off"; "working day" for an ordinary working day
 * @param source   where the configuration took it from (law, resolution, publication); empty for plain weekdays
 *                 and weekends
 * @param confirmed false when the configured date is provisional (see docs/calendar.md)
 */
public record DayInfo(LocalDate date, boolean workingDay, DayKind kind, String reason, String source,
        boolean confirmed) {

    public DayInfo {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
    }
}
