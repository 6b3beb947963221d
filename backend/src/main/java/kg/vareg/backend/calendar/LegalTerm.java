package kg.vareg.backend.calendar;

import static kg.vareg.backend.calendar.TermKind.DEADLINE;
import static kg.vareg.backend.calendar.TermKind.EARLIEST_DAY;
import static kg.vareg.backend.calendar.TermUnit.CALENDAR_DAYS;
import static kg.vareg.backend.calendar.TermUnit.WORKING_DAYS;

/**
 * Every time limit of the Regulation, checked against the Kyrgyz original (regulation-ky.txt).
 * All terms run from the day after the event (¶36 says so outright); see {@link WorkingDayCalendar}.
 */
public enum LegalTerm {
    // ¶3-11: holders' claim on default, handled by the collateral manager.
    COLLATERAL_MANAGER_DEMAND(5, WORKING_DAYS, DEADLINE, "¶3-11",
            "collateral manager writes to the issuer after a holder's written claim"),
    ISSUER_EXPLANATION(3, WORKING_DAYS, DEADLINE, "¶3-11",
            "issuer answers the collateral manager's demand for an explanation"),
    ISSUER_DEBT_CURE(10, WORKING_DAYS, DEADLINE, "¶3-11",
            "issuer cures overdue obligations after the manager's written demand (the first sentence says 10 WD; the"
                    + " second repeats it as '10 days' — read as the same 10 WD)"),
    COLLATERAL_MANAGER_OWN_ACTION(30, CALENDAR_DAYS, DEADLINE, "¶3-11",
            "collateral manager acts on its own when holders are absent, counted from the default"),

    WHITE_PAPER_CHANGE_ANSWER(10, WORKING_DAYS, DEADLINE, "¶7",
            "regulator consents to or refuses (with reasons) a change of the white paper"),
    REGISTRATION_DECISION(20, WORKING_DAYS, DEADLINE, "¶10",
            "regulator registers the emission or refuses with reasons, from receipt of the package"),
    PLACEMENT_EARLIEST_AFTER_OFFER(5, WORKING_DAYS, EARLIEST_DAY, "¶21",
            "placement may start no earlier than 5 WD after the public offer is published"),
    FEE_QUARTERLY_PAYMENT(5, WORKING_DAYS, DEADLINE, "¶28",
            "issuer pays the quarterly fee instalment after the quarter ends"),
    FEE_QUARTERLY_NOTICE(10, WORKING_DAYS, DEADLINE, "¶28",
            "issuer notifies the regulator of the amount placed and the fee paid after the quarter ends"),
    RESULTS_REPORT(30, CALENDAR_DAYS, DEADLINE, "¶30",
            "issuer files the results report after the placement period ends"),
    RESULTS_DECISION(10, WORKING_DAYS, DEADLINE, "¶34",
            "regulator recognises the emission successful or unsuccessful; afterwards it may no longer declare"
                    + " it unsuccessful"),
    NUMBER_CANCELLATION_ENTRY(1, WORKING_DAYS, DEADLINE, "¶36",
            "cancellation of the registration number entered no later than the next working day after the decision"),
    CURE_PERIOD(10, WORKING_DAYS, DEADLINE, "¶37",
            "issuer cures the breaches named in the regulator's written notice"),
    SUCCESS_NOTICE(3, WORKING_DAYS, DEADLINE, "¶38",
            "regulator sends the decision recognising the results to the issuer"),
    REFUSAL_OF_SUCCESS_NOTICE(3, WORKING_DAYS, DEADLINE, "¶39",
            "regulator sends the refusal to recognise success, with grounds, to the issuer"),
    RESULTS_DISCLOSURE_TO_EXCHANGE(5, WORKING_DAYS, DEADLINE, "¶40",
            "issuer discloses the results to the trading operator after the success decision"),
    CANCELLATION_PRIOR_NOTICE(1, CALENDAR_DAYS, DEADLINE, "¶55",
            "regulator notifies issuer and trading operator of the cancellation by phone/fax/electronic means the"
                    + " day after the decision"),
    CANCELLATION_WRITTEN_CONFIRMATION(3, WORKING_DAYS, DEADLINE, "¶55",
            "regulator confirms the cancellation notice in writing"),
    CANCELLATION_PUBLICATION(5, WORKING_DAYS, DEADLINE, "¶56",
            "regulator publishes the cancellation on its official website"),
    REGISTER_ENTRY(3, WORKING_DAYS, DEADLINE, "¶65",
            "regulator makes the register entry after its basis (¶64) arises");

    private final int length;
    private final TermUnit unit;
    private final TermKind kind;
    private final String paragraph;
    private final String description;

    LegalTerm(int length, TermUnit unit, TermKind kind, String paragraph, String description) {
        this.length = length;
        this.unit = unit;
        this.kind = kind;
        this.paragraph = paragraph;
        this.description = description;
    }

    public int length() {
        return length;
    }

    public TermUnit unit() {
        return unit;
    }

    public TermKind kind() {
        return kind;
    }

    /** The paragraph of the Regulation, e.g. "¶10". */
    public String paragraph() {
        return paragraph;
    }

    public String description() {
        return description;
    }

    /** E.g. "20 WD (¶10)". */
    public String label() {
        return length + (unit == WORKING_DAYS ? " WD" : " CD") + " (" + paragraph + ")";
    }
}
