package kg.vareg.backend.security;

import kg.vareg.backend.kernel.ActorRole;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kg.vareg.backend.register.RegisterClock;
import kg.vareg.backend.support.BackendIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.ObjectMapper;

/**
 * Security headers and CSP, login throttling (429 before the password is checked), the public rate limit (429 with
 * Retry-After), upload limits (size; type by content, not by name), password hashing, and error answers that leak
 * no stack trace or SQL. Low limits of its own (a context of its own).
 */
@BackendIntegrationTest
@TestPropertySource(properties = {"vareg.clock.adjustable=true", "vareg.test.keep-rate-limit=true",
        "vareg.security.rate-limit.capacity=40", "vareg.security.rate-limit.refill=1", "vareg.security.rate-limit.period=PT1M",
        "vareg.security.login.max-failures-per-account=3", "vareg.security.login.max-failures-per-address=1000",
        "spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=2MB"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HardeningIT {
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

    Http http;
    Seed seed;

    @BeforeEach
    void setUp() {
        http = new Http(port, json);
        seed = new Seed(http, users, clock);
        seed.at(Seed.JUNE_1);
    }

    @Test
    @Order(1)
    void strictSecurityHeadersAndAContentSecurityPolicyWithoutOtherOrigins() {
        var r = http.get(null, "/api/v1/public/register").expect(200);
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "base-uri 'none'");
        // No other origin anywhere, no inline script, no eval.
        assertThat(csp).doesNotContain("http:", "https:", "*", "'unsafe-inline'", "'unsafe-eval'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(r.headers().firstValue("Permissions-Policy")).hasValueSatisfying(p -> assertThat(p).contains("camera=()"));
        assertThat(r.headers().firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
        String registrar = seed.user(ActorRole.REGISTRAR, null);
        var staff = http.get(registrar, "/api/v1/emissions").expect(200);
        assertThat(staff.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(staff.headers().firstValue("Set-Cookie")).isEmpty(); // stateless API: no session to fixate or forge
    }

    @Test
    @Order(2)
    void passwordsAreStoredWithAModernAdaptiveHash() {
        String user = seed.user(ActorRole.SUPERVISOR, null);
        String hash = jdbc.queryForObject("SELECT password_hash FROM registry.app_user WHERE username = ?", String.class, user);
        assertThat(hash).startsWith("{bcrypt}$2a$10$").doesNotContain(Http.PASSWORD);
    }

    @Test
    @Order(3)
    void loginThrottlingPerAccountRefusesEvenTheRightPasswordUntilTheWindowEnds() {
        String victim = seed.user(ActorRole.REGISTRAR, null);
        String bystander = seed.user(ActorRole.REGISTRAR, null);
        for (int i = 0; i < 3; i++) {
            var r = http.send(null, "GET", "/api/v1/emissions", null, null, Map.of("Authorization", Http.basic(victim, "guess-" + i)));
            assertThat(r.status()).isEqualTo(401);
        }
        var blocked = http.get(victim, "/api/v1/emissions"); // the right password now
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.contentType()).startsWith("application/problem+json");
        assertThat(blocked.text("type")).endsWith("/login-throttled");
        assertThat(Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 15 * 60L);
        http.get(bystander, "/api/v1/emissions").expect(200);
    }

    @Test
    @Order(4)
    void uploadsAreCheckedByContentAndSize() {
        String registrar = seed.user(ActorRole.REGISTRAR, null);
        var issuer = seed.issuer(registrar, Map.of("founders", List.of(Map.of("name", "U"))));
        UUID id = UUID.fromString(http.post(issuer.user(), "/api/v1/emissions", Seed.application(issuer.id())).expect(201).text("id"));
        String docs = "/api/v1/emissions/" + id + "/documents";
        long before = jdbc.queryForObject("SELECT count(*) FROM registry.document", Long.class);
        Map<String, byte[]> refused = Map.of(
                "html.pdf", "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                "image.pdf", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8),
                "setup.pdf", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0},
                "empty.pdf", new byte[0]);
        refused.forEach((name, content) -> {
            var r = http.upload(issuer.user(), docs, "APPLICATION", name, "application/pdf", content);
            assertThat(r.status()).as(name).isEqualTo(400);
            assertThat(r.node().path("errors").get(0).path("field").asString()).isEqualTo("file");
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry.document", Long.class)).isEqualTo(before);
        // A real PDF named .txt and declared as text: accepted, stored as what it is.
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        var ok = http.upload(issuer.user(), docs, "APPLICATION", "application.txt", "text/plain", pdf).expect(201);
        assertThat(ok.text("mediaType")).isEqualTo("application/pdf");
        var content = http.get(issuer.user(), docs + "/" + ok.text("id") + "/content").expect(200);
        assertThat(content.headers().firstValue("Content-Disposition")).hasValue("attachment");
        // Over the size limit: 413 problem+json, nothing stored.
        var big = http.upload(issuer.user(), docs, "APPLICATION", "big.pdf", "application/pdf", new byte[3 * 1024 * 1024]);
        assertThat(big.status()).isEqualTo(413);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry.document", Long.class)).isEqualTo(before + 1);
    }

    @Test
    @Order(5)
    void errorAnswersLeakNoStackTraceNorSql() {
        String registrar = seed.user(ActorRole.REGISTRAR, null);
        var issuer = seed.issuer(registrar, Map.of("founders", List.of(Map.of("name", "E"))));
        UUID id = UUID.fromString(http.post(issuer.user(), "/api/v1/emissions", Seed.application(issuer.id())).expect(201).text("id"));
        List<Http.Response> answers = new ArrayList<>();
        // A database error: the table behind the fees is gone for a moment.
        jdbc.execute("ALTER TABLE registry.fee_payment RENAME TO fee_payment_hidden");
        try {
            answers.add(http.post(issuer.user(), "/api/v1/emissions/" + id + "/fees/payments",
                    Map.of("paidOn", "2026-06-01", "amount", "20.00", "currency", "KGS")));
        } finally {
            jdbc.execute("ALTER TABLE registry.fee_payment_hidden RENAME TO fee_payment");
        }
        assertThat(answers.getLast().status()).isEqualTo(500);
        // Exceptions of every kind of bad request.
        answers.add(http.post(issuer.user(), "/api/v1/emissions/" + id + "/fees/notices", Map.of("quarter", "2", "placedNominal", "1")));
        answers.add(http.get(issuer.user(), "/api/v1/emissions/not-a-uuid"));
        answers.add(http.postRaw(issuer.user(), "/api/v1/emissions", "{\"quantity\": [[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]}"));
        answers.add(http.get(null, "/api/v1/public/log/entries/99999999999999999999999"));
        answers.add(http.get(null, "/no/such/page"));
        answers.add(http.send(issuer.user(), "DELETE", "/api/v1/emissions/" + id, null, null, Map.of()));
        for (Http.Response r : answers) {
            assertThat(r.status()).as(r.body()).isBetween(400, 599);
            assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
            assertThat(r.body()).as("no internals in " + r.body())
                    .doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("select ").doesNotContainIgnoringCase("insert ")
                    .doesNotContain("relation ").doesNotContain("fee_payment").doesNotContain("org.").doesNotContain("at kg.")
                    .doesNotContain("SQL").doesNotContain("PSQL").doesNotContain("hibernate").doesNotContain("trace");
        }
        // Nothing of the failed payment was kept.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry.fee_payment WHERE emission_id = ?", Long.class, id)).isZero();
    }

    @Test
    @Order(100) // last: it empties this context's bucket for the anonymous address
    void publicEndpointsAreRateLimitedPerAddressWith429AndRetryAfter() {
        int ok = 0;
        Http.Response limited = null;
        for (int i = 0; i < 60 && limited == null; i++) {
            var r = http.get(null, "/api/v1/public/register");
            if (r.status() == 200) ok++;
            else limited = r;
        }
        assertThat(limited).as("a 429 within 60 requests").isNotNull();
        assertThat(limited.status()).isEqualTo(429);
        assertThat(ok).isBetween(1, 40);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.text("type")).endsWith("/rate-limited");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        // Logged-in staff are not limited by the anonymous bucket.
        http.get(seed.user(ActorRole.SUPERVISOR, null), "/api/v1/public/register").expect(200);
    }
}
