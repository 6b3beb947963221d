package kg.vareg.backend.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import kg.vareg.backend.register.JournalRecord;
import kg.vareg.backend.register.JournalWriter;
import kg.vareg.backend.register.RegisterClock;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.backend.security.UserAccounts;
import kg.vareg.backend.support.BackendIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The API's contract beyond the happy path: every kind of bad input is a 4xx problem+json naming what is wrong and
 * changing nothing; optimistic locking; idempotency keys; roles; a rolled-back change leaves no journal row.
 */
@BackendIntegrationTest
@TestPropertySource(properties = "vareg.clock.adjustable=true")
class ApiContractIT {
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
    @Autowired
    JournalWriter journal;
    @Autowired
    TransactionTemplate tx;

    RegisterApi api;
    EmissionFixtures fx;
    String registrar;
    EmissionFixtures.IssuerRef issuer;
    static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);

    @BeforeEach
    void setUp() {
        api = new RegisterApi(port, json);
        fx = new EmissionFixtures(api, users, clock);
        fx.at(JUNE_1);
        registrar = fx.newUser(ActorRole.REGISTRAR, null);
        issuer = fx.issuer(registrar);
    }

    private String counts() {
        return jdbc.queryForObject("SELECT (SELECT count(*) FROM registry.journal) || '/' || (SELECT count(*) FROM registry.emission)"
                + " || '/' || (SELECT count(*) FROM registry.emission_event) || '/' || (SELECT count(*) FROM registry.issuer)", String.class);
    }

    private Map<String, Object> valid() {
        return new HashMap<>(RegisterApi.application(issuer.id(), JUNE_1, LocalDate.of(2026, 7, 31), LocalDate.of(2026, 5, 25)));
    }

    /** Sends a broken application; asserts 400 problem+json with an error on {@code field}, and nothing changed. */
    private void rejected(Consumer<Map<String, Object>> breakIt, String field, String messagePart) {
        Map<String, Object> body = valid();
        breakIt.accept(body);
        String before = counts();
        var r = api.post(issuer.user(), "/api/v1/emissions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        List<JsonNode> errors = r.node().path("errors").valueStream().toList();
        assertThat(errors).as(r.body()).anySatisfy(e -> {
            assertThat(e.path("field").asString()).isEqualTo(field);
            assertThat(e.path("message").asString()).containsIgnoringCase(messagePart);
        });
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void badInputOfEveryKindIsA400NamingTheFieldAndChangesNothing() {
        rejected(b -> b.remove("quantity"), "quantity", "must not be null");
        rejected(b -> b.put("quantity", -5), "quantity", "greater than 0");
        rejected(b -> b.put("quantity", 1.5), "quantity", "whole number");
        rejected(b -> b.put("tokenAddress", "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359"), "tokenAddress", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
        rejected(b -> b.put("issuerWallet", "0x1234"), "issuerWallet", "EIP-55");
        rejected(b -> b.put("placementStart", "2026-13-45"), "placementStart", "YYYY-MM-DD");
        rejected(b -> b.put("vaType", "MEMECOIN"), "vaType", "STABLECOIN");
        rejected(b -> b.put("nominalValue", "-1"), "nominalValue", "greater than 0");
        rejected(b -> b.put("nominalCurrency", "som"), "nominalCurrency", "ISO 4217");
        rejected(b -> b.put("collateral", List.of(Map.of("type", "BITCOIN", "appraisedValue", "1", "currency", "KGS",
                "description", "x"))), "collateral[0].type", "GOLD");
        rejected(b -> b.put("surprise", true), "surprise", "unknown field");
    }

    @Test
    void wrongDatesAndRuleBreachesAreRefusedByTheAggregate() {
        Map<String, Object> body = valid();
        body.put("placementEnd", "2026-05-01");
        String before = counts();
        var r = api.post(issuer.user(), "/api/v1/emissions", body).expect(409);
        assertThat(r.text("paragraph")).isEqualTo("¶5, ¶20");
        body = valid();
        body.put("minimumQuantity", 2_000_000);
        assertThat(api.post(issuer.user(), "/api/v1/emissions", body).expect(409).text("paragraph")).isEqualTo("¶29");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void malformedOversizedAndMissingBodies() {
        String before = counts();
        var malformed = api.postRaw(issuer.user(), "/api/v1/emissions", "{\"quantity\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.node().path("errors").get(0).path("field").asString()).isEqualTo("$");
        var empty = api.postRaw(issuer.user(), "/api/v1/emissions", "");
        assertThat(empty.status()).isEqualTo(400);
        String huge = "{\"placementTerms\":\"" + "x".repeat(70_000) + "\"}";
        var big = api.postRaw(issuer.user(), "/api/v1/emissions", huge);
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        var badQuery = api.get(null, "/api/v1/public/register?state=NOPE");
        assertThat(badQuery.status()).isEqualTo(400);
        assertThat(badQuery.node().path("errors").get(0).path("field").asString()).isEqualTo("state");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void staleUpdatesAre409AndLoseNothing() {
        var created = api.post(issuer.user(), "/api/v1/emissions", valid()).expect(201);
        UUID id = UUID.fromString(created.text("id"));
        long v0 = created.node().path("version").asLong();
        Map<String, Object> first = valid();
        first.put("version", v0);
        first.put("placementPrice", "first writer");
        api.send(issuer.user(), "PUT", "/api/v1/emissions/" + id, api.write(first), Map.of()).expect(200);
        Map<String, Object> second = valid();
        second.put("version", v0);
        second.put("placementPrice", "second writer, stale");
        var stale = api.send(issuer.user(), "PUT", "/api/v1/emissions/" + id, api.write(second), Map.of()).expect(409);
        assertThat(stale.text("detail")).contains("version");
        assertThat(api.get(issuer.user(), "/api/v1/emissions/" + id).text("placementPrice")).isEqualTo("first writer");
        // If-Match on workflow steps.
        var submitStale = api.send(issuer.user(), "POST", "/api/v1/emissions/" + id + "/submit", null, Map.of("If-Match", "\"" + v0 + "\""));
        assertThat(submitStale.status()).isEqualTo(409);
    }

    @Test
    void idempotencyKeysReplayOrRefuse() {
        Map<String, Object> body = valid();
        String key = UUID.randomUUID().toString();
        var a = api.send(issuer.user(), "POST", "/api/v1/emissions", api.write(body), Map.of("Idempotency-Key", key)).expect(201);
        String after = counts();
        var b = api.send(issuer.user(), "POST", "/api/v1/emissions", api.write(body), Map.of("Idempotency-Key", key)).expect(201);
        assertThat(b.text("id")).isEqualTo(a.text("id"));
        assertThat(b.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(counts()).isEqualTo(after);
        body.put("placementPrice", "different");
        var c = api.send(issuer.user(), "POST", "/api/v1/emissions", api.write(body), Map.of("Idempotency-Key", key));
        assertThat(c.status()).isEqualTo(422);
        assertThat(counts()).isEqualTo(after);
    }

    @Test
    void rolesAndOwnership() {
        var created = api.post(issuer.user(), "/api/v1/emissions", valid()).expect(201);
        UUID id = UUID.fromString(created.text("id"));
        var other = fx.issuer(registrar);
        // An issuer never sees another issuer's application — not even that it exists.
        api.get(other.user(), "/api/v1/emissions/" + id).expect(404);
        assertThat(api.get(other.user(), "/api/v1/emissions").node().path("totalItems").asInt()).isZero();
        // An issuer cannot file for another issuer, nor act as registrar.
        api.post(other.user(), "/api/v1/emissions", valid()).expect(404);
        api.post(issuer.user(), "/api/v1/emissions/" + id + "/register", null).expect(403);
        api.post(issuer.user(), "/api/v1/issuers", Map.of()).expect(400);
        // No login: writes are 401 problem+json; public reads are open.
        var anon = api.post(null, "/api/v1/emissions", valid());
        assertThat(anon.status()).isEqualTo(401);
        assertThat(anon.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        api.get(null, "/api/v1/public/register").expect(200);
        // ¶66: issuer private data only to staff and the issuer itself.
        assertThat(api.get(registrar, "/api/v1/issuers/" + issuer.id()).body()).contains("Secret Founder");
        api.get(other.user(), "/api/v1/issuers/" + issuer.id()).expect(404);
        var supervisor = fx.newUser(ActorRole.SUPERVISOR, null);
        api.post(supervisor, "/api/v1/emissions", valid()).expect(403);
    }

    @Test
    void aRolledBackChangeLeavesNoJournalRow() {
        long before = jdbc.queryForObject("SELECT count(*) FROM registry.journal", Long.class);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            journal.append(new JournalRecord("Probe", Map.of(), clock.instant(), ActorRole.SYSTEM, List.of(), Map.of(), List.of()));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM registry.journal", Long.class)).isEqualTo(before + 1);
            throw new IllegalStateException("the change fails after its journal row was written");
        })).hasMessageContaining("fails after");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry.journal", Long.class)).isEqualTo(before);
        // And outside a transaction the writer refuses to write at all.
        assertThatThrownBy(() -> journal.append(new JournalRecord("Probe", Map.of(), clock.instant(), ActorRole.SYSTEM,
                List.of(), Map.of(), List.of()))).isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void collateralPartiesFollowParagraphs3dash2And3dash3() {
        String before = counts();
        var affiliated = api.post(issuer.user(), "/api/v1/issuers/" + issuer.id() + "/parties", Map.of("role", "COLLATERAL_MANAGER",
                "name", "Cousin Trust", "registrationData", "reg 1", "nonAffiliationDeclared", false,
                "signsDecisionAndWhitePaper", true)).expect(409);
        assertThat(affiliated.text("paragraph")).isEqualTo("¶3-2");
        assertThat(api.post(issuer.user(), "/api/v1/issuers/" + issuer.id() + "/parties", Map.of("role", "COLLATERAL_PROVIDER",
                "name", "Provider", "registrationData", "reg 2", "nonAffiliationDeclared", false,
                "signsDecisionAndWhitePaper", false)).expect(409).text("paragraph")).isEqualTo("¶3-3");
        assertThat(counts()).isEqualTo(before);
        var manager = api.post(issuer.user(), "/api/v1/issuers/" + issuer.id() + "/parties", Map.of("role", "COLLATERAL_MANAGER",
                "name", "Independent Trust", "registrationData", "reg 3", "nonAffiliationDeclared", true,
                "signsDecisionAndWhitePaper", true)).expect(201);
        Map<String, Object> app = valid();
        app.put("collateralManagerId", manager.text("id"));
        api.post(issuer.user(), "/api/v1/emissions", app).expect(201);
        app.put("collateralManagerId", UUID.randomUUID().toString());
        assertThat(api.post(issuer.user(), "/api/v1/emissions", app).expect(400).node().path("errors").get(0).path("field").asString())
                .isEqualTo("collateralManagerId");
    }
}
