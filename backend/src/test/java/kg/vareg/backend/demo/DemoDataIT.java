package kg.vareg.backend.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import kg.vareg.backend.support.BackendIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The demo data goes through the real workflow and lands in the public register at two different stages. */
@BackendIntegrationTest
@TestPropertySource(properties = {"vareg.demo.enabled=true",
        "vareg.demo.token-address=0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359"})
class DemoDataIT {
    /** What the launcher writes to ./data/demo-accounts.properties (devstack DemoLogins). */
    static final String DEMO_LOGINS = """
            ADMINISTRATOR.username=demo.admin
            ADMINISTRATOR.password=adminPw23456789abcdefg
            REGISTRAR.username=demo.registrar
            REGISTRAR.password=regPw23456789abcdefgh
            REGISTRAR2.username=demo.registrar2
            REGISTRAR2.password=reg2Pw3456789abcdefgh
            SUPERVISOR.username=demo.supervisor
            SUPERVISOR.password=supPw23456789abcdefgh
            ISSUER.username=demo.issuer
            ISSUER.password=issPw23456789abcdefgh
            """;

    @org.springframework.test.context.DynamicPropertySource
    static void demoLogins(org.springframework.test.context.DynamicPropertyRegistry registry) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("demo-accounts", ".properties");
        java.nio.file.Files.writeString(file, DEMO_LOGINS);
        file.toFile().deleteOnExit();
        registry.add("vareg.demo.accounts-file", file::toString);
    }

    /** Every role has a demo login that works at once (issue 14 item 5); the issuer's is bound to the demo issuer DEM1. */
    @Test
    void demoLoginsForEveryRole() throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.load(new java.io.StringReader(DEMO_LOGINS));
        for (String key : new String[] {"ADMINISTRATOR", "REGISTRAR", "REGISTRAR2", "SUPERVISOR", "ISSUER"}) {
            String basic = java.util.Base64.getEncoder().encodeToString((p.getProperty(key + ".username") + ":" + p.getProperty(key + ".password"))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/account"))
                    .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(key + " " + r.body()).isEqualTo(200);
            assertThat(json.readTree(r.body()).path("role").asString()).isEqualTo(key.replace("2", ""));
        }
        assertThat(jdbc.queryForObject("SELECT i.issuer_code FROM registry.app_user u JOIN registry.issuer i ON i.id = u.issuer_id"
                + " WHERE u.username = 'demo.issuer'", String.class)).isEqualTo("DEM1");
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aStablecoinInPlacementAndADigitalTokenWithItsOfferDisclosed() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/public/register?issuerCode=DEM1")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode stable = json.readTree(r.body()).path("items").get(0);
        assertThat(stable.path("state").asString()).isEqualTo("PLACEMENT");
        assertThat(stable.path("vaType").asString()).isEqualTo("STABLECOIN");
        assertThat(stable.path("tokenAddress").asString()).isEqualTo("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
        assertThat(stable.path("registrationNumber").asString()).isEqualTo("KG0101DEM11");
        HttpResponse<String> t = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/public/register?type=DIGITAL_TOKEN&issuerCode=DEM2")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode token = json.readTree(t.body()).path("items").get(0);
        assertThat(token.path("state").asString()).isEqualTo("OFFER_DISCLOSED");
        assertThat(token.path("registrationNumber").asString()).isEqualTo("KG0201DEM29");
        // Every step journalled, founders never in clear.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry.journal", Long.class)).isGreaterThan(20);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry.journal WHERE convert_from(canonical_json, 'UTF8') LIKE '%Demo Founder%'",
                Long.class)).isZero();
    }
}
