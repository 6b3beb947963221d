package kg.vareg.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import kg.vareg.devstack.EvmNode;
import kg.vareg.testsupport.PostgresDatabase;
import kg.vareg.testsupport.TestChain;
import kg.vareg.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.ObjectMapper;

/** The worker starts on real PostgreSQL and the real EVM node, migrates the log schema and reports both in its health. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = WorkerStartsIT.RealInfrastructure.class)
class WorkerStartsIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    static final class RealInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            PostgresDatabase db = TestPostgres.freshDatabase("worker");
            EvmNode node = TestChain.shared();
            java.nio.file.Path keys;
            try {
                keys = java.nio.file.Files.createTempDirectory("worker-keys");
                java.nio.file.Files.writeString(keys.resolve("checkpoint.pass"), "test-only passphrase\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("real", Map.of(
                    "vareg.checkpoint.signing-key-path", keys.resolve("checkpoint.pem").toString(),
                    "vareg.checkpoint.signing-key-passphrase-file", keys.resolve("checkpoint.pass").toString(),
                    "vareg.checkpoint.generate-if-missing", "true",
                    "spring.datasource.url", db.jdbcUrl(),
                    "spring.datasource.username", db.user(),
                    "spring.datasource.password", db.password(),
                    "vareg.chain.rpc-url", node.rpcUrl(),
                    "vareg.chain.chain-id", Long.toString(node.chainId()))));
        }
    }

    @Test
    void flywayCreatedTheLogSchema() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM log.flyway_schema_history WHERE success", Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("SELECT to_regclass('log.leaves') IS NOT NULL", Boolean.class)).isTrue();
    }

    @Test
    void healthIsUpWithDatabaseAndChain() throws Exception {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        var health = json.readTree(response.body());
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("chain").path("status").asString()).isEqualTo("UP");
    }
}
