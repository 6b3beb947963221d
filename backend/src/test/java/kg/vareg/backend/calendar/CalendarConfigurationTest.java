package kg.vareg.backend.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CalendarConfigurationTest {

    private static CalendarYear parse(String json) {
        return CalendarLoader.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String year(String days) {
        return """
                {"year": 2030, "scope": "test", "legalBasis": ["x"], "weekend": ["SATURDAY", "SUNDAY"],
                 "days": [%s], "notes": []}
                """.formatted(days);
    }

    @Test
    void bundledYearsLoadAndEveryDeclaredDateHasASource() {
        ConfiguredWorkingDayCalendar cal = new CalendarConfiguration().workingDayCalendar(CalendarLoader.DEFAULT_LOCATION);
        assertThat(cal.configuredYears()).contains(2025, 2026);
        for (int y : cal.configuredYears()) {
            assertThat(cal.year(y).declaredDays()).isNotEmpty().allSatisfy(d -> {
                assertThat(d.source()).isNotBlank();
                assertThat(d.date().getYear()).isEqualTo(y);
            });
        }
        // The 2025 change: these are working holidays and must not be declared as days off.
        for (int y : cal.configuredYears()) {
            for (LocalDate workingHoliday : new LocalDate[] {LocalDate.of(y, 2, 23), LocalDate.of(y, 4, 7),
                    LocalDate.of(y, 11, 7), LocalDate.of(y, 11, 8)}) {
                assertThat(cal.describe(workingHoliday).kind()).isIn(DayKind.WEEKDAY, DayKind.WEEKEND);
            }
        }
    }

    @Test
    void aValidYearParses() {
        CalendarYear y = parse(year("""
                {"date": "2030-01-01", "kind": "PUBLIC_HOLIDAY", "name": "New Year", "source": "law"},
                {"date": "2030-01-05", "kind": "CABINET_WORKING_DAY", "name": "moved", "source": "resolution"}
                """));
        assertThat(y.describe(LocalDate.of(2030, 1, 1)).workingDay()).isFalse();
        assertThat(y.describe(LocalDate.of(2030, 1, 5)).workingDay()).as("Saturday made working").isTrue();
        assertThat(y.describe(LocalDate.of(2030, 1, 6)).workingDay()).isFalse();
        assertThat(y.describe(LocalDate.of(2030, 1, 7)).workingDay()).isTrue();
    }

    @Test
    void aDateWithoutSourceIsRejected() {
        assertThatThrownBy(() -> parse(year("""
                {"date": "2030-01-01", "kind": "PUBLIC_HOLIDAY", "name": "New Year", "source": " "}
                """))).hasMessageContaining("source is missing");
    }

    @Test
    void aDateOutsideTheYearIsRejected() {
        assertThatThrownBy(() -> parse(year("""
                {"date": "2031-01-01", "kind": "PUBLIC_HOLIDAY", "name": "New Year", "source": "law"}
                """))).hasMessageContaining("not in 2030");
    }

    @Test
    void aDuplicateDateIsRejected() {
        assertThatThrownBy(() -> parse(year("""
                {"date": "2030-01-01", "kind": "PUBLIC_HOLIDAY", "name": "a", "source": "law"},
                {"date": "2030-01-01", "kind": "CABINET_DAY_OFF", "name": "b", "source": "law"}
                """))).hasMessageContaining("declared twice");
    }

    @Test
    void aWorkingDayDeclaredOnAWeekdayIsRejected() {
        assertThatThrownBy(() -> parse(year("""
                {"date": "2030-01-02", "kind": "CABINET_WORKING_DAY", "name": "a", "source": "law"}
                """))).hasMessageContaining("must fall on a weekend day");
    }

    @Test
    void unknownFieldsAndKindsAreRejected() {
        assertThatThrownBy(() -> parse(year("""
                {"date": "2030-01-01", "kind": "PUBLIC_HOLIDAY", "name": "a", "source": "law", "typo": 1}
                """))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> parse(year("""
                {"date": "2030-01-01", "kind": "WEEKDAY", "name": "a", "source": "law"}
                """))).hasMessageContaining("kind must be");
    }

    @Test
    void aMissingLocationStopsStartUp() {
        assertThatThrownBy(() -> CalendarLoader.load("classpath*:no-such-calendar/*.json"))
                .hasMessageContaining("no calendar files");
    }
}
