package kg.vareg.worker.sender;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Why the sender is holding back, if it is (fee cap per transaction or per day reached, wallet
 * unfunded). Health reports DEGRADED while a reason stands; it clears on the next successful send.
 */
public final class SenderState {

    public record Blocked(String reason, Instant since) {
    }

    private final AtomicReference<Optional<Blocked>> blocked = new AtomicReference<>(Optional.empty());

    public Optional<Blocked> blocked() {
        return blocked.get();
    }

    void block(String reason, Instant now) {
        blocked.updateAndGet(b -> b.filter(x -> x.reason().equals(reason)).or(() -> Optional.of(new Blocked(reason, now))));
    }

    void clear() {
        blocked.set(Optional.empty());
    }
}
