package kg.vareg.backend.exchanges;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import kg.vareg.backend.emissions.EmissionFixtures;
import kg.vareg.backend.emissions.RegisterApi;
import kg.vareg.backend.register.RegisterClock;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.backend.security.UserAccounts;
import kg.vareg.backend.support.BackendIntegrationTest;
import kg.vareg.backend.support.LogAnchoring;
import kg.vareg.devstack.EvmNode;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.InclusionProof;
import kg.vareg.ledger.verify.LogVerifier;
import kg.vareg.ledger.verify.VerifiedCheckpoint;
import kg.vareg.testsupport.TestChain;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.web3j.crypto.Keys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The exchange API's {@code proof} over real HTTP, for an emission registered through the register's REST API and
 * logged by the real integration code: the proof an exchange receives verifies with the ledger's LogVerifier against
 * the signed checkpoint, and the checkpoint's root is the one the anchor contract holds (rootAt). Newer changes not
 * yet anchored are announced as pendingChanges.
 */
@BackendIntegrationTest
@TestPropertySource(properties = {"vareg.clock.adjustable=true", "vareg.verifier.scheduling=false"})
class ExchangeProofIT {
    static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired UserAccounts users;
    @Autowired RegisterClock clock;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager txm;
    @Autowired ExchangeApiKeys keys;

    @Test
    void theProofAnExchangeGetsVerifiesAgainstTheSignedCheckpointAndTheAnchorContract() throws Exception {
        EvmNode node = TestChain.shared();
        RegisterApi api = new RegisterApi(port, json);
        EmissionFixtures fx = new EmissionFixtures(api, users, clock);
        fx.at(JUNE_1);
        String registrar = fx.newUser(ActorRole.REGISTRAR, null);
        var issuer = fx.issuer(registrar);
        byte[] random = new byte[20];
        new SecureRandom().nextBytes(random);
        String token = Keys.toChecksumAddress(HexFormat.of().formatHex(random));
        Map<String, Object> application = RegisterApi.application(issuer.id(), JUNE_1, LocalDate.of(2026, 7, 31), LocalDate.of(2026, 5, 25));
        application.put("blockchain", "vareg dev chain"); // the watched dev chain's name (¶5: as the decision writes it)
        application.put("tokenAddress", token);
        UUID id = fx.completeDraft(issuer, application);
        fx.payUpfront(issuer, id, JUNE_1);
        api.post(issuer.user(), "/api/v1/emissions/" + id + "/submit", null).expect(200);
        // four-eyes (security): one registrar proposes, a second confirms
        api.post(registrar, "/api/v1/emissions/" + id + "/register", null).expect(202);
        String number = api.post(fx.newUser(ActorRole.REGISTRAR, null), "/api/v1/emissions/" + id + "/register", null)
                .expect(200).text("registrationNumber");
        String key = keys.issue("Example Exchange", registrar).key();
        String path = "/api/v1/tokens/" + node.chainId() + "/" + token;

        // registered, but nothing is anchored yet: the answer says so instead of a proof
        JsonNode before = api.send(null, "GET", path, null, Map.of("X-Api-Key", key)).expect(200).node();
        assertThat(before.path("registered").asBoolean()).isTrue();
        assertThat(before.path("registrationNumber").asString()).isEqualTo(number);
        assertThat(before.path("proof").path("status").asString()).isEqualTo("NOT_ANCHORED");
        assertThat(before.path("proof").path("pendingChanges").asBoolean()).isTrue();

        LogAnchoring log = new LogAnchoring(dataSource, txm, node);
        long size = log.integrate();
        var contract = log.anchor(size);

        JsonNode proof = api.send(null, "GET", path, null, Map.of("X-Api-Key", key)).expect(200).node().path("proof");
        assertThat(proof.path("status").asString()).isEqualTo("ANCHORED");
        assertThat(proof.path("pendingChanges").asBoolean()).isFalse();
        assertThat(proof.path("recordType").asString()).isEqualTo("EmissionRegistered");
        assertThat(proof.path("treeSize").asLong()).isEqualTo(size);
        verifies(proof, log, number, contract);
        long registeredLeaf = proof.path("leafIndex").asLong();

        // a newer change (¶21 offer disclosed) is logged but not anchored: the proof stays on the anchored entry
        fx.at(LocalDate.of(2026, 6, 2));
        api.post(issuer.user(), "/api/v1/emissions/" + id + "/offer",
                Map.of("disclosedOn", "2026-06-02", "url", "https://issuer.example/offer")).expect(200);
        long bigger = log.integrate();
        JsonNode pending = api.send(null, "GET", path, null, Map.of("X-Api-Key", key)).expect(200).node().path("proof");
        assertThat(pending.path("status").asString()).isEqualTo("ANCHORED");
        assertThat(pending.path("leafIndex").asLong()).isEqualTo(registeredLeaf);
        assertThat(pending.path("pendingChanges").asBoolean()).isTrue();
        verifies(pending, log, number, contract);

        // once anchored, the proof moves to the newest entry
        log.anchor(bigger);
        JsonNode after = api.send(null, "GET", path, null, Map.of("X-Api-Key", key)).expect(200).node().path("proof");
        assertThat(after.path("recordType").asString()).isEqualTo("PublicOfferDisclosed");
        assertThat(after.path("treeSize").asLong()).isEqualTo(bigger);
        assertThat(after.path("pendingChanges").asBoolean()).isFalse();
        verifies(after, log, number, contract);
    }

    /** What an exchange does with the proof: signature, inclusion, subject, and the root on the contract. */
    private static void verifies(JsonNode proof, LogAnchoring log, String number, kg.vareg.contracts.generated.RegistryAnchor contract)
            throws Exception {
        LogVerifier verifier = LogVerifier.create(log.signer.verifier(), LogAnchoring.ORIGIN);
        VerifiedCheckpoint cp = verifier.verifyCheckpoint(proof.path("signedNote").asString());
        assertThat(cp.size()).isEqualTo(proof.path("treeSize").asLong());
        assertThat(cp.root().toHex()).isEqualTo(proof.path("rootHash").asString());
        byte[] entry = Base64.getDecoder().decode(proof.path("entry").asString());
        List<Sha256Hash> path = proof.path("inclusionPath").valueStream()
                .map(n -> Sha256Hash.of(HexFormat.of().parseHex(n.asString()))).toList();
        verifier.verifyEntry(new InclusionProof(proof.path("leafIndex").asLong(), cp.size(), path), entry, cp); // throws if not
        assertThat(new String(entry, StandardCharsets.UTF_8)).contains("\"registrationNumber\":\"" + number + "\"");
        byte[] onChain = contract.rootAt(java.math.BigInteger.valueOf(cp.size())).send();
        assertThat(Sha256Hash.of(onChain)).isEqualTo(cp.root());
        assertThat(proof.path("anchor").path("contractAddress").asString()).isEqualToIgnoringCase(contract.getContractAddress());
        assertThat(proof.path("anchor").path("txHash").asString()).startsWith("0x");
        assertThat(proof.path("bundle").path("leafIndex").asLong()).isEqualTo(proof.path("leafIndex").asLong());
        // a tampered entry does not verify
        entry[entry.length - 2] ^= 1;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verifyEntry(
                new InclusionProof(proof.path("leafIndex").asLong(), cp.size(), path), entry, cp))
                .isInstanceOf(kg.vareg.ledger.LogVerificationException.class);
    }
}
