package kg.vareg.backend.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import kg.vareg.backend.support.BackendIntegrationTest;
import kg.vareg.common.logstore.LogIntegrator;
import kg.vareg.ledger.checkpoint.Checkpoint;
import kg.vareg.ledger.checkpoint.NoteSigner;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.tile.EntryBundle;
import kg.vareg.ledger.tile.TileId;
import kg.vareg.ledger.tile.TileProofs;
import kg.vareg.ledger.tile.TileReader;
import kg.vareg.ledger.verify.LogVerifier;
import kg.vareg.ledger.verify.VerifiedCheckpoint;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The log served as c2sp.org/tlog-tiles over a log integrated by the real integration code (common's
 * LogIntegrator, as the worker runs it): a tlog client reads the checkpoint and tiles over HTTP and builds
 * proofs equal to the proof API's; full tiles are immutable, partial ones and the checkpoint short-lived; a
 * partial tile turns full as the log grows; bad paths are 400/404 problem+json, never 500.
 */
@BackendIntegrationTest
// A context (hence a fresh database) of its own: the test counts the log's leaves exactly, so no other test's
// journal rows may share its log.
@org.springframework.test.context.TestPropertySource(properties = "vareg.test.own-database=log-tiles")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogTilesIT {

    static final String ORIGIN = "vareg.kg/register/v1";

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

    final NoteSigner signer = NoteSigner.generate(ORIGIN, new SecureRandom());
    final HttpClient http = HttpClient.newHttpClient();
    final List<byte[]> entries = new ArrayList<>();
    byte[] partialTileAt200;

    @BeforeAll
    void logOf200Entries() {
        Flyway.configure().dataSource(dataSource).schemas("log").defaultSchema("log")
                .locations("classpath:db/migration/log").load().migrate();
        append(200);
    }

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            byte[] entry = ("{\"n\":" + entries.size() + ",\"type\":\"TEST\"}").getBytes(StandardCharsets.UTF_8);
            entries.add(entry);
            jdbc.update("INSERT INTO registry.journal (record_type, record_version, canonical_json) VALUES ('TEST', 1, ?)",
                    (Object) entry);
        }
        new TransactionTemplate(txm).executeWithoutResult(s -> {
            LogIntegrator.Batch b = new LogIntegrator(jdbc).integrate(n).orElseThrow();
            jdbc.update("INSERT INTO log.checkpoints (tree_size, root_hash, signed_note) VALUES (?, ?, ?)",
                    b.newSize(), b.root().toBytes(), signer.sign(new Checkpoint(ORIGIN, b.newSize(), b.root()).toText()));
        });
    }

    @Test
    @Order(1)
    void partialTilesAndTheCheckpointAreShortLivedAndTheFullTileIsNotThereYet() throws Exception {
        HttpResponse<byte[]> cp = get("/log/checkpoint");
        assertThat(cp.statusCode()).isEqualTo(200);
        assertThat(cp.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
        assertThat(cp.headers().firstValue("Cache-Control")).hasValue("max-age=5, public");
        VerifiedCheckpoint verified = LogVerifier.create(signer.verifier(), ORIGIN).verifyCheckpoint(cp.body());
        assertThat(verified.size()).isEqualTo(200);
        assertThat(new String(cp.body(), StandardCharsets.UTF_8)).isEqualTo(
                jdbc.queryForObject("SELECT signed_note FROM log.checkpoints WHERE tree_size = 200", String.class));

        HttpResponse<byte[]> partial = get("/log/tile/0/000.p/200");
        assertThat(partial.statusCode()).isEqualTo(200);
        assertThat(partial.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(partial.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");
        assertThat(partial.body()).hasSize(200 * 32);
        for (int i = 0; i < 200; i++) {
            assertThat(Arrays.copyOfRange(partial.body(), i * 32, i * 32 + 32))
                    .isEqualTo(TreeHasher.leafHash(entries.get(i)).toBytes());
        }
        partialTileAt200 = partial.body();
        assertThat(get("/log/tile/0/000.p/17").body()).isEqualTo(Arrays.copyOf(partialTileAt200, 17 * 32));

        List<byte[]> bundle = EntryBundle.decode(get("/log/tile/entries/000.p/200").body());
        assertThat(bundle).hasSize(200);
        for (int i = 0; i < 200; i++) {
            assertThat(bundle.get(i)).isEqualTo(entries.get(i));
        }

        problem("/log/tile/0/000", 404, "does not exist yet, fetch tile/0/000.p/200");
        problem("/log/tile/entries/000", 404, "fetch tile/entries/000.p/200");
        problem("/log/tile/0/000.p/201", 404, "has only 200");
        problem("/log/tile/1/000.p/1", 404, "above the tree");
    }

    @Test
    @Order(2)
    void aPartialTileTurnsFullAndImmutableWhenTheLogGrows() throws Exception {
        append(100);
        HttpResponse<byte[]> full = get("/log/tile/0/000");
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
        assertThat(full.body()).hasSize(8192);
        assertThat(full.body()).startsWith(partialTileAt200);
        // the old checkpoint's partial tile is still served, and is a prefix of the full one
        assertThat(get("/log/tile/0/000.p/200").body()).isEqualTo(partialTileAt200);
        assertThat(get("/log/tile/0/001.p/44").body()).hasSize(44 * 32);
        assertThat(get("/log/tile/entries/000").headers().firstValue("Cache-Control"))
                .hasValue("max-age=31536000, public, immutable");
        HttpResponse<byte[]> level1 = get("/log/tile/1/000.p/1");
        assertThat(level1.body()).isEqualTo(TileProofs.root(this::tileOverHttp, 256).toBytes());
    }

    @Test
    @Order(3)
    void proofsBuiltFromTilesAloneEqualTheProofApis() throws Exception {
        VerifiedCheckpoint cp = LogVerifier.create(signer.verifier(), ORIGIN).verifyCheckpoint(get("/log/checkpoint").body());
        assertThat(cp.size()).isEqualTo(300);
        for (long index : new long[] {0, 1, 137, 255, 256, 299}) {
            JsonNode api = json.readTree(get("/api/v1/public/log/proofs/inclusion?index=" + index + "&treeSize=300").body());
            List<String> fromTiles = TileProofs.inclusionProof(this::tileOverHttp, cp.checkpoint(), index).path()
                    .stream().map(Sha256Hash::toHex).toList();
            List<String> fromApi = new ArrayList<>();
            api.path("inclusionPath").forEach(n -> fromApi.add(n.asString()));
            assertThat(fromTiles).as("index %d", index).isEqualTo(fromApi).isNotEmpty();
        }
        Checkpoint older = Checkpoint.parse(jdbc.queryForObject(
                "SELECT signed_note FROM log.checkpoints WHERE tree_size = 200", String.class).split("\n\n")[0] + "\n");
        JsonNode api = json.readTree(get("/api/v1/public/log/proofs/consistency?first=200&second=300").body());
        List<String> fromApi = new ArrayList<>();
        api.path("consistencyPath").forEach(n -> fromApi.add(n.asString()));
        assertThat(TileProofs.consistencyProof(this::tileOverHttp, older, cp.checkpoint()).path().stream()
                .map(Sha256Hash::toHex).toList()).isEqualTo(fromApi).isNotEmpty();
    }

    @Test
    @Order(4)
    void badPathsAreProblemsNeverServerErrors() throws Exception {
        for (String p : List.of("/log/tile/0/0", "/log/tile/0/x000/000", "/log/tile/0/000.p/0", "/log/tile/0/000.p/256",
                "/log/tile/0/000.p/300", "/log/tile/64/000", "/log/tile/01/000", "/log/tile/abc/000", "/log/tile/0/-01",
                "/log/tile/0/001/002", "/log/tile/0/000.p/", "/log/tile/entries/x001", "/log/tile/0/0a0",
                "/log/tile/99999999999999999999/000", "/log/tile/0/x999/x999/x999/x999/x999/x999/999")) {
            problem(p, 400, "");
        }
        problem("/log/tile/0/005", 404, "beyond the log");
        problem("/log/tile/0/x001/000", 404, "beyond the log");
        problem("/log/tile/entries/002", 404, "beyond the log");
        problem("/log/tile/63/000", 404, "above the tree");
        problem("/log/tile/8/000", 404, "above the tree");
        problem("/log/tile/2/000.p/1", 404, "above the tree");
        problem("/log/tile/1/000", 404, "does not exist yet");
        problem("/log/tile/0/001", 404, "fetch tile/0/001.p/44");
        // a client that only accepts octet-stream still gets the problem
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/log/tile/0/005"))
                .header("Accept", "application/octet-stream").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("beyond the log");
    }

    private byte[] tileOverHttp(TileId t) throws IOException {
        HttpResponse<byte[]> r = get("/log/" + t.path());
        if (r.statusCode() != 200) {
            throw new IOException(t.path() + ": HTTP " + r.statusCode());
        }
        return r.body();
    }

    private void problem(String path, int status, String detailContains) throws IOException {
        HttpResponse<byte[]> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        JsonNode p = json.readTree(r.body());
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("detail").asString()).as(path).contains(detailContains).isNotBlank();
        if (status == 400) {
            assertThat(p.path("errors").get(0).path("field").asString()).isEqualTo("path");
        }
    }

    private HttpResponse<byte[]> get(String path) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
