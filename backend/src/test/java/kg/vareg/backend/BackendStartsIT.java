package kg.vareg.backend;

import static org.assertj.core.api.Assertions.assertThat;

import kg.vareg.backend.support.BackendIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The backend starts on real PostgreSQL and the real EVM node, migrates, and reports both in its health. */
@BackendIntegrationTest
class BackendStartsIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void flywayMigratedTheRegisterSchemaOnRealPostgres() {
        Integer applied = jdbc.queryForObject(
                "SELECT count(*) FROM registry.flyway_schema_history WHERE success", Integer.class);
        assertThat(applied).isPositive();
        assertThat(jdbc.queryForObject("SELECT to_regclass('registry.journal') IS NOT NULL", Boolean.class)).isTrue();
    }

    @Test
    void decimalsAreWrittenPlainNeverInExponentNotation() {
        // A stripped 100 is 1E+2 as a BigDecimal: the API must still say "100" (money and quantities are read by people),
        // as a string: large amounts do not fit a JavaScript number (issue 18).
        assertThat(json.writeValueAsString(new java.math.BigDecimal("100").stripTrailingZeros())).isEqualTo("\"100\"");
        assertThat(json.writeValueAsString(new java.math.BigDecimal("0.00000001"))).isEqualTo("\"0.00000001\"");
    }

    @Test
    void healthIsUpWithDatabaseAndChainAsSeparateComponents() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/actuator/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json.readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("chain").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("chain").path("details").path("chainId").asLong()).isEqualTo(31337);
    }
}
