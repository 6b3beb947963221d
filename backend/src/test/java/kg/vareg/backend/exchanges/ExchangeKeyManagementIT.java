package kg.vareg.backend.exchanges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kg.vareg.backend.emissions.EmissionFixtures;
import kg.vareg.backend.emissions.RegisterApi;
import kg.vareg.backend.register.RegisterClock;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.backend.security.UserAccounts;
import kg.vareg.backend.support.BackendIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Exchange key management over real HTTP with real database users (HTTP Basic): a registrar creates a key, the
 * exchange uses it, the key list never shows secrets, the registrar revokes it and it answers 401 at once; issuers and
 * exchanges may not manage keys.
 */
@BackendIntegrationTest
@TestPropertySource(properties = {"vareg.clock.adjustable=true", "vareg.verifier.scheduling=false"})
class ExchangeKeyManagementIT {
    static final String UNREGISTERED = "/api/v1/tokens/31337/0x00000000000000000000000000000000000000dd";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired UserAccounts users;
    @Autowired RegisterClock clock;

    @Test
    void registrarCreatesExchangeUsesRegistrarRevokesAndTheKeyIsRefused() {
        RegisterApi api = new RegisterApi(port, json);
        EmissionFixtures fx = new EmissionFixtures(api, users, clock);
        String registrar = fx.newUser(ActorRole.REGISTRAR, null);
        String supervisor = fx.newUser(ActorRole.SUPERVISOR, null);

        var created = api.post(registrar, "/api/v1/exchange-keys", Map.of("exchangeName", "Example Exchange")).expect(201).node();
        String key = created.path("key").asString();
        long id = created.path("id").asLong();
        assertThat(key).startsWith("vrg_" + created.path("keyId").asString() + "_");
        assertThat(created.path("exchangeName").asString()).isEqualTo("Example Exchange");

        // the exchange uses it
        JsonNode answer = api.send(null, "GET", UNREGISTERED, null, Map.of("X-Api-Key", key)).expect(200).node();
        assertThat(answer.path("registered").asBoolean()).isFalse();
        assertThat(answer.path("proof").path("status").asString()).isEqualTo("NOT_REGISTERED");

        // the list shows the key (and its last use) to staff, never the secret
        var list = api.get(supervisor, "/api/v1/exchange-keys").expect(200);
        assertThat(list.body()).contains("Example Exchange").contains(created.path("keyId").asString())
                .doesNotContain(key.substring(key.lastIndexOf('_') + 1));

        // an exchange key may not manage keys; an issuer may not either; nobody anonymous
        var asExchange = api.send(null, "GET", "/api/v1/exchange-keys", null, Map.of("X-Api-Key", key));
        assertThat(asExchange.status()).isEqualTo(403);
        assertThat(asExchange.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        var issuer = fx.issuer(registrar);
        assertThat(api.post(issuer.user(), "/api/v1/exchange-keys", Map.of("exchangeName", "Sneaky")).status()).isEqualTo(403);
        assertThat(api.get(null, "/api/v1/exchange-keys").status()).isEqualTo(401);

        // bad input is a problem naming the field
        var bad = api.post(registrar, "/api/v1/exchange-keys", Map.of("exchangeName", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(bad.body()).contains("exchangeName");

        // revoked by the registrar: refused at once, with a problem saying why
        assertThat(api.send(registrar, "DELETE", "/api/v1/exchange-keys/" + id, null, Map.of()).status()).isEqualTo(204);
        var refused = api.send(null, "GET", UNREGISTERED, null, Map.of("X-Api-Key", key));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(refused.body()).contains("revoked");
        assertThat(api.get(registrar, "/api/v1/exchange-keys").node().valueStream()
                .filter(k -> k.path("id").asLong() == id).findFirst().orElseThrow().path("revokedAt").isNull()).isFalse();
        // revoking an unknown key is a 404 problem
        assertThat(api.send(registrar, "DELETE", "/api/v1/exchange-keys/999999", null, Map.of()).status()).isEqualTo(404);
    }
}
