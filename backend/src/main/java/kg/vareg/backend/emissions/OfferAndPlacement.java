package kg.vareg.backend.emissions;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.Optional;
import kg.vareg.backend.calendar.LegalTerm;
import kg.vareg.backend.calendar.WorkingDayCalendar;

/**
 * Offer and placement (¶4 stages 4-5, ¶20-24): the public offer disclosed on the issuer's website, placement no earlier
 * than 5 working days later and only within the white paper's period. A part of the {@link Emission} aggregate.
 */
@Embeddable
public class OfferAndPlacement {
    @Column(name = "offer_disclosed_on")
    private LocalDate offerDisclosedOn;
    @Column(name = "offer_url")
    private String offerUrl;
    @Column(name = "placement_started_on")
    private LocalDate placementStartedOn;

    protected OfferAndPlacement() {}

    static OfferAndPlacement none() {
        return new OfferAndPlacement();
    }

    /** ¶4 stage 4, ¶20-21: disclosed after registration, not in the future, early enough to place within the period. */
    EmissionEvent.PublicOfferDisclosed disclose(LocalDate disclosedOn, String url, LocalDate registeredOn, LocalDate previousStep,
            LocalDate placementEnd, WorkingDayCalendar calendar, LocalDate today) {
        Emission.require(!disclosedOn.isAfter(today), "¶20", "the disclosure date " + disclosedOn + " is in the future");
        Emission.require(!disclosedOn.isBefore(registeredOn), "¶4", "the offer cannot be disclosed before registration on " + registeredOn);
        Emission.require(previousStep == null || !disclosedOn.isBefore(previousStep), "¶20",
                "the disclosure date " + disclosedOn + " is before the previous step on " + previousStep);
        LocalDate earliest = calendar.deadline(LegalTerm.PLACEMENT_EARLIEST_AFTER_OFFER, disclosedOn);
        Emission.require(!earliest.isAfter(placementEnd), "¶20-21", "placement could start no earlier than " + earliest
                + " (5 WD after disclosure), after the placement period ends on " + placementEnd);
        offerDisclosedOn = disclosedOn;
        offerUrl = url;
        return new EmissionEvent.PublicOfferDisclosed(disclosedOn, url, earliest);
    }

    /** ¶20-22: no earlier than 5 WD after disclosure, within the white paper's period, not in the future. */
    EmissionEvent.PlacementStarted start(LocalDate startedOn, LocalDate previousStep, LocalDate placementStart, LocalDate placementEnd,
            WorkingDayCalendar calendar, LocalDate today) {
        Emission.require(!startedOn.isAfter(today), "¶22", "the placement start " + startedOn + " is in the future");
        Emission.require(previousStep == null || !startedOn.isBefore(previousStep), "¶22",
                "the placement start " + startedOn + " is before the previous step on " + previousStep);
        LocalDate earliest = calendar.deadline(LegalTerm.PLACEMENT_EARLIEST_AFTER_OFFER, offerDisclosedOn);
        Emission.require(!startedOn.isBefore(earliest), "¶21", "placement may start no earlier than 5 working days after the offer was disclosed on "
                + offerDisclosedOn + ", i.e. on " + earliest + " or later");
        Emission.require(!startedOn.isBefore(placementStart) && !startedOn.isAfter(placementEnd), "¶20",
                "placement happens only within the period of the white paper, " + placementStart + " to " + placementEnd);
        placementStartedOn = startedOn;
        return new EmissionEvent.PlacementStarted(startedOn);
    }

    Optional<LocalDate> offerDisclosedOn() { return Optional.ofNullable(offerDisclosedOn); }
    Optional<String> offerUrl() { return Optional.ofNullable(offerUrl); }
    Optional<LocalDate> placementStartedOn() { return Optional.ofNullable(placementStartedOn); }
}
