package kg.vareg.backend.register;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The training / staging clock (docs/configuration.md): {@code vareg.clock.training-date} (YYYY-MM-DD: the register
 * starts on that day, at the real time of day, and runs on) or {@code vareg.clock.training-offset} (ISO-8601
 * duration such as {@code -P30D} or {@code P1DT2H}). Never both, and never under the production profile
 * ({@code prod}): a production register lives on the real date only. Every error is one line that stops start-up.
 */
record TrainingClockSettings(Optional<Duration> offset) {

    static final String PRODUCTION_PROFILE = "prod";

    static TrainingClockSettings resolve(String date, String offset, boolean adjustable, String[] activeProfiles, Clock real) {
        boolean production = Arrays.asList(activeProfiles).contains(PRODUCTION_PROFILE);
        boolean hasDate = date != null && !date.isBlank();
        boolean hasOffset = offset != null && !offset.isBlank();
        if (production && (hasDate || hasOffset || adjustable)) {
            throw new IllegalStateException("vareg.clock.training-date, vareg.clock.training-offset and vareg.clock.adjustable"
                    + " are refused under the production profile '" + PRODUCTION_PROFILE + "': a production register runs on"
                    + " the real date only");
        }
        if (hasDate && hasOffset) {
            throw new IllegalStateException("set either vareg.clock.training-date or vareg.clock.training-offset, not both");
        }
        if (hasDate) {
            LocalDate target;
            try {
                target = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("vareg.clock.training-date '" + date + "' is not a date as YYYY-MM-DD");
            }
            LocalDate today = LocalDate.now(real.withZone(RegisterClock.ZONE));
            return new TrainingClockSettings(Optional.of(Duration.ofDays(target.toEpochDay() - today.toEpochDay())));
        }
        if (hasOffset) {
            try {
                return new TrainingClockSettings(Optional.of(Duration.parse(offset.strip())));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("vareg.clock.training-offset '" + offset
                        + "' is not an ISO-8601 duration such as -P30D or P1DT2H");
            }
        }
        return new TrainingClockSettings(Optional.empty());
    }
}
