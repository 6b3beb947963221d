package kg.vareg.backend.verification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the verifier on Spring's scheduler (fixed delay: a slow pass is never overlapped by the next).
 * Several backend instances may run it: each token's progress is guarded by an optimistic version, so
 * a token is never advanced twice, and findings have one open row per condition (unique index).
 */
final class VerifierScheduler {
    private static final Logger log = LoggerFactory.getLogger(VerifierScheduler.class);
    private final SupplyVerifier verifier;
    private final AlertService alerts;

    VerifierScheduler(SupplyVerifier verifier, AlertService alerts) {
        this.verifier = verifier;
        this.alerts = alerts;
    }

    @Scheduled(fixedDelayString = "${vareg.verifier.scan-interval:15s}", initialDelayString = "${vareg.verifier.scan-interval:15s}")
    void verify() {
        try {
            verifier.verifyAll();
        } catch (RuntimeException e) {
            // A database hiccup must not kill the schedule; the next pass starts over from stored state.
            log.error("verifier pass failed: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${vareg.verifier.alert-interval:10s}")
    void deliverAlerts() {
        try {
            alerts.deliverPending();
        } catch (RuntimeException e) {
            log.error("alert delivery round failed: {}", e.toString());
        }
    }
}
