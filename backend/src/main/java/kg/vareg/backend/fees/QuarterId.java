package kg.vareg.backend.fees;

import java.time.LocalDate;
import java.time.Month;

/** A calendar quarter ("квартал", ¶28): Q1 = January–March, …, Q4 = October–December. */
public record QuarterId(int year, int quarter) implements Comparable<QuarterId> {

    public QuarterId {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4, got " + quarter);
        }
    }

    public static QuarterId of(LocalDate day) {
        return new QuarterId(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, Month.of((quarter - 1) * 3 + 1), 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    public QuarterId next() {
        return quarter == 4 ? new QuarterId(year + 1, 1) : new QuarterId(year, quarter + 1);
    }

    @Override
    public int compareTo(QuarterId o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
