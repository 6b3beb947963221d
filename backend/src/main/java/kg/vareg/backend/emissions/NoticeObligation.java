package kg.vareg.backend.emissions;

import java.time.LocalDate;
import java.util.Optional;
import kg.vareg.backend.emissions.EmissionEvent.NoticeKind;
import kg.vareg.backend.emissions.EmissionEvent.Recipient;

/**
 * A notice the regulation requires of this emission now (its trigger has happened): to whom, from which day, by
 * when ({@code due} empty where the ¶ sets no term, ¶11), and the act once recorded.
 */
public record NoticeObligation(NoticeKind kind, Recipient recipient, LocalDate triggeredOn, Optional<LocalDate> due,
        Optional<NoticeAct> done) {

    public boolean overdue(LocalDate today) {
        return done.isEmpty() && due.map(today::isAfter).orElse(false);
    }
}
