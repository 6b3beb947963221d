package kg.vareg.backend.emissions;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The date a workflow fact has under the regulation — the day the package was received, a decision signed, a court
 * ruled, an offer disclosed — beside the day the register recorded it (both Asia/Bishkek local dates). A clerk may
 * record a fact of an earlier day (a package received by post yesterday, a decision signed on Friday): the entry is then
 * <em>backdated</em>, marked so in the history and the journal with both dates, and its deadlines run from the
 * effective date. The rules: never in the future, never before the emission's previous workflow event, and never
 * beyond what the ¶ allows (each transition names its bound).
 */
record EffectiveDate(LocalDate on, LocalDate recordedOn) {

    EffectiveDate {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(recordedOn, "recordedOn");
    }

    /** {@code requested} (null = today), refused when in the future. */
    static EffectiveDate of(LocalDate requested, LocalDate today, String paragraph, String what) {
        LocalDate on = requested == null ? today : requested;
        Emission.require(!on.isAfter(today), paragraph, "the " + what + " " + on + " is in the future (today is " + today + ")");
        return new EffectiveDate(on, today);
    }

    static EffectiveDate today(LocalDate today) {
        return new EffectiveDate(today, today);
    }

    /** Never before the previous event ({@code previous} null = there is none). */
    EffectiveDate notBefore(LocalDate previous, String paragraph, String what, String previousEvent) {
        if (previous != null) {
            Emission.require(!on.isBefore(previous), paragraph, "the " + what + " " + on + " is before the " + previousEvent
                    + " on " + previous);
        }
        return this;
    }

    /**
     * Never beyond what the ¶ allows: recorded no later than {@code lastRecordingDay}, the last day the ¶ leaves for
     * entering a fact of this date.
     */
    EffectiveDate recordedBy(LocalDate lastRecordingDay, String paragraph, String rule) {
        Emission.require(!recordedOn.isAfter(lastRecordingDay), paragraph, "a " + on + " " + rule + " (last day " + lastRecordingDay
                + "); it cannot be entered on " + recordedOn);
        return this;
    }

    boolean backdated() {
        return on.isBefore(recordedOn);
    }

    /** The event as recorded: marked {@link EmissionEvent.Backdated} with both dates when the fact is of an earlier day. */
    EmissionEvent mark(EmissionEvent event) {
        return backdated() ? new EmissionEvent.Backdated(event, on, recordedOn) : event;
    }
}
