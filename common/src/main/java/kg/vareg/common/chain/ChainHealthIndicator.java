package kg.vareg.common.chain;

import java.io.IOException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health component "chain": UP while the node answers with the expected chain id; DOWN when it answers
 * with another chain; {@code vareg.chain.unreachable-status} (DOWN, or DEGRADED in the backend) while it
 * does not answer. A dead node degrades health, it never blocks the register.
 */
public final class ChainHealthIndicator implements HealthIndicator {
    private final ChainClient chain;

    public ChainHealthIndicator(ChainClient chain) {
        this.chain = chain;
    }

    @Override
    public Health health() {
        long expected = chain.properties().chainId();
        try {
            long answered = chain.answeredChainId();
            if (answered != expected) {
                return Health.down().withDetail("expectedChainId", expected).withDetail("answeredChainId", answered)
                        .withDetail("reason", "the node belongs to another chain").build();
            }
            return Health.up().withDetail("chainId", answered).withDetail("name", chain.properties().name())
                    .withDetail("blockNumber", chain.blockNumber()).build();
        } catch (IOException | RuntimeException e) {
            return Health.status(chain.properties().unreachableStatus()).withDetail("expectedChainId", expected)
                    .withDetail("reason", "the node does not answer: " + e.getClass().getSimpleName()).build();
        }
    }
}
