package kg.vareg.backend.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import kg.vareg.backend.register.RegisterClock;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.backend.security.UserAccounts;
import kg.vareg.backend.support.BackendIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A JSON body sent with {@code Transfer-Encoding: chunked} (no Content-Length) over the limit gets the same 413
 * problem+json as one that declares its length, and changes nothing; one within the limit works. The request is
 * written byte by byte on a socket so it is certainly chunked.
 */
@BackendIntegrationTest
@TestPropertySource(properties = {"vareg.clock.adjustable=true", "vareg.api.max-json-body-bytes=65536"})
class ChunkedBodyLimitIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    UserAccounts users;
    @Autowired
    RegisterClock clock;

    record Raw(int status, String headers, String body) {}

    /** POSTs {@code body} in chunks of 4 KiB, without Content-Length, and reads the whole response. */
    private Raw postChunked(String user, String path, byte[] body) throws IOException {
        return postChunked(user, path, body, "");
    }

    private Raw postChunked(String user, String path, byte[] body, String extraHeaders) throws IOException {
        try (Socket s = new Socket("localhost", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            String auth = Base64.getEncoder().encodeToString((user + ":" + EmissionFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Basic " + auth
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n" + extraHeaders + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int off = 0; off < body.length; off += 4096) {
                int n = Math.min(4096, body.length - off);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, off, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String head = response.substring(0, split);
            String rest = response.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) rest = dechunk(rest);
            return new Raw(Integer.parseInt(head.substring(9, 12)), head, rest);
        }
    }

    private static String dechunk(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (true) {
            int eol = s.indexOf("\r\n", i);
            int n = Integer.parseInt(s.substring(i, eol).trim(), 16);
            if (n == 0) break;
            out.writeBytes(s.substring(eol + 2, eol + 2 + n).getBytes(StandardCharsets.UTF_8));
            i = eol + 2 + n + 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private long counts() {
        return jdbc.queryForObject("SELECT (SELECT count(*) FROM registry.emission) + (SELECT count(*) FROM registry.journal)", Long.class);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413ProblemJsonLikeADeclaredOneAndChangesNothing() throws IOException {
        RegisterApi api = new RegisterApi(port, json);
        EmissionFixtures fx = new EmissionFixtures(api, users, clock);
        fx.at(LocalDate.of(2026, 6, 1));
        var issuer = fx.issuer(fx.newUser(ActorRole.REGISTRAR, null));
        Map<String, Object> app = RegisterApi.application(issuer.id(), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 31),
                LocalDate.of(2026, 5, 25));

        // Within the limit, chunked: processed as usual.
        Raw ok = postChunked(issuer.user(), "/api/v1/emissions", api.write(app).getBytes(StandardCharsets.UTF_8));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);

        // Over the limit (100 KB of valid JSON), chunked: 413 problem+json, nothing stored.
        app.put("placementTerms", "x".repeat(100_000));
        byte[] big = api.write(app).getBytes(StandardCharsets.UTF_8);
        long before = counts();
        Raw chunked = postChunked(issuer.user(), "/api/v1/emissions", big);
        assertThat(chunked.status()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.headers().toLowerCase()).contains("content-type: application/problem+json");
        JsonNode problem = json.readTree(chunked.body());
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("type").asString()).endsWith("/payload-too-large");
        assertThat(problem.path("detail").asString()).contains("65536");
        assertThat(counts()).isEqualTo(before);

        // The same body with Content-Length: the same answer.
        var declared = api.send(issuer.user(), "POST", "/api/v1/emissions", new String(big, StandardCharsets.UTF_8), Map.of());
        assertThat(declared.status()).isEqualTo(413);
        assertThat(json.readTree(declared.body()).path("type").asString()).isEqualTo(problem.path("type").asString());

        // Chunked with an Idempotency-Key (read by another filter first): still 413, and the key stays unused.
        long keys = jdbc.queryForObject("SELECT count(*) FROM registry.idempotency_record", Long.class);
        Raw keyed = postChunked(issuer.user(), "/api/v1/emissions", big, "Idempotency-Key: chunked-" + java.util.UUID.randomUUID() + "\r\n");
        assertThat(keyed.status()).isEqualTo(413);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry.idempotency_record", Long.class)).isEqualTo(keys);
        assertThat(counts()).isEqualTo(before);
    }
}
