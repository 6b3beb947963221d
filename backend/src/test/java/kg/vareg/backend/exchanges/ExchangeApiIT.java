package kg.vareg.backend.exchanges;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import kg.vareg.backend.verification.InMemoryRegisteredTokens;
import kg.vareg.backend.verification.MonitoredToken;
import kg.vareg.backend.verification.ScanOutcome;
import kg.vareg.backend.verification.SupplyVerifier;
import kg.vareg.backend.verification.TokenProfile;
import kg.vareg.backend.verification.VerifierIntegrationTest;
import kg.vareg.contracts.generated.TestIssuerToken;
import kg.vareg.devstack.ContractDeployments;
import kg.vareg.devstack.EvmNode;
import kg.vareg.testsupport.TestChain;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.web3j.tx.gas.DefaultGasProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The exchange API over real HTTP: API keys (hashed, revocable), registered and unregistered tokens, batch, problems. */
class ExchangeApiIT extends VerifierIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    ExchangeApiKeys keys;
    @Autowired
    InMemoryRegisteredTokens register;
    @Autowired
    SupplyVerifier verifier;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final EvmNode node = TestChain.shared();

    HttpResponse<String> get(String path, String key) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (key != null) {
            b.header("X-Api-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Api-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anExchangeWithAKeyLearnsWhetherAContractIsRegisteredAndWhatTheChainShows() throws Exception {
        var gas = new DefaultGasProvider();
        String issuer = node.account(1).getAddress().toLowerCase();
        TestIssuerToken token = TestIssuerToken.deploy(node.web3j(), ContractDeployments.transactionManager(node.web3j(),
                node.account(0), node.chainId()), gas, "Som Stable", "SOMS", BigInteger.valueOf(6), issuer).send();
        TestIssuerToken.load(token.getContractAddress(), node.web3j(), ContractDeployments.transactionManager(node.web3j(),
                node.account(1), node.chainId()), gas).mint(issuer, BigInteger.valueOf(1_500_000_000L)).send();
        var today = java.time.LocalDate.now();
        MonitoredToken t = register.put(new MonitoredToken("KG0103EX011", node.chainId(), token.getContractAddress(), issuer,
                BigInteger.valueOf(1_000_000_000L), 6, "Som Stable", "SOMS", "STABLECOIN",
                kg.vareg.backend.verification.EmissionPhase.PLACEMENT, null, today.minusDays(1), today.plusDays(10),
                TokenProfile.TRANSFER, null));
        assertThat(verifier.verify(t)).isInstanceOf(ScanOutcome.Verified.class);
        var issued = keys.issue("Example Exchange", "test-registrar");

        var answer = get("/api/v1/tokens/" + node.chainId() + "/" + token.getContractAddress().toUpperCase().replace("0X", "0x"), issued.key());

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.path("registered").asBoolean()).isTrue();
        assertThat(body.path("registrationNumber").asString()).isEqualTo("KG0103EX011");
        assertThat(body.path("state").asString()).isEqualTo("PLACEMENT");
        assertThat(body.path("vaType").asString()).isEqualTo("STABLECOIN");
        assertThat(body.path("issuerWallet").asString()).isEqualTo(issuer);
        assertThat(body.path("registeredQuantity").asString()).isEqualTo("1000000000");
        assertThat(body.path("verification").path("totalSupply").asString()).isEqualTo("1500000000");
        assertThat(body.path("openFindings")).hasSize(1);
        assertThat(body.path("openFindings").path(0).path("kind").asString()).isEqualTo("SUPPLY_ABOVE_REGISTERED");
        assertThat(body.path("openFindings").path(0).path("paragraph").asString()).isEqualTo("¶5, ¶59");
        // this token is known only to the test's register port, not to the journal: no entry to prove
        assertThat(body.path("proof").path("status").asString()).isEqualTo("NO_ENTRY");

        // a contract nobody registered
        var unknown = json.readTree(get("/api/v1/tokens/" + node.chainId() + "/0x00000000000000000000000000000000000000aa",
                issued.key()).body());
        assertThat(unknown.path("registered").asBoolean()).isFalse();
        assertThat(unknown.path("registrationNumber").isNull()).isTrue();

        // batch, in request order, by chain name
        var batch = post("/api/v1/tokens/batch", issued.key(), "{\"tokens\":[{\"chain\":\"vareg dev chain\",\"address\":\""
                + token.getContractAddress() + "\"},{\"chain\":\"" + node.chainId() + "\",\"address\":\"0x00000000000000000000000000000000000000aa\"}]}");
        assertThat(batch.statusCode()).isEqualTo(200);
        JsonNode items = json.readTree(batch.body()).path("tokens");
        assertThat(items).hasSize(2);
        assertThat(items.path(0).path("registered").asBoolean()).isTrue();
        assertThat(items.path(1).path("registered").asBoolean()).isFalse();

        // bad input: RFC 9457 problem with the field named
        var bad = post("/api/v1/tokens/batch", issued.key(), "{\"tokens\":[{\"chain\":\"1\",\"address\":\"0x12\"}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).contains("problem+json"));
        assertThat(bad.body()).contains("tokens[0].address");
        var unknownChain = get("/api/v1/tokens/999999/" + token.getContractAddress(), issued.key());
        assertThat(unknownChain.statusCode()).isEqualTo(404);
        assertThat(unknownChain.body()).contains("not watched");
    }

    @Test
    void withoutAValidKeyTheApiAnswers401AndARevokedKeyStopsWorkingAtOnce() throws Exception {
        String path = "/api/v1/tokens/" + node.chainId() + "/0x00000000000000000000000000000000000000bb";
        assertThat(get(path, null).statusCode()).isEqualTo(401);
        assertThat(get(path, "vrg_000000000000_" + "A".repeat(43)).statusCode()).isEqualTo(401);
        var issued = keys.issue("Revoked Exchange", "test-registrar");
        assertThat(get(path, issued.key()).statusCode()).isEqualTo(200);

        // only the hash is stored
        byte[] stored = jdbc.sql("SELECT secret_sha256 FROM registry.exchange_api_key WHERE id = ?").params(issued.id())
                .query(byte[].class).single();
        assertThat(stored).hasSize(32);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(issued.key().substring(17));

        assertThat(keys.revoke(issued.id(), "test-supervisor")).isTrue();
        var after = get(path, issued.key());
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("revoked");
        // key management is for regulator staff, not for exchanges
        assertThat(get("/api/v1/exchange-keys", keys.issue("Other", "x").key()).statusCode()).isEqualTo(403);
    }
}
