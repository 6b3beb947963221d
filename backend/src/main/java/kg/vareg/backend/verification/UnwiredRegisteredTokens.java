package kg.vareg.backend.verification;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stand-in used only while no adapter to the register's tables is in the context: watches nothing and
 * says so once. TODO(integrator): replace by the JDBC adapter over the register's emission tables
 * (docs/verifier.md, "Wiring the register").
 */
final class UnwiredRegisteredTokens implements RegisteredTokens {
    private static final Logger log = LoggerFactory.getLogger(UnwiredRegisteredTokens.class);
    private final AtomicBoolean warned = new AtomicBoolean();

    @Override
    public List<MonitoredToken> all() {
        if (warned.compareAndSet(false, true)) {
            log.warn("no RegisteredTokens adapter to the register is wired: the supply verifier watches no token");
        }
        return List.of();
    }

    @Override
    public Optional<MonitoredToken> byAddress(long chainId, String tokenAddress) {
        return Optional.empty();
    }
}
