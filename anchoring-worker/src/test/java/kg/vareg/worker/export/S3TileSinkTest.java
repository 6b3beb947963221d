package kg.vareg.worker.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kg.vareg.common.logstore.CheckpointRecord;
import kg.vareg.ledger.checkpoint.Checkpoint;
import kg.vareg.ledger.checkpoint.NoteSigner;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.InMemoryHashStore;
import kg.vareg.ledger.merkle.MerkleProofs;
import kg.vareg.ledger.merkle.NodeId;
import kg.vareg.ledger.tile.TileProofs;
import kg.vareg.ledger.tile.TileReader;
import kg.vareg.ledger.verify.LogVerifier;
import kg.vareg.ledger.verify.VerifiedCheckpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The S3 tile export against a real S3-compatible server started by the test: s3rver (npm, pinned in
 * anchoring-worker/s3-test-server, installed by .ci/run). A tlog client builds proofs from the bucket's objects;
 * full tiles carry the immutable Cache-Control, partial ones and the checkpoint short ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3TileSinkTest {

    static final String ORIGIN = "vareg.kg/register/v1";
    Process server;
    S3Client s3;

    @BeforeAll
    void startS3rver(@TempDir Path data) throws Exception {
        Path script = Path.of("s3-test-server/node_modules/s3rver/bin/s3rver.js");
        assertThat(script).as("run npm ci in anchoring-worker/s3-test-server (.ci/run does)").exists();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = new ProcessBuilder("node", script.toString(), "--directory", data.toString(), "--address", "127.0.0.1",
                "--port", Integer.toString(port), "--silent")
                .redirectErrorStream(true).redirectOutput(data.resolve("s3rver.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            try (Socket sock = new Socket()) {
                sock.connect(new InetSocketAddress("127.0.0.1", port), 500);
                break;
            } catch (IOException e) {
                assertThat(server.isAlive()).as("s3rver exited: " + Files.readString(data.resolve("s3rver.log"))).isTrue();
                assertThat(Instant.now()).as("s3rver did not listen within 30 s").isBefore(deadline);
                Thread.onSpinWait();
            }
        }
        s3 = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                .forcePathStyle(true)
                // plain-HTTP endpoint: send whole signed bodies, not aws-chunked ones (s3rver stores those raw)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("S3RVER", "S3RVER")))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        s3.createBucket(b -> b.bucket("tiles"));
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (s3 != null) {
            s3.close();
        }
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void theBucketIsATlogWithCdnHeaders() throws Exception {
        NoteSigner signer = NoteSigner.generate(ORIGIN, new SecureRandom());
        InMemoryHashStore store = new InMemoryHashStore();
        List<byte[]> entries = new ArrayList<>();
        List<CheckpointRecord> cps = new ArrayList<>();
        TileSource source = new TileSource() {
            @Override
            public Optional<CheckpointRecord> latestCheckpoint() {
                return Optional.of(cps.get(cps.size() - 1));
            }

            @Override
            public List<byte[]> hashes(int level, long from, int count) {
                List<byte[]> out = new ArrayList<>();
                for (long i = from; i < from + count; i++) {
                    out.add(store.nodeHash(new NodeId(level, i)).toBytes());
                }
                return out;
            }

            @Override
            public List<byte[]> entries(long from, int count) {
                return entries.subList((int) from, (int) from + count);
            }
        };
        for (int i = 0; i < 300; i++) {
            entries.add(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        Sha256Hash root = store.appendEntries(entries);
        cps.add(new CheckpointRecord(300, root, signer.sign(new Checkpoint(ORIGIN, 300, root).toText()), Instant.EPOCH));

        S3TileSink sink = new S3TileSink(s3, "tiles", "register/v1");
        assertThat(new TileExporter(source).export(sink).tilesWritten()).isEqualTo(5);
        TileReader bucket = t -> s3.getObjectAsBytes(GetObjectRequest.builder().bucket("tiles")
                .key("register/v1/" + t.path()).build()).asByteArray();
        VerifiedCheckpoint cp = LogVerifier.create(signer.verifier(), ORIGIN).verifyCheckpoint(
                s3.getObjectAsBytes(b -> b.bucket("tiles").key("register/v1/checkpoint")).asByteArray());
        for (long i : new long[] {0, 200, 299}) {
            assertThat(TileProofs.inclusionProof(bucket, cp.checkpoint(), i))
                    .isEqualTo(MerkleProofs.inclusionProof(store, i, 300));
        }
        HeadObjectResponse full = s3.headObject(b -> b.bucket("tiles").key("register/v1/tile/0/000"));
        assertThat(full.cacheControl()).isEqualTo(S3TileSink.IMMUTABLE);
        assertThat(full.contentLength()).isEqualTo(8192);
        assertThat(s3.headObject(b -> b.bucket("tiles").key("register/v1/tile/0/001.p/44")).cacheControl())
                .isEqualTo(S3TileSink.PARTIAL);
        assertThat(s3.headObject(b -> b.bucket("tiles").key("register/v1/checkpoint")).cacheControl())
                .isEqualTo(S3TileSink.CHECKPOINT);
        assertThat(sink.exists("tile/0/000")).isTrue();
        assertThat(sink.exists("tile/0/001")).isFalse();
        assertThat(TileExporter.exportedSize(sink)).isEqualTo(300);
        assertThat(new TileExporter(source).export(sink).tilesWritten()).isZero();
    }
}
