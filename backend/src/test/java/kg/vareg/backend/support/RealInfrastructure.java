package kg.vareg.backend.support;

import java.util.Map;
import kg.vareg.devstack.EvmNode;
import kg.vareg.testsupport.PostgresDatabase;
import kg.vareg.testsupport.TestChain;
import kg.vareg.testsupport.TestPostgres;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at real infrastructure: a fresh database on the shared PostgreSQL and the
 * shared EVM node. Spring caches contexts, so each distinct test configuration gets one database.
 */
public final class RealInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgresDatabase db = TestPostgres.freshDatabase("backend");
        EvmNode node = TestChain.shared();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("vareg-real-infrastructure", Map.of(
                "spring.datasource.url", db.jdbcUrl(),
                "spring.datasource.username", db.user(),
                "spring.datasource.password", db.password(),
                "vareg.chain.rpc-url", node.rpcUrl(),
                "vareg.chain.chain-id", Long.toString(node.chainId()))));
        // Tests call from one address far faster than a person: the public rate limit is exercised by the security
        // tests with their own, lower, settings.
        if (!Boolean.parseBoolean(context.getEnvironment().getProperty("vareg.test.keep-rate-limit"))) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("vareg-test-rate-limit", Map.of(
                    "vareg.security.rate-limit.capacity", "1000000", "vareg.security.rate-limit.refill", "1000000",
                    "vareg.security.authenticated-rate-limit.capacity", "1000000",
                    "vareg.security.authenticated-rate-limit.refill", "1000000")));
        }
    }
}
