package kg.vareg.backend.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each term as the Kyrgyz original states it (regulation-ky.txt). */
class LegalTermTest {

    private static final ConfiguredWorkingDayCalendar CAL = CalendarLoader.loadDefault();

    @ParameterizedTest(name = "{0} = {1} {2} {3}")
    @CsvSource({
            "COLLATERAL_MANAGER_DEMAND, 5, WORKING_DAYS, ¶3-11",
            "ISSUER_EXPLANATION, 3, WORKING_DAYS, ¶3-11",
            "ISSUER_DEBT_CURE, 10, WORKING_DAYS, ¶3-11",
            "COLLATERAL_MANAGER_OWN_ACTION, 30, CALENDAR_DAYS, ¶3-11",
            "WHITE_PAPER_CHANGE_ANSWER, 10, WORKING_DAYS, ¶7",
            "REGISTRATION_DECISION, 20, WORKING_DAYS, ¶10",
            "PLACEMENT_EARLIEST_AFTER_OFFER, 5, WORKING_DAYS, ¶21",
            "FEE_QUARTERLY_PAYMENT, 5, WORKING_DAYS, ¶28",
            "FEE_QUARTERLY_NOTICE, 10, WORKING_DAYS, ¶28",
            "RESULTS_REPORT, 30, CALENDAR_DAYS, ¶30",
            "RESULTS_DECISION, 10, WORKING_DAYS, ¶34",
            "NUMBER_CANCELLATION_ENTRY, 1, WORKING_DAYS, ¶36",
            "CURE_PERIOD, 10, WORKING_DAYS, ¶37",
            "SUCCESS_NOTICE, 3, WORKING_DAYS, ¶38",
            "REFUSAL_OF_SUCCESS_NOTICE, 3, WORKING_DAYS, ¶39",
            "RESULTS_DISCLOSURE_TO_EXCHANGE, 5, WORKING_DAYS, ¶40",
            "CANCELLATION_PRIOR_NOTICE, 1, CALENDAR_DAYS, ¶55",
            "CANCELLATION_WRITTEN_CONFIRMATION, 3, WORKING_DAYS, ¶55",
            "CANCELLATION_PUBLICATION, 5, WORKING_DAYS, ¶56",
            "REGISTER_ENTRY, 3, WORKING_DAYS, ¶65"})
    void termMatchesTheOriginal(LegalTerm term, int length, TermUnit unit, String paragraph) {
        assertThat(term.length()).isEqualTo(length);
        assertThat(term.unit()).isEqualTo(unit);
        assertThat(term.paragraph()).isEqualTo(paragraph);
        assertThat(term.description()).isNotBlank();
    }

    @Test
    void everyTermIsListedInTheTable() {
        assertThat(LegalTerm.values()).hasSize(20);
        assertThat(Arrays.stream(LegalTerm.values()).filter(t -> t.kind() == TermKind.EARLIEST_DAY))
                .containsExactly(LegalTerm.PLACEMENT_EARLIEST_AFTER_OFFER);
    }

    @Test
    void deadlineAppliesUnitAndLength() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        for (LegalTerm t : LegalTerm.values()) {
            LocalDate expected = t.unit() == TermUnit.WORKING_DAYS ? CAL.plusWorkingDays(monday, t.length())
                    : CAL.plusCalendarDays(monday, t.length());
            assertThat(CAL.deadline(t, monday)).as(t.name()).isEqualTo(expected);
        }
        assertThat(CAL.deadline(LegalTerm.RESULTS_DECISION, monday)).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(CAL.deadline(LegalTerm.REGISTER_ENTRY, LocalDate.of(2026, 6, 5))).isEqualTo(LocalDate.of(2026, 6, 10));
        assertThat(LegalTerm.REGISTRATION_DECISION.label()).isEqualTo("20 WD (¶10)");
    }
}
