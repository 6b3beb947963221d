package kg.vareg.backend.emissions;

import static kg.vareg.backend.emissions.EmissionTest.CAL;
import static kg.vareg.backend.emissions.EmissionTest.on;
import static kg.vareg.backend.emissions.EmissionTest.violates;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import kg.vareg.backend.emissions.EmissionEvent.CancellationBasis;
import kg.vareg.backend.emissions.EmissionEvent.Channel;
import kg.vareg.backend.emissions.EmissionEvent.NoticeKind;
import kg.vareg.backend.emissions.EmissionEvent.NoticeRecorded;
import kg.vareg.backend.emissions.EmissionEvent.Recipient;
import kg.vareg.backend.emissions.EmissionEvent.SuccessGround;
import org.junit.jupiter.api.Test;

/**
 * The notices, deliveries and disclosures the regulation times (¶11, ¶38-40, ¶54-56), on the aggregate and the real
 * Kyrgyz calendar. June-August 2026 have no holidays after 27 May except 31 August.
 */
class EmissionNoticesTest {
    static final String DOC = "cd".repeat(32);

    static NoticeFacts facts(NoticeKind kind, List<Recipient> to, LocalDate on, Channel channel) {
        return new NoticeFacts(kind, to, on, channel, null, null);
    }

    static NoticeObligation obligation(Emission e, NoticeKind kind, Recipient r) {
        return e.noticeObligations(CAL).stream().filter(o -> o.kind() == kind && o.recipient() == r).findFirst().orElseThrow();
    }

    static NoticeRecorded only(Emission e) {
        return (NoticeRecorded) assertThat(e.drainEvents()).singleElement().isInstanceOf(NoticeRecorded.class).actual();
    }

    /** Reported on Monday 3 August 2026, success on Tuesday 4 August. */
    static Emission successful() {
        Emission e = EmissionTest.reported(700_000);
        e.declareSuccessful(SuccessGround.MINIMUM_QUANTITY_PLACED, CAL, on(LocalDate.of(2026, 8, 4)));
        e.drainEvents();
        return e;
    }

    @Test
    void para11_theRegistrationDecisionAndTwoWhitePaperCopiesAreDeliveredToTheIssuer() {
        Emission draft = EmissionTest.draft();
        violates("¶11", () -> draft.recordNotice(NoticeFacts.of(NoticeKind.REGISTRATION_DECISION_DELIVERY), "REGISTRAR", CAL,
                on(LocalDate.of(2026, 6, 1))));
        assertThat(draft.noticeObligations(CAL)).isEmpty();

        Emission e = EmissionTest.registered(); // 1 June 2026
        e.drainEvents();
        NoticeObligation owed = obligation(e, NoticeKind.REGISTRATION_DECISION_DELIVERY, Recipient.ISSUER);
        assertThat(owed.due()).isEmpty(); // ¶11 sets no term
        assertThat(owed.done()).isEmpty();
        violates("¶11", () -> e.recordNotice(facts(NoticeKind.REGISTRATION_DECISION_DELIVERY, List.of(Recipient.TRADING_OPERATOR),
                null, null), "REGISTRAR", CAL, on(LocalDate.of(2026, 6, 2))));
        violates("¶11", () -> e.recordNotice(facts(NoticeKind.REGISTRATION_DECISION_DELIVERY, List.of(), LocalDate.of(2026, 5, 29),
                null), "REGISTRAR", CAL, on(LocalDate.of(2026, 6, 2))));

        e.recordNotice(new NoticeFacts(NoticeKind.REGISTRATION_DECISION_DELIVERY, List.of(), null, Channel.IN_PERSON, DOC, null),
                "REGISTRAR", CAL, on(LocalDate.of(2026, 6, 2)));
        NoticeRecorded ev = only(e);
        assertThat(ev.type()).isEqualTo("RegistrationDecisionDelivered");
        assertThat(ev.paragraph()).isEqualTo("¶11");
        assertThat(ev.changes()).containsEntry("whitePaperCopies", 2).containsEntry("whitePaperSha256", "ab".repeat(32))
                .containsEntry("documentSha256", DOC).containsEntry("recipient", "ISSUER").containsEntry("actOn", "2026-06-02")
                .doesNotContainKey("due");
        assertThat(obligation(e, NoticeKind.REGISTRATION_DECISION_DELIVERY, Recipient.ISSUER).done()).hasValueSatisfying(a -> {
            assertThat(a.actOn()).isEqualTo(LocalDate.of(2026, 6, 2));
            assertThat(a.documentSha256()).contains(DOC);
            assertThat(a.recordedBy()).isEqualTo("REGISTRAR");
        });
        violates("¶11", () -> e.recordNotice(NoticeFacts.of(NoticeKind.REGISTRATION_DECISION_DELIVERY), "REGISTRAR", CAL,
                on(LocalDate.of(2026, 6, 3))));
    }

    @Test
    void para38_theDecisionOfSuccessGoesToTheIssuerWithin3WorkingDays() {
        Emission reported = EmissionTest.reported(700_000);
        violates("¶38", () -> reported.recordNotice(NoticeFacts.of(NoticeKind.SUCCESS_DECISION_NOTICE), "REGISTRAR", CAL,
                on(LocalDate.of(2026, 8, 4))));

        Emission e = successful(); // 4 August 2026 (Tue) → 3 WD = Friday 7 August
        assertThat(obligation(e, NoticeKind.SUCCESS_DECISION_NOTICE, Recipient.ISSUER).due()).contains(LocalDate.of(2026, 8, 7));
        assertThat(obligation(e, NoticeKind.SUCCESS_DECISION_NOTICE, Recipient.ISSUER).overdue(LocalDate.of(2026, 8, 10))).isTrue();
        violates("¶38", () -> e.recordNotice(facts(NoticeKind.SUCCESS_DECISION_NOTICE, List.of(), LocalDate.of(2026, 8, 6), null),
                "REGISTRAR", CAL, on(LocalDate.of(2026, 8, 5)))); // in the future
        e.recordNotice(facts(NoticeKind.SUCCESS_DECISION_NOTICE, List.of(), LocalDate.of(2026, 8, 7), Channel.POST), "SUPERVISOR", CAL,
                on(LocalDate.of(2026, 8, 10)));
        NoticeRecorded ev = only(e);
        assertThat(ev.type()).isEqualTo("SuccessDecisionSent");
        assertThat(ev.due()).isEqualTo(LocalDate.of(2026, 8, 7));
        assertThat(ev.late()).isFalse(); // sent on the last day, recorded later
        assertThat(ev.recordedOn()).isEqualTo(LocalDate.of(2026, 8, 10));
        assertThat(obligation(e, NoticeKind.SUCCESS_DECISION_NOTICE, Recipient.ISSUER).overdue(LocalDate.of(2026, 8, 10))).isFalse();
    }

    @Test
    void para39_theRefusalOfSuccessWithGroundsGoesToTheIssuerWithin3WorkingDays() {
        Emission ok = successful();
        violates("¶39", () -> ok.recordNotice(NoticeFacts.of(NoticeKind.SUCCESS_REFUSAL_NOTICE), "REGISTRAR", CAL,
                on(LocalDate.of(2026, 8, 5))));

        Emission e = EmissionTest.reported(100_000);
        e.declareUnsuccessful("fewer than the minimum placed", CAL, on(LocalDate.of(2026, 8, 4)));
        e.drainEvents();
        assertThat(obligation(e, NoticeKind.SUCCESS_REFUSAL_NOTICE, Recipient.ISSUER).due()).contains(LocalDate.of(2026, 8, 7));
        e.recordNotice(facts(NoticeKind.SUCCESS_REFUSAL_NOTICE, List.of(), null, Channel.POST), "REGISTRAR", CAL,
                on(LocalDate.of(2026, 8, 10)));
        NoticeRecorded ev = only(e);
        assertThat(ev.type()).isEqualTo("SuccessRefusalSent");
        assertThat(ev.late()).isTrue(); // Monday 10 August is after Friday 7 August
        assertThat(ev.changes()).containsEntry("late", true).containsEntry("due", "2026-08-07");
    }

    @Test
    void para40_theIssuerDisclosesTheResultsToTheTradingOperatorWithin5WorkingDays() {
        Emission reported = EmissionTest.reported(700_000);
        violates("¶40", () -> reported.recordNotice(NoticeFacts.of(NoticeKind.RESULTS_DISCLOSURE), "ISSUER", CAL,
                on(LocalDate.of(2026, 8, 4))));

        Emission e = successful(); // 4 August → 5 WD = Tuesday 11 August
        NoticeObligation owed = obligation(e, NoticeKind.RESULTS_DISCLOSURE, Recipient.TRADING_OPERATOR);
        assertThat(owed.due()).contains(LocalDate.of(2026, 8, 11));
        assertThat(owed.overdue(LocalDate.of(2026, 8, 11))).isFalse();
        assertThat(owed.overdue(LocalDate.of(2026, 8, 12))).isTrue();
        violates("¶40", () -> e.recordNotice(facts(NoticeKind.RESULTS_DISCLOSURE, List.of(Recipient.ISSUER), null, null), "ISSUER",
                CAL, on(LocalDate.of(2026, 8, 5))));
        e.recordNotice(new NoticeFacts(NoticeKind.RESULTS_DISCLOSURE, List.of(), null, Channel.EMAIL, DOC, null), "ISSUER", CAL,
                on(LocalDate.of(2026, 8, 11)));
        NoticeRecorded ev = only(e);
        assertThat(ev.type()).isEqualTo("ResultsDisclosedToExchange");
        assertThat(ev.recipient()).isEqualTo(Recipient.TRADING_OPERATOR);
        assertThat(ev.late()).isFalse();
        violates("¶40", () -> e.recordNotice(NoticeFacts.of(NoticeKind.RESULTS_DISCLOSURE), "ISSUER", CAL, on(LocalDate.of(2026, 8, 12))));
    }

    @Test
    void para54_55_theIssuerAndTheTradingOperatorAreNotifiedTheNextDayElectronicallyAndInWritingWithin3WorkingDays() {
        Emission live = EmissionTest.registered();
        violates("¶54", () -> live.recordNotice(facts(NoticeKind.PRIOR_NOTICE, List.of(), null, Channel.PHONE), "REGISTRAR", CAL,
                on(LocalDate.of(2026, 6, 2))));

        Emission e = EmissionTest.registered();
        // Cancelled on Friday 5 June 2026: the prior notice is due on Saturday 6 June, moved to Monday 8 June (a day
        // off); the written confirmation within 3 WD = Wednesday 10 June.
        e.cancel(CancellationBasis.ISSUER_LIQUIDATED, "ab".repeat(32), CAL, on(LocalDate.of(2026, 6, 5)));
        e.drainEvents();
        assertThat(e.noticeObligations(CAL)).filteredOn(o -> o.kind() == NoticeKind.PRIOR_NOTICE)
                .extracting(NoticeObligation::recipient).containsExactly(Recipient.ISSUER, Recipient.TRADING_OPERATOR);
        assertThat(obligation(e, NoticeKind.PRIOR_NOTICE, Recipient.ISSUER).due()).contains(LocalDate.of(2026, 6, 8));
        assertThat(obligation(e, NoticeKind.WRITTEN_CONFIRMATION, Recipient.TRADING_OPERATOR).due()).contains(LocalDate.of(2026, 6, 10));

        // ¶55: the prior notice goes by phone, fax or other electronic means.
        violates("¶55", () -> e.recordNotice(facts(NoticeKind.PRIOR_NOTICE, List.of(), null, null), "REGISTRAR", CAL,
                on(LocalDate.of(2026, 6, 8))));
        violates("¶55", () -> e.recordNotice(facts(NoticeKind.PRIOR_NOTICE, List.of(), null, Channel.POST), "REGISTRAR", CAL,
                on(LocalDate.of(2026, 6, 8))));
        violates("¶55", () -> e.recordNotice(facts(NoticeKind.PRIOR_NOTICE, List.of(Recipient.PUBLIC), null, Channel.PHONE),
                "REGISTRAR", CAL, on(LocalDate.of(2026, 6, 8))));

        e.recordNotice(facts(NoticeKind.PRIOR_NOTICE, List.of(Recipient.ISSUER), LocalDate.of(2026, 6, 8), Channel.PHONE), "REGISTRAR",
                CAL, on(LocalDate.of(2026, 6, 8)));
        assertThat(only(e).late()).isFalse();
        // The trading operator is still owed its notice; recorded a day late it is flagged.
        assertThat(obligation(e, NoticeKind.PRIOR_NOTICE, Recipient.TRADING_OPERATOR).overdue(LocalDate.of(2026, 6, 9))).isTrue();
        e.recordNotice(facts(NoticeKind.PRIOR_NOTICE, List.of(Recipient.TRADING_OPERATOR), null, Channel.EMAIL), "REGISTRAR", CAL,
                on(LocalDate.of(2026, 6, 9)));
        NoticeRecorded late = only(e);
        assertThat(late.type()).isEqualTo("CancellationNoticeRecorded");
        assertThat(late.late()).isTrue();
        violates("¶55", () -> e.recordNotice(facts(NoticeKind.PRIOR_NOTICE, List.of(Recipient.ISSUER), null, Channel.FAX), "REGISTRAR",
                CAL, on(LocalDate.of(2026, 6, 9))));

        e.recordNotice(new NoticeFacts(NoticeKind.WRITTEN_CONFIRMATION, List.of(), null, Channel.POST, DOC, null), "REGISTRAR", CAL,
                on(LocalDate.of(2026, 6, 10)));
        assertThat(e.drainEvents()).hasSize(2).allSatisfy(ev -> assertThat(((NoticeRecorded) ev).late()).isFalse());
        assertThat(e.noticeObligations(CAL)).filteredOn(o -> o.kind() != NoticeKind.WEBSITE_PUBLICATION
                && o.kind() != NoticeKind.REGISTRATION_DECISION_DELIVERY).allSatisfy(o -> assertThat(o.done()).isPresent());
    }

    @Test
    void para56_theCancellationIsPublishedOnTheRegulatorsWebsiteWithin5WorkingDays() {
        Emission e = EmissionTest.registered();
        e.cancel(CancellationBasis.ISSUER_BANKRUPT, "ab".repeat(32), CAL, on(LocalDate.of(2026, 6, 5)));
        e.drainEvents();
        // Friday 5 June → 5 WD = Friday 12 June.
        NoticeObligation owed = obligation(e, NoticeKind.WEBSITE_PUBLICATION, Recipient.PUBLIC);
        assertThat(owed.due()).contains(LocalDate.of(2026, 6, 12));
        assertThat(owed.overdue(LocalDate.of(2026, 6, 15))).isTrue();
        e.recordNotice(new NoticeFacts(NoticeKind.WEBSITE_PUBLICATION, List.of(), null, Channel.WEBSITE, null,
                "https://regulator.example/notices/1"), "SUPERVISOR", CAL, on(LocalDate.of(2026, 6, 15)));
        NoticeRecorded ev = only(e);
        assertThat(ev.paragraph()).isEqualTo("¶56");
        assertThat(ev.late()).isTrue();
        assertThat(ev.changes()).containsEntry("url", "https://regulator.example/notices/1").containsEntry("notice", "WEBSITE_PUBLICATION");
        violates("¶56", () -> e.recordNotice(NoticeFacts.of(NoticeKind.WEBSITE_PUBLICATION), "REGISTRAR", CAL, on(LocalDate.of(2026, 6, 15))));
    }
}
