package kg.vareg.backend.register;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The register's clock: the system clock in Asia/Bishkek (every "today" and working-day term is Kyrgyz).
 * Two controlled departures, both off by default: {@link #runAt} backdates one thread's work (demo data is
 * built as it would have happened), and {@link #shift} moves the whole clock when the deployment allows it
 * ({@code vareg.clock.adjustable=true}, for integration tests that must let working days pass).
 */
public final class RegisterClock extends Clock {
    public static final ZoneId ZONE = ZoneId.of("Asia/Bishkek");

    private final Clock base;
    private final boolean adjustable;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final ThreadLocal<Instant> fixed = new ThreadLocal<>();

    /** The training/staging departure configured at start-up, or null (docs/configuration.md, "Training clock"). */
    private final Duration training;

    public RegisterClock(Clock base, boolean adjustable) {
        this(base, adjustable, null);
    }

    /**
     * @param training a fixed offset from the real time for a training or staging system (the whole register runs
     *                 on another date); null in normal operation
     */
    public RegisterClock(Clock base, boolean adjustable, Duration training) {
        this.base = base.withZone(ZONE);
        this.adjustable = adjustable;
        this.training = training;
        if (training != null) offset.set(training);
    }

    /** The training offset when this register runs on a training clock (shown on every page and response). */
    public java.util.Optional<Duration> training() {
        return java.util.Optional.ofNullable(training);
    }

    /** Today as the real world sees it, whatever the training clock says. */
    public java.time.LocalDate realToday() {
        return java.time.LocalDate.now(base);
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixed.get();
        return f != null ? f : base.instant().plus(offset.get());
    }

    /** Runs {@code work} on this thread as if it were {@code at}. */
    public <T> T runAt(Instant at, Supplier<T> work) {
        Instant previous = fixed.get();
        fixed.set(at);
        try {
            return work.get();
        } finally {
            if (previous == null) fixed.remove(); else fixed.set(previous);
        }
    }

    /** Sets the clock to {@code at} (tests only; refused unless the deployment is adjustable). */
    public void setTo(Instant at) {
        if (!adjustable) throw new IllegalStateException("the register clock is not adjustable in this deployment");
        offset.set(Duration.between(base.instant(), at));
    }

    /** Moves the clock forward (tests only; refused unless the deployment is adjustable). */
    public void shift(Duration by) {
        if (!adjustable) throw new IllegalStateException("the register clock is not adjustable in this deployment");
        offset.updateAndGet(o -> o.plus(by));
    }
}
