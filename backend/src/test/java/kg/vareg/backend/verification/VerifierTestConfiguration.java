package kg.vareg.backend.verification;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The verifier's integration-test wiring: the register port fed by the test, a movable clock, a webhook. */
@TestConfiguration(proxyBeanMethods = false)
public class VerifierTestConfiguration {

    @Bean
    @Primary
    InMemoryRegisteredTokens inMemoryRegisteredTokens() {
        return new InMemoryRegisteredTokens();
    }

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }
}
