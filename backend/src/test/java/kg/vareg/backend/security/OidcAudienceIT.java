package kg.vareg.backend.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import kg.vareg.backend.support.BackendIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 15 item 5: bearer tokens of the OIDC option are accepted only when issued by the configured issuer FOR this
 * API (aud). The test is the identity provider: it serves a real discovery document and JWKS over HTTP and signs JWTs
 * with its RSA key (nimbus); the backend fetches and checks them as in production.
 */
@BackendIntegrationTest
class OidcAudienceIT {
    static final RSAKey KEY;
    static final RSAKey OTHER_KEY;
    static final HttpServer IDP;
    static final String ISSUER;

    static {
        try {
            KEY = new RSAKeyGenerator(2048).keyID("idp-1").generate();
            OTHER_KEY = new RSAKeyGenerator(2048).keyID("idp-1").generate();
            IDP = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ISSUER = "http://127.0.0.1:" + IDP.getAddress().getPort() + "/realms/regulator";
            String discovery = "{\"issuer\":\"" + ISSUER + "\",\"jwks_uri\":\"" + ISSUER + "/certs\","
                    + "\"authorization_endpoint\":\"" + ISSUER + "/auth\",\"token_endpoint\":\"" + ISSUER + "/token\","
                    + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                    + "\"response_types_supported\":[\"code\"]}";
            serve("/realms/regulator/.well-known/openid-configuration", discovery);
            serve("/realms/regulator/certs", new JWKSet(KEY.toPublicJWK()).toString());
            IDP.start();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void serve(String path, String body) {
        IDP.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException ignored) {
                // the client went away
            }
        });
    }

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry r) {
        r.add("vareg.security.oidc.issuer-uri", () -> ISSUER);
        r.add("vareg.security.oidc.audiences[0]", () -> "vareg-api");
    }

    @AfterAll
    static void stop() {
        IDP.stop(0);
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port, json);
    }

    private static String token(RSAKey key, String issuer, List<String> audience) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject("u-1")
                .claim("preferred_username", "aigul").claim("roles", List.of("REGISTRAR"))
                .issueTime(Date.from(Instant.now())).expirationTime(Date.from(Instant.now().plusSeconds(300)));
        if (!audience.isEmpty()) claims.audience(audience);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private int status(String token) {
        return http.send(null, "GET", "/api/v1/emissions", null, null, Map.of("Authorization", "Bearer " + token)).status();
    }

    @Test
    void aTokenForThisApiFromTheIssuerGetsIn() throws Exception {
        assertThat(status(token(KEY, ISSUER, List.of("vareg-api")))).isEqualTo(200);
        assertThat(status(token(KEY, ISSUER, List.of("account", "vareg-api")))).isEqualTo(200);
    }

    @Test
    void aTokenOfTheSameRealmForAnotherClientIsRefused() throws Exception {
        assertThat(status(token(KEY, ISSUER, List.of("another-client")))).isEqualTo(401);
        assertThat(status(token(KEY, ISSUER, List.of()))).isEqualTo(401);
    }

    @Test
    void aTokenOfAnotherIssuerOrKeyIsRefused() throws Exception {
        assertThat(status(token(KEY, "http://127.0.0.1:1/realms/other", List.of("vareg-api")))).isEqualTo(401);
        assertThat(status(token(OTHER_KEY, ISSUER, List.of("vareg-api")))).isEqualTo(401);
    }
}
