package kg.vareg.backend.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kg.vareg.backend.emissions.EmissionFixtures;
import kg.vareg.backend.emissions.RegisterApi;
import kg.vareg.backend.register.RegisterClock;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.backend.security.UserAccounts;
import kg.vareg.backend.support.BackendIntegrationTest;
import kg.vareg.contracts.generated.TestIssuerToken;
import kg.vareg.devstack.ContractDeployments;
import kg.vareg.devstack.EvmNode;
import kg.vareg.testsupport.TestChain;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.web3j.crypto.Keys;
import org.web3j.tx.gas.DefaultGasProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Register → verifier over real HTTP and the real register adapter: the issuer declares the token's event profile and
 * ERC-20 name/symbol in the application (¶5), the registrar registers it, the verifier reads them from the register's
 * table and opens METADATA_MISMATCH (¶5, ¶62) when the contract's name differs; supervisors see and acknowledge the
 * alert with their database accounts.
 */
@BackendIntegrationTest
@TestPropertySource(properties = {"vareg.clock.adjustable=true", "vareg.verifier.scheduling=false"})
class DeclaredTokenMetadataIT {
    static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired UserAccounts users;
    @Autowired RegisterClock clock;
    @Autowired JdbcRegisteredTokens register;
    @Autowired SupplyVerifier verifier;

    @Test
    void declaredNameSymbolAndProfileReachTheVerifierAndAMismatchRaisesAnAlertSupervisorsAcknowledge() throws Exception {
        EvmNode node = TestChain.shared();
        RegisterApi api = new RegisterApi(port, json);
        EmissionFixtures fx = new EmissionFixtures(api, users, clock);
        fx.at(JUNE_1);
        String registrar = fx.newUser(ActorRole.REGISTRAR, null);
        String supervisor = fx.newUser(ActorRole.SUPERVISOR, null);
        var issuer = fx.issuer(registrar);
        String wallet = Keys.toChecksumAddress(node.account(5).getAddress());
        TestIssuerToken token = TestIssuerToken.deploy(node.web3j(), ContractDeployments.transactionManager(node.web3j(),
                node.account(0), node.chainId()), new DefaultGasProvider(), "Ala-Too Som", "ATS", BigInteger.valueOf(6), wallet).send();
        Map<String, Object> application = RegisterApi.application(issuer.id(), JUNE_1, LocalDate.of(2026, 7, 31), LocalDate.of(2026, 5, 25));
        application.put("blockchain", "vareg dev chain");
        application.put("issuerWallet", wallet);
        application.put("tokenAddress", Keys.toChecksumAddress(token.getContractAddress()));

        // bad declarations are refused field by field (RFC 9457)
        Map<String, Object> bad = new java.util.HashMap<>(application);
        bad.put("tokenSymbol", "S".repeat(21));
        bad.put("tokenName", "line\nbreak");
        var refused = api.post(issuer.user(), "/api/v1/emissions", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(refused.body()).contains("tokenSymbol").contains("tokenName");
        bad.remove("tokenName");
        bad.put("tokenSymbol", "ATS");
        bad.put("tokenProfile", "BOGUS");
        assertThat(api.post(issuer.user(), "/api/v1/emissions", bad).status()).isEqualTo(400);

        // the issuer declares the profile and a name the contract does not have
        application.put("tokenProfile", "TRANSFER");
        application.put("tokenName", "Som Stable");
        application.put("tokenSymbol", "ATS");
        UUID id = fx.completeDraft(issuer, application);
        JsonNode draft = api.get(issuer.user(), "/api/v1/emissions/" + id).expect(200).node();
        assertThat(draft.path("tokenProfile").asString()).isEqualTo("TRANSFER");
        assertThat(draft.path("tokenName").asString()).isEqualTo("Som Stable");
        assertThat(draft.path("tokenSymbol").asString()).isEqualTo("ATS");
        fx.payUpfront(issuer, id, JUNE_1);
        api.post(issuer.user(), "/api/v1/emissions/" + id + "/submit", null).expect(200);
        // four-eyes (security): one registrar proposes, a second confirms
        api.post(registrar, "/api/v1/emissions/" + id + "/register", null).expect(202);
        String number = api.post(fx.newUser(ActorRole.REGISTRAR, null), "/api/v1/emissions/" + id + "/register", null)
                .expect(200).text("registrationNumber");

        MonitoredToken watched = register.byAddress(node.chainId(), token.getContractAddress()).orElseThrow();
        assertThat(watched.registrationNumber()).isEqualTo(number);
        assertThat(watched.profile()).isEqualTo(TokenProfile.TRANSFER);
        assertThat(watched.name()).isEqualTo("Som Stable");
        assertThat(watched.symbol()).isEqualTo("ATS");

        assertThat(verifier.verify(watched)).isInstanceOf(ScanOutcome.Verified.class);

        // the supervisor's alert list (real DB user, HTTP Basic) has the opened finding
        List<JsonNode> open = api.get(supervisor, "/api/v1/verifier/alerts?unacknowledged=true").expect(200).node().valueStream()
                .filter(a -> a.path("payload").asString().contains(number)).toList();
        assertThat(open).singleElement().satisfies(a -> {
            assertThat(a.path("transition").asString()).isEqualToIgnoringCase("OPENED");
            assertThat(a.path("payload").asString()).contains("METADATA_MISMATCH").contains("Som Stable").contains("Ala-Too Som");
        });
        long alertId = open.getFirst().path("id").asLong();

        // issuers may not see supervisors' alerts; nobody anonymous
        assertThat(api.get(issuer.user(), "/api/v1/verifier/alerts").status()).isEqualTo(403);
        assertThat(api.get(null, "/api/v1/verifier/alerts").status()).isEqualTo(401);
        assertThat(api.post(issuer.user(), "/api/v1/verifier/alerts/" + alertId + "/acknowledge", null).status()).isEqualTo(403);

        // the registrar acknowledges it: gone from the unacknowledged list, kept in the full list with who did it
        assertThat(api.post(registrar, "/api/v1/verifier/alerts/" + alertId + "/acknowledge", null).expect(200)
                .node().path("acknowledged").asBoolean()).isTrue();
        assertThat(api.get(supervisor, "/api/v1/verifier/alerts?unacknowledged=true").expect(200).node().valueStream()
                .noneMatch(a -> a.path("id").asLong() == alertId)).isTrue();
        JsonNode acked = api.get(supervisor, "/api/v1/verifier/alerts").expect(200).node().valueStream()
                .filter(a -> a.path("id").asLong() == alertId).findFirst().orElseThrow();
        assertThat(acked.path("acknowledgedBy").asString()).isEqualTo(registrar);
        assertThat(api.post(supervisor, "/api/v1/verifier/alerts/999999/acknowledge", null).status()).isEqualTo(404);
    }
}
