package kg.vareg.worker;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import kg.vareg.common.chain.ChainClient;
import kg.vareg.common.logstore.LogQueries;
import kg.vareg.common.logstore.VerifierKeys;
import kg.vareg.ledger.checkpoint.NoteSigner;
import kg.vareg.worker.anchoring.AnchorContract;
import kg.vareg.worker.anchoring.AnchorContractProperties;
import kg.vareg.worker.anchoring.AnchorService;
import kg.vareg.worker.anchoring.AnchoringHealthIndicator;
import kg.vareg.worker.anchoring.AnchoringMetrics;
import kg.vareg.worker.anchoring.AnchoringProperties;
import kg.vareg.worker.anchoring.AnchoringState;
import kg.vareg.worker.checkpoint.CheckpointProperties;
import kg.vareg.worker.checkpoint.CheckpointSigningKey;
import kg.vareg.worker.checkpoint.VerifierKeyPublication;
import kg.vareg.worker.integration.JournalIntegration;
import kg.vareg.worker.sender.SenderConfiguration;
import kg.vareg.worker.sender.SenderProperties;
import kg.vareg.worker.sender.SenderState;
import java.util.concurrent.Executors;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the worker: signer, integration, anchoring (when a wallet and contract are configured), lock. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class WorkerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkerConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    NoteSigner checkpointSigner(CheckpointProperties props) {
        return CheckpointSigningKey.load(props, new SecureRandom());
    }

    /** The public half of the signing key, recorded at start for the backend to publish (docs/anchoring.md, "Keys"). */
    @Bean
    VerifierKeyPublication verifierKeyPublication(JdbcTemplate jdbc, NoteSigner signer) {
        return new VerifierKeyPublication(new VerifierKeys(jdbc), signer);
    }

    @Bean
    LogQueries logQueries(JdbcTemplate jdbc) {
        return new LogQueries(jdbc);
    }

    @Bean
    JournalIntegration journalIntegration(PlatformTransactionManager txm, JdbcTemplate jdbc, NoteSigner signer,
                                          CheckpointProperties props,
                                          ObjectProvider<JournalIntegration.BatchHook> hook) {
        return new JournalIntegration(new TransactionTemplate(txm), jdbc, signer, props.origin(),
                hook.getIfAvailable(() -> JournalIntegration.BatchHook.NONE));
    }

    @Bean
    AnchoringState anchoringState(MeterRegistry registry, Clock clock) {
        AnchoringState state = new AnchoringState();
        AnchoringMetrics.register(registry, state, clock);
        return state;
    }

    /** Holder: Spring resolves an Optional<T> injection point by type T, so the Optional is wrapped. */
    public record Anchoring(Optional<AnchorService> service) {
    }

    @Bean
    Anchoring anchoring(AnchoringProperties props, AnchorContractProperties contract, SenderConfiguration.Sender sender,
                        ChainClient chain, JdbcTemplate jdbc, NoteSigner signer, AnchoringState state, Clock clock) {
        if (sender.sender().isEmpty() || !contract.configured()) {
            log.warn("anchoring is OFF: set vareg.anchoring.keystore-path and vareg.anchor.contract-address");
            return new Anchoring(Optional.empty());
        }
        log.info("anchoring from {} to RegistryAnchor at {}", sender.sender().get().wallet(), contract.contractAddress());
        return new Anchoring(Optional.of(new AnchorService(jdbc, chain.web3j(), sender.sender().get(),
                new AnchorContract(chain.web3j(), contract.contractAddress()), props, signer.verifier(), state, clock)));
    }

    /**
     * The leader lease (ShedLock over {@code log.shedlock}), kept alive while a tick runs when
     * {@code vareg.sender.lease-keep-alive} is on (ShedLock's KeepAliveLockProvider, lease at least 30 s).
     * The fencing token ({@link kg.vareg.worker.sender.SenderFence}) guards the sends either way.
     */
    @Bean
    LockingTaskExecutor leaderLock(JdbcTemplate jdbc, SenderProperties sender, AnchoringProperties props) {
        JdbcTemplateLockProvider jdbcLocks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc).withTableName("log.shedlock").usingDbTime().build());
        if (sender.leaseKeepAlive() && props.lockAtMostFor().compareTo(java.time.Duration.ofSeconds(30)) >= 0) {
            return new DefaultLockingTaskExecutor(new KeepAliveLockProvider(jdbcLocks,
                    Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "leader-lease-keep-alive");
                        t.setDaemon(true);
                        return t;
                    })));
        }
        return new DefaultLockingTaskExecutor(jdbcLocks);
    }

    @Bean
    WorkerLoop workerLoop(JournalIntegration integration, Anchoring anchoring, SenderConfiguration.Sender sender,
                          LogQueries queries, AnchoringProperties props, AnchoringState state, LockingTaskExecutor locks,
                          Clock clock) {
        return new WorkerLoop(integration, anchoring.service(), sender, queries, props, state, locks, clock);
    }
    @Bean
    @ConditionalOnProperty(name = "vareg.anchoring.scheduling-enabled", havingValue = "true", matchIfMissing = true)
    WorkerScheduling workerScheduling(WorkerLoop loop) {
        return new WorkerScheduling(loop);
    }

    @Bean(name = "anchoringHealthIndicator")
    AnchoringHealthIndicator anchoringHealthIndicator(AnchoringState state, SenderState sender,
                                                      AnchoringProperties props, Clock clock) {
        return new AnchoringHealthIndicator(state, sender, props, clock);
    }
}
