package kg.vareg.backend.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A backend integration test: the whole Spring context on a random port, against the run's real
 * PostgreSQL (a fresh database per context) and the real EVM node. Every request to and answer from
 * {@code /api/v1} is checked against the contract docs/openapi.json ({@link ContractValidation}, {@link ContractCheck}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@Import(ContractValidation.class)
@ExtendWith(ContractCheck.class)
public @interface BackendIntegrationTest {}
