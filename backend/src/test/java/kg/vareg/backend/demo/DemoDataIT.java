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
