package kg.vareg.worker.tokenregistry;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import kg.vareg.common.chain.ChainClient;
import kg.vareg.worker.WorkerLoop;
import kg.vareg.worker.anchoring.AnchoringProperties;
import kg.vareg.worker.sender.SenderConfiguration;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the TokenRegistry mirror. Off (logged) when {@code vareg.token-registry.contract-address} is blank
 * or there is no wallet. The wallet is the anchoring wallet (it holds UPDATER_ROLE in the dev stack) and every
 * write goes through the worker's one transaction sender, under the same leader lock and fencing token.
 */
@Configuration(proxyBeanMethods = false)
public class TokenRegistryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TokenRegistryConfiguration.class);

    /** Holder: empty when the mirror is off. */
    public record Mirror(Optional<TokenRegistrySync> sync) {
    }

    @Bean
    Mirror tokenRegistryMirror(TokenRegistryProperties props, SenderConfiguration.Sender sender, ChainClient chain,
                               JdbcTemplate jdbc, PlatformTransactionManager txm) {
        if (!props.configured()) {
            log.info("TokenRegistry mirror is OFF: vareg.token-registry.contract-address is blank");
            return new Mirror(Optional.empty());
        }
        if (sender.sender().isEmpty()) {
            log.warn("TokenRegistry mirror is OFF: no wallet (vareg.anchoring.keystore-path / -passphrase-file)");
            return new Mirror(Optional.empty());
        }
        log.info("TokenRegistry mirror: writing from {} to {}", sender.sender().get().wallet(), props.contractAddress());
        return new Mirror(Optional.of(new TokenRegistrySync(jdbc, new TransactionTemplate(txm), chain.web3j(),
                sender.sender().get(), sender.instanceId(), chain.properties().chainId(), chain.properties().name(), props)));
    }

    @Bean
    @ConditionalOnProperty(name = "vareg.anchoring.scheduling-enabled", havingValue = "true", matchIfMissing = true)
    TokenRegistryScheduling tokenRegistryScheduling(Mirror mirror, LockingTaskExecutor locks,
                                                    AnchoringProperties anchoring, Clock clock) {
        return new TokenRegistryScheduling(mirror, locks, anchoring.lockAtMostFor(), clock);
    }

    /** Runs the sync on Spring's scheduler under the worker's leader lock. */
    public static final class TokenRegistryScheduling {

        private final Mirror mirror;
        private final LockingTaskExecutor locks;
        private final Duration lockAtMostFor;
        private final Clock clock;

        TokenRegistryScheduling(Mirror mirror, LockingTaskExecutor locks, Duration lockAtMostFor, Clock clock) {
            this.mirror = mirror;
            this.locks = locks;
            this.lockAtMostFor = lockAtMostFor;
            this.clock = clock;
        }

        @Scheduled(fixedDelayString = "${vareg.token-registry.poll-interval:PT5S}", initialDelayString = "PT3S")
        public void tick() {
            mirror.sync().ifPresent(sync -> locks.executeWithLock((Runnable) () -> {
                try {
                    sync.runOnce();
                } catch (IOException | RuntimeException e) {
                    // Chain away, would-revert: recorded in log.token_registry_status; the next tick retries.
                    log.warn("TokenRegistry sync failed: {}", e.toString());
                }
            }, new LockConfiguration(clock.instant(), WorkerLoop.LOCK_NAME, lockAtMostFor, Duration.ZERO)));
        }
    }
}
