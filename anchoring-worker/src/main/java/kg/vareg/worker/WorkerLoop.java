package kg.vareg.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kg.vareg.common.logstore.AnchorRecord;
import kg.vareg.common.logstore.AnchorStatus;
import kg.vareg.common.logstore.LogQueries;
import kg.vareg.worker.anchoring.AnchorService;
import kg.vareg.worker.anchoring.AnchorStep;
import kg.vareg.worker.anchoring.AnchoringProperties;
import kg.vareg.worker.anchoring.AnchoringState;
import kg.vareg.worker.integration.JournalIntegration;
import kg.vareg.worker.sender.FenceToken;
import kg.vareg.worker.sender.SenderConfiguration;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker tick, run by the leader only (ShedLock over {@code log.shedlock}): integrate the
 * journal's new rows, then one anchoring step, then refresh what metrics and health report.
 * Scheduled by {@link WorkerScheduling}; tests call {@link #runOnce()} directly.
 */
public class WorkerLoop {

    public static final String LOCK_NAME = "vareg-anchoring";
    private static final Logger log = LoggerFactory.getLogger(WorkerLoop.class);
    private static final int MAX_BATCHES_PER_TICK = 50;

    private final JournalIntegration integration;
    private final Optional<AnchorService> anchoring;
    private final SenderConfiguration.Sender sender;
    private final LogQueries queries;
    private final AnchoringProperties props;
    private final AnchoringState state;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    public WorkerLoop(JournalIntegration integration, Optional<AnchorService> anchoring, SenderConfiguration.Sender sender,
                      LogQueries queries, AnchoringProperties props, AnchoringState state, LockingTaskExecutor locks,
                      Clock clock) {
        this.integration = integration;
        this.anchoring = anchoring;
        this.sender = sender;
        this.queries = queries;
        this.props = props;
        this.state = state;
        this.locks = locks;
        this.clock = clock;
    }

    /** What the tick did; {@code leader} is false when another instance holds the lock. */
    public record Tick(boolean leader, long integrated, Optional<AnchorStep> step) {
    }

    public Tick runOnce() {
        Tick[] result = {new Tick(false, 0, Optional.empty())};
        locks.executeWithLock((Runnable) () -> result[0] = tick(),
                new LockConfiguration(clock.instant(), LOCK_NAME, props.lockAtMostFor(), Duration.ZERO));
        return result[0];
    }

    private Tick tick() {
        // The fencing token first: from here on, a successor's tick makes every send of this one fail.
        Optional<FenceToken> fence = sender.sender().map(s -> s.fence().acquire(sender.instanceId()));
        long integrated = integration.drain(props.integrationBatchSize(), MAX_BATCHES_PER_TICK);
        Optional<AnchorStep> step = Optional.empty();
        Optional<String> chainError = Optional.empty();
        Optional<String> alarm = Optional.empty();
        if (anchoring.isPresent() && fence.isPresent()) {
            try {
                // Every transaction of the wallet (anchors and TokenRegistry) is followed, bumped, re-sent here.
                anchoring.get().sender().follow(fence.get());
                // Follow-then-send in one tick, so a confirmed anchor is followed at once by the next.
                AnchorStep s = anchoring.get().step(fence.get());
                if (s instanceof AnchorStep.Confirmed || s instanceof AnchorStep.Dropped) {
                    s = anchoring.get().step(fence.get());
                }
                step = Optional.of(s);
                if (s instanceof AnchorStep.Alarm a) {
                    alarm = Optional.of(a.why());
                    log.error("anchoring stopped: {}", a.why());
                }
            } catch (Exception e) {
                // Dead node, timeout, would-revert: the backlog grows, health says so, the next tick retries.
                chainError = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
                log.warn("anchoring step failed: {}", chainError.get());
            }
        }
        refreshState(chainError, alarm);
        return new Tick(true, integrated, step);
    }

    private void refreshState(Optional<String> chainError, Optional<String> alarm) {
        long size = queries.size();
        Optional<AnchorRecord> confirmed = queries.latestAnchor(AnchorStatus.CONFIRMED);
        long confirmedSize = confirmed.map(AnchorRecord::treeSize).orElse(0L);
        Optional<Instant> oldest = confirmedSize < size ? queries.integratedAt(confirmedSize) : Optional.empty();
        state.update(new AnchoringState.Snapshot(clock.instant(), size, queries.journalBacklog(), confirmedSize,
                confirmed.flatMap(AnchorRecord::blockTime), oldest, chainError, alarm));
    }
}
