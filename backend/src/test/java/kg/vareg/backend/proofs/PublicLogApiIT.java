package kg.vareg.backend.proofs;

import kg.vareg.backend.support.Tamper;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import kg.vareg.backend.support.BackendIntegrationTest;
import kg.vareg.common.logstore.LogIntegrator;
import kg.vareg.contracts.generated.RegistryAnchor;
import kg.vareg.devstack.ContractDeployments;
import kg.vareg.devstack.EvmNode;
import kg.vareg.ledger.checkpoint.Checkpoint;
import kg.vareg.ledger.checkpoint.NoteSigner;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.ConsistencyProof;
import kg.vareg.ledger.merkle.InclusionProof;
import kg.vareg.ledger.verify.LogVerifier;
import kg.vareg.ledger.verify.MerkleVerifier;
import kg.vareg.ledger.verify.ProofCodec;
import kg.vareg.ledger.verify.VerifiedCheckpoint;
import kg.vareg.testsupport.TestChain;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.gas.DefaultGasProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The public proof API over a log that was integrated by the real integration code (common's
 * LogIntegrator, as the worker runs it) and anchored on the real dev chain. The worker itself is a
 * separate application (the backend must not depend on it); its own ITs cover scheduling, signing
 * keys and the anchoring state machine.
 */
@BackendIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicLogApiIT {

    static final String DOC = Sha256Hash.digest("white paper v1".getBytes(StandardCharsets.UTF_8)).toHex();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager txm;
    @Autowired
    ObjectMapper json;

    NoteSigner signer = NoteSigner.generate("vareg.kg/register/v1", new SecureRandom());
    RegistryAnchor anchor;
    long anchoredSize;

    @BeforeAll
    void logIntegratedAndAnchored() throws Exception {
        Flyway.configure().dataSource(dataSource).schemas("log").defaultSchema("log")
                .locations("classpath:db/migration/log").load().migrate();
        for (int i = 0; i < 9; i++) {
            String entry = i == 4
                    ? "{\"documents\":[{\"sha256\":\"" + DOC + "\"}],\"n\":4,\"type\":\"EMISSION_REGISTERED\"}"
                    : "{\"n\":" + i + ",\"type\":\"TEST\"}";
            long id = jdbc.queryForObject("INSERT INTO registry.journal (record_type, record_version, canonical_json)"
                    + " VALUES ('TEST', 1, ?) RETURNING id", Long.class, (Object) entry.getBytes(StandardCharsets.UTF_8));
            // the document hashes a record carries, as JournalWriter indexes them
            for (var d : kg.vareg.backend.register.JournalIndex.of("TEST", entry.getBytes(StandardCharsets.UTF_8)).documents()) {
                jdbc.update("INSERT INTO registry.journal_document (sha256, journal_id, kind) VALUES (?, ?, ?)", d.sha256(), id, d.kind());
            }
        }
        // First 6 rows: integrated, signed and anchored; the last 3 integrated but not anchored yet.
        integrate(6);
        EvmNode node = TestChain.shared();
        var tm = ContractDeployments.transactionManager(node.web3j(), node.account(0), node.chainId());
        anchor = RegistryAnchor.deploy(node.web3j(), tm, new DefaultGasProvider(),
                node.account(0).getAddress(), node.account(0).getAddress()).send();
        byte[] root = jdbc.queryForObject("SELECT root_hash FROM log.checkpoints WHERE tree_size = 6", byte[].class);
        TransactionReceipt r = anchor.anchor(java.math.BigInteger.valueOf(6), root, List.of()).send();
        jdbc.update("""
                INSERT INTO log.anchors (tree_size, root_hash, chain_id, contract_address, from_address, tx_hash, nonce,
                       raw_tx, max_fee_per_gas, max_priority_fee_per_gas, status, block_number, block_hash, gas_used)
                VALUES (6, ?, ?, ?, ?, ?, 0, '\\x00', 0, 0, 'CONFIRMED', ?, ?, ?)""",
                root, node.chainId(), anchor.getContractAddress(), node.account(0).getAddress(), r.getTransactionHash(),
                r.getBlockNumber().longValueExact(), r.getBlockHash(), r.getGasUsed().longValueExact());
        anchoredSize = 6;
        integrate(3);
    }

    private void integrate(int rows) {
        new TransactionTemplate(txm).executeWithoutResult(s -> {
            LogIntegrator.Batch b = new LogIntegrator(jdbc).integrate(rows).orElseThrow();
            jdbc.update("INSERT INTO log.checkpoints (tree_size, root_hash, signed_note) VALUES (?, ?, ?)",
                    b.newSize(), b.root().toBytes(),
                    signer.sign(new Checkpoint("vareg.kg/register/v1", b.newSize(), b.root()).toText()));
        });
    }

    @Test
    void entryComesWithProofToTheAnchoredCheckpointThatVerifiesOfflineAndMatchesTheChain() throws Exception {
        LogVerifier verifier = LogVerifier.create(signer.verifier(), "vareg.kg/register/v1");
        for (int i = 0; i < 6; i++) {
            JsonNode e = get("/api/v1/public/log/entries/" + i, 200);
            assertThat(e.path("anchored").asBoolean()).isTrue();
            VerifiedCheckpoint cp = verifier.verifyCheckpoint(e.path("checkpoint").path("signedNote").asString());
            assertThat(cp.size()).isEqualTo(6);
            JsonNode bundle = e.path("bundle");
            List<String> path = new ArrayList<>();
            bundle.path("inclusionPath").forEach(n -> path.add(n.asString()));
            InclusionProof proof = new InclusionProof(bundle.path("leafIndex").asLong(), bundle.path("treeSize").asLong(),
                    ProofCodec.hexHashes(path));
            verifier.verifyEntry(proof, Base64.getDecoder().decode(bundle.path("entry").asString()), cp);
            // The anchored root on the contract is the checkpoint's root.
            assertThat(Sha256Hash.of(anchor.latestCheckpoint().send().component2())).isEqualTo(cp.root());
            assertThat(e.path("checkpoint").path("anchor").path("txHash").asString()).startsWith("0x");
            assertThat(e.path("canonicalJson").asString()).contains("\"n\":" + i);
        }
        // Integrated but not yet anchored: no proof yet, and it says so.
        JsonNode waiting = get("/api/v1/public/log/entries/7", 200);
        assertThat(waiting.path("anchored").asBoolean()).isFalse();
        assertThat(waiting.path("bundle").isNull() || waiting.path("bundle").isMissingNode()).isTrue();
    }

    @Test
    void entryByLeafHash() throws Exception {
        String leafHash = get("/api/v1/public/log/entries/2", 200).path("leafHash").asString();
        JsonNode list = get("/api/v1/public/log/entries?leafHash=" + leafHash, 200);
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).path("leafIndex").asLong()).isEqualTo(2);
        get("/api/v1/public/log/entries?leafHash=" + "00".repeat(32), 404);
    }

    @Test
    void consistencyProofBetweenSizesVerifies() throws Exception {
        JsonNode c = get("/api/v1/public/log/proofs/consistency?first=6&second=9", 200);
        List<String> path = new ArrayList<>();
        c.path("consistencyPath").forEach(n -> path.add(n.asString()));
        MerkleVerifier.verifyConsistency(new ConsistencyProof(6, 9, ProofCodec.hexHashes(path)),
                Sha256Hash.fromHex(c.path("firstRoot").asString()), Sha256Hash.fromHex(c.path("secondRoot").asString()));
        assertThat(Sha256Hash.fromHex(c.path("firstRoot").asString()))
                .isEqualTo(Sha256Hash.of(anchor.latestCheckpoint().send().component2()));
    }

    @Test
    void checkpointsCarryTheirAnchor() throws Exception {
        JsonNode latest = get("/api/v1/public/log/checkpoints/latest", 200);
        assertThat(latest.path("treeSize").asLong()).isEqualTo(6);
        assertThat(latest.path("anchor").path("blockNumber").asLong()).isPositive();
        JsonNode unanchored = get("/api/v1/public/log/checkpoints/latest?anchored=false", 200);
        assertThat(unanchored.path("treeSize").asLong()).isEqualTo(9);
        assertThat(unanchored.path("anchor").isNull() || unanchored.path("anchor").isMissingNode()).isTrue();
        JsonNode list = get("/api/v1/public/log/checkpoints?after=0", 200);
        assertThat(list.size()).isEqualTo(1);
    }

    @Test
    void documentHashFindsTheEntryThatCarriesItWithProof() throws Exception {
        JsonNode byHash = get("/api/v1/public/verify-document?sha256=" + DOC, 200);
        assertThat(byHash.path("matches").asInt()).isEqualTo(1);
        assertThat(byHash.path("entries").get(0).path("leafIndex").asLong()).isEqualTo(4);
        assertThat(byHash.path("entries").get(0).path("anchored").asBoolean()).isTrue();

        String boundary = "vareg-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"wp.pdf\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nwhite paper v1\r\n--" + boundary + "--\r\n";
        HttpResponse<String> upload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/api/v1/public/verify-document"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(json.readTree(upload.body()).path("entries").get(0).path("leafIndex").asLong()).isEqualTo(4);

        JsonNode none = get("/api/v1/public/verify-document?sha256=" + "ab".repeat(32), 200);
        assertThat(none.path("matches").asInt()).isZero();
    }

    @Test
    void badRequestsAreProblemDetailsNamingTheField() throws Exception {
        HttpResponse<String> r = raw("/api/v1/public/log/entries/9");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(json.readTree(r.body()).path("errors").get(0).path("field").asString()).isEqualTo("index");

        assertThat(json.readTree(raw("/api/v1/public/log/entries/abc").body()).path("errors").get(0).path("field")
                .asString()).isEqualTo("index");
        assertThat(raw("/api/v1/public/log/entries/-1").statusCode()).isEqualTo(400);
        JsonNode c = json.readTree(raw("/api/v1/public/log/proofs/consistency?first=7&second=6").body());
        assertThat(c.path("errors").get(0).path("field").asString()).isEqualTo("first");
        assertThat(json.readTree(raw("/api/v1/public/verify-document?sha256=xyz").body())
                .path("errors").get(0).path("field").asString()).isEqualTo("sha256");
        assertThat(raw("/api/v1/public/log/checkpoints/5").statusCode()).isEqualTo(404);
        assertThat(raw("/api/v1/public/log/proofs/inclusion?index=3&treeSize=99").statusCode()).isEqualTo(400);
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // it tampers with the journal: run last
    void verifierConfirmsAgainstTheContractThenNamesTheFirstTamperedEntry(@TempDir Path dir) throws Exception {
        String rpc = TestChain.shared().rpcUrl();
        String backend = "http://localhost:" + port;
        Path bundle = dir.resolve("bundle.json");
        Files.writeString(bundle, json.writeValueAsString(get("/api/v1/public/log/entries/3", 200).path("bundle")));
        assertThat(cli("verify-chain", "--bundle", bundle.toString(), "--rpc", rpc, "--contract",
                anchor.getContractAddress())).startsWith("0|OK: entry 3");
        assertThat(cli("audit", "--backend", backend, "--rpc", rpc, "--contract", anchor.getContractAddress()))
                .startsWith("0|OK: all 6 entries");

        // Someone edits a journal row directly in PostgreSQL.
        Tamper.asSuperuser(jdbc, "UPDATE registry.journal SET canonical_json = ? WHERE id = 3",
                (Object) "{\"n\":2,\"type\":\"FORGED\"}".getBytes(StandardCharsets.UTF_8));
        String audit = cli("audit", "--backend", backend, "--rpc", rpc, "--contract", anchor.getContractAddress());
        assertThat(audit).startsWith("1|FAIL: first diverging entry: index 2 (journal id 3)");
        Files.writeString(bundle, json.writeValueAsString(get("/api/v1/public/log/entries/2", 200).path("bundle")));
        assertThat(cli("verify-chain", "--bundle", bundle.toString(), "--rpc", rpc, "--contract",
                anchor.getContractAddress())).startsWith("1|FAIL:");
    }

    private static String cli(String... args) {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = kg.vareg.verifier.cli.VaregVerifyChain.run(args, new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true));
        return code + "|" + (code == 0 ? out : err).toString().strip();
    }

    private JsonNode get(String path, int status) throws Exception {
        HttpResponse<String> r = raw(path);
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    private HttpResponse<String> raw(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

}
