package kg.vareg.backend.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The calendar on real 2025–2026 dates (see docs/calendar.md for the sources of every date). */
class WorkingDayCalendarTest {

    private static final ConfiguredWorkingDayCalendar CAL = CalendarLoader.loadDefault();

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    @Test
    void newYearHolidays2026IncludeCabinetDaysOffOf8And9January() {
        for (int day = 1; day <= 11; day++) {
            assertThat(CAL.isWorkingDay(d(2026, 1, day))).as("January %d, 2026", day).isFalse();
        }
        assertThat(CAL.isWorkingDay(d(2026, 1, 12))).isTrue();
        assertThat(CAL.describe(d(2026, 1, 8)).kind()).isEqualTo(DayKind.CABINET_DAY_OFF);
        assertThat(CAL.describe(d(2026, 1, 8)).source()).contains("No. 835");
        // Pre-holiday 31 December 2025 is a shortened but working day.
        assertThat(CAL.isWorkingDay(d(2025, 12, 31))).isTrue();
    }

    @Test
    void twentyWorkingDayRegistrationTermSpansNewYear() {
        // ¶10: package received Monday 29.12.2025; WD after it: 30, 31 Dec, then nothing until 12 Jan 2026.
        LocalDate deadline = CAL.deadline(LegalTerm.REGISTRATION_DECISION, d(2025, 12, 29));
        assertThat(deadline).isEqualTo(d(2026, 2, 4));
        assertThat(CAL.workingDaysBetween(d(2025, 12, 29), deadline)).isEqualTo(20);
    }

    @Test
    void orozoAitAndNooruz2026() {
        assertThat(CAL.isWorkingDay(d(2026, 3, 20))).isFalse(); // Orozo Ait, Friday
        assertThat(CAL.describe(d(2026, 3, 20)).kind()).isEqualTo(DayKind.MOVABLE_HOLIDAY);
        assertThat(CAL.isWorkingDay(d(2026, 3, 21))).isFalse(); // Nooruz on a Saturday
        // Since 2025 a holiday on a weekend is not moved: Monday 23 March is a working day.
        assertThat(CAL.isWorkingDay(d(2026, 3, 23))).isTrue();
        // ¶21: offer published Monday 16.03.2026 → 17, 18, 19, (20 Orozo, 21-22), 23, 24.
        assertThat(CAL.deadline(LegalTerm.PLACEMENT_EARLIEST_AFTER_OFFER, d(2026, 3, 16))).isEqualTo(d(2026, 3, 24));
        // ¶36: decision Thursday 19.03.2026 → the next working day is Monday 23.03.
        assertThat(CAL.deadline(LegalTerm.NUMBER_CANCELLATION_ENTRY, d(2026, 3, 19))).isEqualTo(d(2026, 3, 23));
    }

    @Test
    void workingHolidaysOfTheNewLabourCodeAreWorkingDays() {
        assertThat(CAL.isWorkingDay(d(2026, 2, 23))).as("23 Feb 2026, Monday").isTrue();
        assertThat(CAL.isWorkingDay(d(2026, 4, 7))).as("7 Apr 2026, Tuesday").isTrue();
        assertThat(CAL.isWorkingDay(d(2025, 11, 7))).as("7 Nov 2025, Friday").isTrue();
        assertThat(CAL.isWorkingDay(d(2025, 4, 7))).as("7 Apr 2025, Monday").isTrue();
    }

    @Test
    void weekendHolidaysAreNotMovedSince2025() {
        assertThat(CAL.isWorkingDay(d(2026, 3, 9))).as("Monday after 8 March 2026 (Sunday)").isTrue();
        assertThat(CAL.isWorkingDay(d(2025, 9, 1))).as("Monday after 31 August 2025 (Sunday)").isTrue();
        assertThat(CAL.isWorkingDay(d(2025, 3, 10))).as("Monday after 8 March 2025 (Saturday)").isTrue();
    }

    @Test
    void mayHolidays2026() {
        for (int day = 1; day <= 10; day++) {
            assertThat(CAL.isWorkingDay(d(2026, 5, day))).as("May %d, 2026", day).isFalse();
        }
        // 20 WD from Monday 20.04.2026: 21-24 (4), 27-30 (8), May 1-10 off, 11-15 (13), 18-22 (18), 25, 26 (20).
        assertThat(CAL.plusWorkingDays(d(2026, 4, 20), 20)).isEqualTo(d(2026, 5, 26));
    }

    @Test
    void kurmanAit2026IsConfiguredButFlaggedProvisional() {
        DayInfo info = CAL.describe(d(2026, 5, 27));
        assertThat(info.workingDay()).isFalse();
        assertThat(info.confirmed()).isFalse();
        assertThat(CAL.plusWorkingDays(d(2026, 5, 20), 5)).isEqualTo(d(2026, 5, 28));
    }

    @Test
    void nooruz2025OnFridayAndKurmanAit2025() {
        // event Wednesday 19.03.2025: 20 (1), 21 Nooruz, 22-23, 24 (2), 25 (3).
        assertThat(CAL.plusWorkingDays(d(2025, 3, 19), 3)).isEqualTo(d(2025, 3, 25));
        assertThat(CAL.isWorkingDay(d(2025, 6, 6))).isFalse();
        assertThat(CAL.describe(d(2025, 6, 6)).source()).contains("Kabar");
        // Orozo Ait 2025 fell on Sunday 30 March and, since 2025, was not moved: Monday 31 March works.
        assertThat(CAL.describe(d(2025, 3, 30)).kind()).isEqualTo(DayKind.MOVABLE_HOLIDAY);
        assertThat(CAL.describe(d(2025, 3, 30)).confirmed()).isTrue();
        assertThat(CAL.isWorkingDay(d(2025, 3, 31))).isTrue();
    }

    @Test
    void calendarDayTermEndingOnADayOffMovesToTheNextWorkingDay() {
        // ¶30: placement ends 10.12.2025; +30 CD = 09.01.2026, a Cabinet day off → Monday 12.01.2026.
        assertThat(CAL.deadline(LegalTerm.RESULTS_REPORT, d(2025, 12, 10))).isEqualTo(d(2026, 1, 12));
        // Ending on a working day it stays: 01.10.2026 + 30 = Saturday 31.10 → Monday 02.11.2026.
        assertThat(CAL.plusCalendarDays(d(2026, 10, 1), 30)).isEqualTo(d(2026, 11, 2));
        assertThat(CAL.plusCalendarDays(d(2026, 10, 2), 30)).isEqualTo(d(2026, 11, 2));
        assertThat(CAL.plusCalendarDays(d(2026, 9, 30), 30)).isEqualTo(d(2026, 10, 30));
    }

    @Test
    void termsRunFromTheDayAfterTheEventEvenWhenTheEventIsOnADayOff() {
        // Event on Saturday 10.01.2026: the first WD after it is Monday 12.01.
        assertThat(CAL.plusWorkingDays(d(2026, 1, 10), 1)).isEqualTo(d(2026, 1, 12));
        // Event on a working day: that day never counts.
        assertThat(CAL.plusWorkingDays(d(2026, 1, 12), 1)).isEqualTo(d(2026, 1, 13));
        assertThatThrownBy(() -> CAL.plusWorkingDays(d(2026, 1, 12), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingDaysBetweenCountsAfterFromUpToAndIncludingTo() {
        assertThat(CAL.workingDaysBetween(d(2025, 12, 31), d(2026, 1, 12))).isEqualTo(1);
        assertThat(CAL.workingDaysBetween(d(2026, 1, 12), d(2025, 12, 31))).isEqualTo(-1);
        assertThat(CAL.workingDaysBetween(d(2026, 1, 12), d(2026, 1, 12))).isZero();
        assertThat(CAL.workingDaysBetween(d(2026, 1, 9), d(2026, 1, 16))).isEqualTo(5);
    }

    @Test
    void isInTimeHonoursDeadlinesAndEarliestDays() {
        LocalDate received = d(2025, 12, 29);
        assertThat(CAL.isInTime(LegalTerm.REGISTRATION_DECISION, received, d(2026, 2, 4))).isTrue();
        assertThat(CAL.isInTime(LegalTerm.REGISTRATION_DECISION, received, d(2026, 2, 5))).isFalse();
        LocalDate published = d(2026, 3, 16);
        assertThat(CAL.isInTime(LegalTerm.PLACEMENT_EARLIEST_AFTER_OFFER, published, d(2026, 3, 23))).isFalse();
        assertThat(CAL.isInTime(LegalTerm.PLACEMENT_EARLIEST_AFTER_OFFER, published, d(2026, 3, 24))).isTrue();
    }

    @Test
    void aTwentyWorkingDayTermFromDecember2026RunsOverTheNewYearHolidaysOf2027() {
        // 22-25 and 28-31 Dec = 8; 1-7 Jan are holidays (Labour Code); 8 Jan = 9; 11-15 = 14; 18-22 = 19; 25 Jan = 20.
        assertThat(CAL.plusWorkingDays(d(2026, 12, 21), 20)).isEqualTo(d(2027, 1, 25));
        assertThat(CAL.isWorkingDay(d(2027, 1, 7))).isFalse();
        assertThat(CAL.isWorkingDay(d(2027, 1, 8))).isTrue();
    }

    @Test
    void aYearWithoutConfigurationIsAClearErrorNotAGuess() {
        assertThatThrownBy(() -> CAL.isWorkingDay(d(2028, 1, 4)))
                .isInstanceOf(CalendarYearNotConfiguredException.class)
                .hasMessageContaining("2028").hasMessageContaining("calendar/2028.json");
        // A term that runs into the unconfigured year fails too, instead of treating 2028 as plain weekdays.
        assertThatThrownBy(() -> CAL.plusWorkingDays(d(2027, 12, 21), 20))
                .isInstanceOf(CalendarYearNotConfiguredException.class);
        assertThatThrownBy(() -> CAL.isWorkingDay(d(2024, 12, 31)))
                .isInstanceOf(CalendarYearNotConfiguredException.class);
    }

    @Test
    void everyDayOfTheConfiguredYearsObeysTheCountingLaws() {
        // Exhaustive over 2025 and most of 2026 (terms must stay inside the configured years).
        for (LocalDate day = d(2025, 1, 1); day.isBefore(d(2026, 11, 1)); day = day.plusDays(1)) {
            for (int n : new int[] {1, 3, 5, 10, 20}) {
                LocalDate end = CAL.plusWorkingDays(day, n);
                assertThat(CAL.isWorkingDay(end)).isTrue();
                assertThat(CAL.workingDaysBetween(day, end)).as("%s + %d WD", day, n).isEqualTo(n);
                assertThat(CAL.workingDaysBetween(day, end.minusDays(1))).isEqualTo(n - 1);
            }
            LocalDate cd = CAL.plusCalendarDays(day, 30);
            assertThat(CAL.isWorkingDay(cd)).isTrue();
            assertThat(cd).isAfterOrEqualTo(day.plusDays(30));
            for (LocalDate x = day.plusDays(30); x.isBefore(cd); x = x.plusDays(1)) {
                assertThat(CAL.isWorkingDay(x)).isFalse();
            }
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (weekend) {
                assertThat(CAL.isWorkingDay(day)).as("%s", day).isFalse();
            }
        }
    }

    @Test
    void numberOfWorkingDaysIn2026MatchesTheDeclaredList() {
        // 261 weekdays in 2026, minus the non-working holidays and days off that fall on weekdays:
        // Jan 1,2,5,6,7,8,9 (7), Mar 20 (1), May 1,4,5,6,7,8 (6), May 27 (1), Aug 31 (1) = 16.
        assertThat(CAL.workingDaysBetween(d(2025, 12, 31), d(2026, 12, 31))).isEqualTo(261 - 16);
    }
}
