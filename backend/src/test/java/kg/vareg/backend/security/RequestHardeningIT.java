package kg.vareg.backend.security;

import kg.vareg.backend.kernel.ActorRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import kg.vareg.backend.register.RegisterClock;
import kg.vareg.backend.support.BackendIntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 15: request bodies of every type are bounded like JSON (item 8); the journal and the log are append-only by
 * the database (item 10).
 */
@BackendIntegrationTest
class RequestHardeningIT {
    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    UserAccounts users;
    @Autowired
    RegisterClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    Http http;
    Seed seed;

    @BeforeEach
    void setUp() {
        http = new Http(port, json);
        seed = new Seed(http, users, clock);
        // The worker's schema, as in a deployment where both applications share the database.
        Flyway.configure().dataSource(dataSource).schemas("log").defaultSchema("log")
                .locations("classpath:db/migration/log").load().migrate();
    }

    @Test
    void bodiesOfOtherTypesAreBoundedLikeJson() throws Exception {
        String registrar = seed.user(ActorRole.REGISTRAR, null);
        byte[] big = new byte[200_000];
        Arrays.fill(big, (byte) 'a');
        // Declared length: refused before anything reads the body (the idempotency filter would hash it in full).
        var declared = http.send(registrar, "POST", "/api/v1/emissions", "text/plain", big, Map.of("Idempotency-Key", "k-1"));
        assertThat(declared.status()).as(declared.body()).isEqualTo(413);
        assertThat(declared.text("detail")).contains("at most 65536 bytes");
        // Chunked (no Content-Length): counted, same answer.
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.base + "/api/v1/emissions"))
                .header("Authorization", Http.basic(registrar, Http.PASSWORD))
                .header("Content-Type", "application/octet-stream").header("Idempotency-Key", "k-2")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        // A small body of another type still gets its ordinary answer (here: the type is not accepted).
        var small = http.send(registrar, "POST", "/api/v1/emissions", "text/plain", "hello".getBytes(), Map.of());
        assertThat(small.status()).isEqualTo(415);
    }

    @Test
    void theJournalAndTheLogRefuseUpdateDeleteAndTruncate() {
        // Statement-level triggers: refused even when no row would change.
        for (String table : List.of("registry.journal", "log.leaves", "log.nodes", "log.checkpoints")) {
            for (String sql : List.of("UPDATE " + table + " SET " + column(table) + " = " + column(table) + " WHERE false",
                    "DELETE FROM " + table + " WHERE false", "TRUNCATE " + table + " CASCADE")) {
                assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).isInstanceOf(DataAccessException.class)
                        .satisfies(e -> assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e)
                                .getMessage()).contains("append-only"));
            }
        }
        // The documented maintenance paths stay open to the worker (anchor status, cursors, sync state).
        jdbc.update("UPDATE log.anchors SET status = status WHERE false");
        jdbc.update("UPDATE log.integration_cursor SET after_id = after_id WHERE false");
        jdbc.update("UPDATE log.token_registry_status SET state = state WHERE false");
    }

    private static String column(String table) {
        return Map.of("registry.journal", "canonical_json", "log.leaves", "leaf_hash", "log.nodes", "hash",
                "log.checkpoints", "root_hash").get(table);
    }
}
