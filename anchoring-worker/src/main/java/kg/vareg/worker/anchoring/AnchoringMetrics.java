package kg.vareg.worker.anchoring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;

/** Micrometer meters of the anchoring worker, read from the last tick's snapshot. */
public final class AnchoringMetrics {

    private AnchoringMetrics() {
    }

    public static void register(MeterRegistry registry, AnchoringState state, Clock clock) {
        Gauge.builder("vareg.anchoring.entries.waiting", state, s -> s.current().entriesWaiting())
                .description("journal rows not integrated plus log entries not yet anchored with K confirmations")
                .register(registry);
        Gauge.builder("vareg.anchoring.last.anchored.size", state, s -> s.current().confirmedSize())
                .description("tree size of the last confirmed anchor").register(registry);
        Gauge.builder("vareg.anchoring.seconds.since.last.anchor", state,
                        s -> s.current().lastAnchorTime()
                                .map(t -> (double) Duration.between(t, clock.instant()).toSeconds()).orElse(Double.NaN))
                .description("seconds since the block time of the last confirmed anchor").baseUnit("seconds")
                .register(registry);
        Gauge.builder("vareg.log.size", state, s -> s.current().logSize())
                .description("entries in the Merkle log").register(registry);
        FunctionCounter.builder("vareg.anchoring.gas.spent", state, AnchoringState::gasSpent)
                .description("gas used by confirmed (and reverted) anchor transactions").baseUnit("gas")
                .register(registry);
    }
}
