package kg.vareg.backend.verification;

import kg.vareg.backend.support.BackendIntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the verifier's integration tests: the whole backend on real PostgreSQL and anvil, the register
 * port fed by the test, scans driven by the test (no scheduler), alerts POSTed to a real HTTP receiver.
 * All subclasses share one Spring context.
 */
@BackendIntegrationTest
@Import(VerifierTestConfiguration.class)
@TestPropertySource(properties = "vareg.verifier.scheduling=false")
public abstract class VerifierIntegrationTest {

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("vareg.verifier.webhook.url", () -> WebhookReceiver.shared().url());
    }
}
