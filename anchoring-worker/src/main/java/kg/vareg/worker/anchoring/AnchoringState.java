package kg.vareg.worker.anchoring;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the last worker tick saw, for metrics and health (scrapes never hit the database or chain).
 *
 * @param logSize             leaves in the log
 * @param journalBacklog      journal rows not yet integrated
 * @param confirmedSize       largest tree size anchored with K confirmations
 * @param lastAnchorTime      block time of that anchor
 * @param oldestWaitingSince  integration time of the oldest entry not yet confirmed on-chain
 * @param chainError          the last chain failure, cleared by a successful anchoring step
 * @param alarm               a condition a human must look at (fork, chain ahead of the database)
 */
public final class AnchoringState {

    public record Snapshot(Instant at, long logSize, long journalBacklog, long confirmedSize,
                           Optional<Instant> lastAnchorTime, Optional<Instant> oldestWaitingSince,
                           Optional<String> chainError, Optional<String> alarm) {

        public long entriesWaiting() {
            return journalBacklog + Math.max(0, logSize - confirmedSize);
        }
    }

    private final AtomicReference<Snapshot> current = new AtomicReference<>(
            new Snapshot(Instant.EPOCH, 0, 0, 0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    private final AtomicLong gasSpent = new AtomicLong();

    public Snapshot current() {
        return current.get();
    }

    public void update(Snapshot s) {
        current.set(s);
    }

    public void addGas(long gas) {
        gasSpent.addAndGet(gas);
    }

    public long gasSpent() {
        return gasSpent.get();
    }
}
