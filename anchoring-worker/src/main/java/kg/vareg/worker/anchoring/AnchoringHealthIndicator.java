package kg.vareg.worker.anchoring;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import kg.vareg.worker.sender.SenderState;

/**
 * Health component "anchoring": DOWN when an alarm stands, when entries wait while the chain is
 * failing, or when the oldest unanchored entry is older than {@code vareg.anchoring.backlog-alarm-age};
 * DEGRADED while the transaction sender holds back (fee cap per transaction or per day reached,
 * wallet unfunded), with the reason — never a silent stall.
 */
public class AnchoringHealthIndicator implements HealthIndicator {

    /** Reported while the sender holds back; ordered between DOWN and UP (application.yml). */
    public static final Status DEGRADED = new Status("DEGRADED", "the transaction sender is holding back");

    private final AnchoringState state;
    private final SenderState sender;
    private final AnchoringProperties props;
    private final Clock clock;

    public AnchoringHealthIndicator(AnchoringState state, SenderState sender, AnchoringProperties props, Clock clock) {
        this.state = state;
        this.sender = sender;
        this.props = props;
        this.clock = clock;
    }

    @Override
    public Health health() {
        AnchoringState.Snapshot s = state.current();
        long waiting = s.entriesWaiting();
        Duration age = s.oldestWaitingSince().map(t -> Duration.between(t, clock.instant())).orElse(Duration.ZERO);
        Health.Builder b;
        if (s.alarm().isPresent()) {
            b = Health.down().withDetail("alarm", s.alarm().get());
        } else if (waiting > 0 && s.chainError().isPresent()) {
            b = Health.down().withDetail("reason", "chain unreachable or refusing; backlog growing");
        } else if (waiting > 0 && age.compareTo(props.backlogAlarmAge()) > 0) {
            b = Health.down().withDetail("reason", "oldest entry waits longer than " + props.backlogAlarmAge());
        } else if (sender.blocked().isPresent()) {
            b = Health.status(DEGRADED).withDetail("reason", sender.blocked().get().reason())
                    .withDetail("heldBackSince", sender.blocked().get().since().toString());
        } else {
            b = Health.up();
        }
        s.chainError().ifPresent(e -> b.withDetail("chainError", e));
        return b.withDetail("entriesWaiting", waiting)
                .withDetail("logSize", s.logSize())
                .withDetail("journalBacklog", s.journalBacklog())
                .withDetail("lastAnchoredSize", s.confirmedSize())
                .withDetail("oldestWaitingSeconds", age.toSeconds())
                .withDetail("lastTick", s.at().toString())
                .build();
    }
}
