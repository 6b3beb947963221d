package kg.vareg.backend.emissions;

import static kg.vareg.backend.emissions.EmissionChanges.ISSUER;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.calendar.WorkingDayCalendar;
import kg.vareg.backend.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Offer and placement (¶4 stages 4-5, ¶20-24): the issuer discloses the public offer and reports the placement start. */
@Service
public class PlacementService {
    private final EmissionChanges changes;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    PlacementService(EmissionChanges changes, WorkingDayCalendar calendar, Clock clock) {
        this.changes = changes;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional
    public Emission discloseOffer(UUID id, Optional<Long> v, LocalDate disclosedOn, String url, CurrentActor actor) {
        return changes.change(id, v, actor, ISSUER, "the issuer publishes the public offer (¶20-21)",
                (e, docs) -> e.discloseOffer(disclosedOn, url, calendar, clock));
    }

    @Transactional
    public Emission startPlacement(UUID id, Optional<Long> v, LocalDate startedOn, CurrentActor actor) {
        return changes.change(id, v, actor, ISSUER, "the issuer reports the placement start (¶21-22)",
                (e, docs) -> e.startPlacement(startedOn, calendar, clock));
    }
}
