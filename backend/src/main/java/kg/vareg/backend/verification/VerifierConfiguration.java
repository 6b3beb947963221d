package kg.vareg.backend.verification;

import java.time.Clock;
import kg.vareg.common.chain.ChainProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/** Wires the supply verifier. */
@Configuration(proxyBeanMethods = false)
class VerifierConfiguration {

    @Bean(destroyMethod = "close")
    ChainRegistry verifierChains(VerifierProperties properties, ChainProperties anchoringChain) {
        return new ChainRegistry(properties, anchoringChain);
    }

    @Bean
    VerificationStore verificationStore(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager tm) {
        return new VerificationStore(jdbc, template, new TransactionTemplate(tm));
    }

    @Bean
    FindingStore findingStore(JdbcClient jdbc, PlatformTransactionManager tm, ObjectMapper json, VerifierProperties properties) {
        return new FindingStore(jdbc, new TransactionTemplate(tm), json, properties.webhook().url() != null);
    }

    /** The register's emissions, read from its tables (tests put their own adapter first with @Primary). */
    @Bean
    JdbcRegisteredTokens jdbcRegisteredTokens(JdbcClient jdbc, ChainRegistry chains) {
        return new JdbcRegisteredTokens(jdbc, chains);
    }

    @Bean
    SupplyVerifier supplyVerifier(ChainRegistry chains, ObjectProvider<RegisteredTokens> register, VerificationStore store,
                                  FindingStore findings, VerifierProperties properties, ObjectProvider<Clock> clock) {
        return new SupplyVerifier(chains, register.getIfUnique(), store, findings, properties, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    VerificationQueries verificationQueries(JdbcClient jdbc, FindingStore findings) {
        return new VerificationQueries(jdbc, findings);
    }

    @Bean
    AlertService alertService(JdbcClient jdbc, VerifierProperties properties, ObjectProvider<Clock> clock) {
        return new AlertService(jdbc, properties, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean(name = "verifierHealthIndicator")
    VerifierHealthIndicator verifierHealthIndicator(SupplyVerifier verifier) {
        return new VerifierHealthIndicator(verifier);
    }

    /** Scans and webhook deliveries on Spring's scheduler; off with vareg.verifier.scheduling=false. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "vareg.verifier.scheduling", havingValue = "true", matchIfMissing = true)
    static class Scheduling {
        @Bean
        VerifierScheduler verifierScheduler(SupplyVerifier verifier, AlertService alerts) {
            return new VerifierScheduler(verifier, alerts);
        }
    }
}
