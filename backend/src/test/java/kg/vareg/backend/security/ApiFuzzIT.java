package kg.vareg.backend.security;

import kg.vareg.backend.kernel.ActorRole;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import kg.vareg.backend.VaregBackendApplication;
import kg.vareg.backend.register.RegisterClock;
import kg.vareg.backend.support.RealInfrastructure;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Property-based fuzzing of the JSON API over real HTTP (the whole backend on a real PostgreSQL): malformed and
 * oversized JSON, deep nesting, strange Unicode, numbers at the limits and wrong types, sent to the creating and
 * the workflow endpoints. Every answer is a 4xx application/problem+json, and the register is unchanged
 * (journal, emissions, issuers, documents, proposals counted before and after every try).
 */
class ApiFuzzIT {
    static ConfigurableApplicationContext app;
    static Http http;
    static JdbcTemplate jdbc;
    static String registrar;
    static Seed.IssuerRef issuer;
    static UUID draft;
    static UUID submitted;
    static final AtomicLong tries = new AtomicLong();

    @BeforeContainer
    static void start() {
        app = new SpringApplicationBuilder(VaregBackendApplication.class).initializers(new RealInfrastructure())
                .run("--server.port=0", "--vareg.clock.adjustable=true");
        http = new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")), app.getBean(ObjectMapper.class));
        jdbc = app.getBean(JdbcTemplate.class);
        Seed seed = new Seed(http, app.getBean(UserAccounts.class), app.getBean(RegisterClock.class));
        seed.at(Seed.JUNE_1);
        registrar = seed.user(ActorRole.REGISTRAR, null);
        issuer = seed.issuer(registrar, Map.of("founders", List.of(Map.of("name", "Fuzz"))));
        draft = UUID.fromString(http.post(issuer.user(), "/api/v1/emissions", Seed.application(issuer.id())).expect(201).text("id"));
        submitted = seed.submitted(issuer, Map.of());
    }

    @AfterContainer
    static void stop() {
        org.slf4j.LoggerFactory.getLogger(ApiFuzzIT.class).info("API fuzz: {} requests, all refused with 4xx problem+json, register unchanged", tries.get());
        if (app != null) app.close();
    }

    private static String counts() {
        return jdbc.queryForObject("SELECT (SELECT count(*) FROM registry.journal) || '/' || (SELECT count(*) FROM registry.emission)"
                + " || '/' || (SELECT count(*) FROM registry.issuer) || '/' || (SELECT count(*) FROM registry.document)"
                + " || '/' || (SELECT count(*) FROM registry.decision_proposal) || '/' || (SELECT max(version) FROM registry.emission)",
                String.class);
    }

    private static void refusedAndNothingChanged(String user, String method, String path, String body) {
        String before = counts();
        Http.Response r = http.send(user, method, path, "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
        tries.incrementAndGet();
        assertThat(r.status()).as("%s %s %s", method, path, abbreviate(body)).isBetween(400, 499);
        assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(counts()).as("nothing changes after %s", abbreviate(body)).isEqualTo(before);
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…(" + s.length() + " chars)" : s;
    }

    @Provide
    Arbitrary<String> hostileBodies() {
        Arbitrary<String> fragments = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\\ud800", "\\u0000", "1e400", "-0",
                "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890", "NaN", "true", "null",
                "\"quantity\":", "\"issuerId\":", "\"\u202e\u200b\uFEFF\"", "\"\uD83D\uDE00\"", "'", "/*", "0x10");
        Arbitrary<String> garbage = fragments.list().ofMaxSize(30).map(l -> String.join("", l));
        Arbitrary<String> deep = Arbitraries.integers().between(50, 20_000).map(n -> "{\"quantity\":" + "[".repeat(n) + "]".repeat(n) + "}");
        Arbitrary<String> huge = Arbitraries.integers().between(65_537, 300_000).map(n -> "{\"placementTerms\":\"" + "x".repeat(n) + "\"}");
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(40).map(s -> "{\"" + s.replace("\"", "") + "\":1}");
        return Arbitraries.oneOf(garbage, deep, huge, unicode, Arbitraries.strings().ofMaxLength(100));
    }

    /** A value that no field of the application accepts: objects, multi-element arrays, numbers beyond every limit. */
    @Provide
    Arbitrary<Object> wrongValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(20).map(s -> (Object) Map.of("x", s)),
                Arbitraries.integers().map(i -> (Object) List.of(i, i)),
                Arbitraries.of(new java.math.BigInteger("1" + "0".repeat(90)), new java.math.BigDecimal("1e400"),
                        new java.math.BigDecimal("-1"), new java.math.BigDecimal("1.5"), Long.MIN_VALUE));
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of("issuerId", "vaType", "quantity", "minimumQuantity", "tokenDecimals", "nominalValue", "nominalCurrency",
                "placementStart", "placementEnd", "blockchain", "issuerWallet", "tokenAddress", "collateral");
    }

    @Property(tries = 60)
    void malformedOrOversizedJsonIsRefused(@ForAll("hostileBodies") String body) {
        refusedAndNothingChanged(issuer.user(), "POST", "/api/v1/emissions", body);
        refusedAndNothingChanged(issuer.user(), "PUT", "/api/v1/emissions/" + draft, body);
    }

    @Property(tries = 100)
    void wrongTypesAndNumbersAtTheLimitsAreRefused(@ForAll("fields") String field, @ForAll("wrongValues") Object value) {
        // Numbers beyond the limits are wrong for the whole-number fields (a decimal like 1.5 is a fine nominal value).
        net.jqwik.api.Assume.that(!(value instanceof Number) || List.of("quantity", "minimumQuantity", "tokenDecimals").contains(field));
        Map<String, Object> app = Seed.application(issuer.id());
        app.put(field, value);
        String body = http.json().writeValueAsString(app);
        org.assertj.core.api.Assertions.assertThatCode(() -> refusedAndNothingChanged(issuer.user(), "POST", "/api/v1/emissions", body))
                .as("%s = %s", field, value).doesNotThrowAnyException();
    }

    @Property(tries = 30)
    void workflowBodiesAreRefused(@ForAll("hostileBodies") String body) {
        for (String step : List.of("/refuse", "/suspend", "/invalid", "/cancel")) {
            refusedAndNothingChanged(registrar, "POST", "/api/v1/emissions/" + submitted + step, body);
        }
        refusedAndNothingChanged(registrar, "POST", "/api/v1/issuers", body);
    }
}
