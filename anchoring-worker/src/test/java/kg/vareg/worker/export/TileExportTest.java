package kg.vareg.worker.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kg.vareg.common.logstore.CheckpointRecord;
import kg.vareg.ledger.checkpoint.Checkpoint;
import kg.vareg.ledger.checkpoint.NoteSigner;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.InMemoryHashStore;
import kg.vareg.ledger.merkle.MerkleProofs;
import kg.vareg.ledger.merkle.NodeId;
import kg.vareg.ledger.tile.EntryBundle;
import kg.vareg.ledger.tile.TileId;
import kg.vareg.ledger.tile.TileProofs;
import kg.vareg.ledger.tile.TileReader;
import kg.vareg.ledger.tile.Tiles;
import kg.vareg.ledger.verify.LogVerifier;
import kg.vareg.ledger.verify.VerifiedCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The static export over the ledger's in-memory log (the same rows the worker's PostgreSQL source returns;
 * the backend's LogTilesIT covers those queries): a directory that a tlog client can build proofs from, full
 * tiles written once, the checkpoint last, and no torn or premature file after a crash mid-export.
 */
class TileExportTest {

    static final String ORIGIN = "vareg.kg/register/v1";
    final NoteSigner signer = NoteSigner.generate(ORIGIN, new SecureRandom());
    final InMemoryHashStore store = new InMemoryHashStore();
    final List<byte[]> entries = new ArrayList<>();
    final List<CheckpointRecord> checkpoints = new ArrayList<>();

    @TempDir
    Path dir;

    void grow(int n) {
        List<byte[]> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(("{\"n\":" + (entries.size() + i) + "}").getBytes(StandardCharsets.UTF_8));
        }
        entries.addAll(batch);
        Sha256Hash root = store.appendEntries(batch);
        checkpoints.add(new CheckpointRecord(store.size(), root,
                signer.sign(new Checkpoint(ORIGIN, store.size(), root).toText()), Instant.EPOCH));
    }

    final TileSource source = new TileSource() {
        @Override
        public Optional<CheckpointRecord> latestCheckpoint() {
            return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1));
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

    TileReader files(Path root) {
        return t -> Files.readAllBytes(root.resolve(t.path()));
    }

    VerifiedCheckpoint exportedCheckpoint() throws Exception {
        return LogVerifier.create(signer.verifier(), ORIGIN).verifyCheckpoint(Files.readAllBytes(dir.resolve("checkpoint")));
    }

    @Test
    void theDirectoryIsATlogThatProofsCanBeBuiltFromAndFullTilesAreWrittenOnce() throws Exception {
        TileExporter exporter = new TileExporter(source);
        assertThat(exporter.export(new DirectoryTileSink(dir)).tilesWritten()).isZero();
        assertThat(dir.resolve("checkpoint")).doesNotExist();
        grow(300);
        assertThat(exporter.export(new DirectoryTileSink(dir))).isEqualTo(new TileExporter.Result(0, 300, 5));
        VerifiedCheckpoint cp = exportedCheckpoint();
        assertThat(cp.size()).isEqualTo(300);
        for (long i : new long[] {0, 255, 256, 299}) {
            assertThat(TileProofs.inclusionProof(files(dir), cp.checkpoint(), i))
                    .isEqualTo(MerkleProofs.inclusionProof(store, i, 300));
        }
        assertThat(EntryBundle.decode(Files.readAllBytes(dir.resolve("tile/entries/001.p/44")))).hasSize(44);
        long fullWritten = Files.getLastModifiedTime(dir.resolve("tile/0/000")).toMillis();

        grow(70_000 - 300);
        AtomicInteger puts = new AtomicInteger();
        TileExporter.Result r = exporter.export(new DirectoryTileSink(dir, (t, p) -> {
            puts.incrementAndGet();
            assertThat(p.toString()).doesNotEndWith("tile/0/000");
        }));
        assertThat(r.fromSize()).isEqualTo(300);
        assertThat(r.tilesWritten()).isEqualTo(puts.get() - 1).isEqualTo(Tiles.newTiles(300, 70_000).size());
        assertThat(Files.getLastModifiedTime(dir.resolve("tile/0/000")).toMillis()).isEqualTo(fullWritten);
        VerifiedCheckpoint cp2 = exportedCheckpoint();
        assertThat(TileProofs.consistencyProof(files(dir), cp.checkpoint(), cp2.checkpoint()))
                .isEqualTo(MerkleProofs.consistencyProof(store, 300, 70_000));
        assertThat(TileProofs.inclusionProof(files(dir), cp2.checkpoint(), 69_999))
                .isEqualTo(MerkleProofs.inclusionProof(store, 69_999, 70_000));
        assertThat(exporter.export(new DirectoryTileSink(dir)).tilesWritten()).isZero();
    }

    @Test
    void aCrashMidExportLeavesNoTornTileAndTheOldCheckpointStillVerifies() throws Exception {
        TileExporter exporter = new TileExporter(source);
        grow(600);
        exporter.export(new DirectoryTileSink(dir));
        VerifiedCheckpoint before = exportedCheckpoint();
        grow(400);
        // The process dies after the 3rd file's bytes are written, before it is renamed into place (a torn
        // write can only ever be in the temporary file).
        AtomicInteger n = new AtomicInteger();
        DirectoryTileSink crashing = new DirectoryTileSink(dir, (temp, target) -> {
            if (n.incrementAndGet() == 3) {
                Files.write(temp, new byte[] {1, 2, 3});
                throw new IOException("killed");
            }
        });
        assertThatThrownBy(() -> exporter.export(crashing)).hasMessage("killed");
        // Every file under a served name is complete and right; the checkpoint is still the old one.
        assertThat(exportedCheckpoint().size()).isEqualTo(before.size());
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString();
                if (p.getFileName().toString().startsWith(".") || rel.equals("checkpoint")) {
                    continue;
                }
                TileId t = TileId.parse(rel);
                byte[] body = Files.readAllBytes(p);
                byte[] want = t.entries()
                        ? EntryBundle.encode(source.entries(t.firstHashIndex(), t.width()))
                        : Tiles.hashTile(store, t);
                assertThat(body).as(rel).isEqualTo(want);
            }
        }
        assertThat(TileProofs.inclusionProof(files(dir), before.checkpoint(), 599))
                .isEqualTo(MerkleProofs.inclusionProof(store, 599, 600));
        // The next run completes the export.
        exporter.export(new DirectoryTileSink(dir));
        VerifiedCheckpoint after = exportedCheckpoint();
        assertThat(after.size()).isEqualTo(1000);
        assertThat(TileProofs.consistencyProof(files(dir), before.checkpoint(), after.checkpoint()))
                .isEqualTo(MerkleProofs.consistencyProof(store, 600, 1000));
    }

    @Test
    void pathsCannotEscapeTheDirectory() {
        assertThatThrownBy(() -> new DirectoryTileSink(dir).put("../x", new byte[1], true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
