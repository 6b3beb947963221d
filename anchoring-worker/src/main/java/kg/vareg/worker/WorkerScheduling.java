package kg.vareg.worker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the worker tick on Spring's scheduler (no sleep loops); off when tests drive the loop. */
public class WorkerScheduling {

    private static final Logger log = LoggerFactory.getLogger(WorkerScheduling.class);
    private final WorkerLoop loop;

    public WorkerScheduling(WorkerLoop loop) {
        this.loop = loop;
    }

    @Scheduled(fixedDelayString = "${vareg.anchoring.poll-interval:PT2S}", initialDelayString = "PT1S")
    public void tick() {
        try {
            loop.runOnce();
        } catch (RuntimeException e) {
            // A database outage: log and let the next tick try again.
            log.error("worker tick failed: {}", e.toString());
        }
    }
}
