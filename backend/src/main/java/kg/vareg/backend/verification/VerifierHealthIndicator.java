package kg.vareg.backend.verification;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health component "verifier", from what the last passes learned (it never calls a node itself, so a
 * hung node cannot hang the health endpoint). An unreachable or lagging chain DEGRADES it — status
 * "DEGRADED", answered with HTTP 200 — because the register itself keeps working without the verifier.
 */
final class VerifierHealthIndicator implements HealthIndicator {
    static final Status DEGRADED = new Status("DEGRADED", "a watched chain is unreachable or lagging; the register keeps working");
    private final SupplyVerifier verifier;

    VerifierHealthIndicator(SupplyVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Health health() {
        boolean degraded = false;
        Map<String, Object> chains = new LinkedHashMap<>();
        for (ChainStatus s : verifier.chainStatuses()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", s.name());
            d.put("reachable", s.reachable());
            d.put("lagging", s.lagging());
            d.put("head", s.head());
            d.put("checkedAt", String.valueOf(s.checkedAt()));
            if (s.problem() != null) {
                d.put("problem", s.problem());
            }
            chains.put(Long.toString(s.chainId()), d);
            degraded |= !s.reachable() || s.lagging();
        }
        return Health.status(degraded ? DEGRADED : Status.UP).withDetail("chains", chains).build();
    }
}
