package kg.vareg.ledger.tile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.LogVerificationException.Reason;
import kg.vareg.ledger.checkpoint.Checkpoint;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.InMemoryHashStore;
import kg.vareg.ledger.merkle.MerkleProofs;
import kg.vareg.ledger.merkle.NodeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proofs built from tiles alone equal the server's {@link MerkleProofs} and detect tampered tiles. */
class TileProofsTest {

    /** 70,000 leaves: three tile levels (the spec's example size), the server's view of the log. */
    private static final int N = 70_000;
    private static InMemoryHashStore server;

    @BeforeAll
    static void fill() {
        Random rnd = new Random(16);
        List<Sha256Hash> leaves = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            byte[] b = new byte[32];
            rnd.nextBytes(b);
            leaves.add(Sha256Hash.of(b));
        }
        server = new InMemoryHashStore();
        server.appendLeafHashes(leaves);
    }

    /** Serves any tile whose content exists in the server's log (a prefix of a tile is immutable). */
    private static byte[] serve(TileId t) throws IOException {
        long have = Tiles.hashesAtLevel(server.size(), t.level()) - t.firstHashIndex();
        if (t.entries() || have < t.width()) {
            throw new IOException("404 " + t.path());
        }
        return Tiles.hashTile(server, t);
    }

    private static Checkpoint checkpoint(long size) {
        return new Checkpoint("vareg.kg/log", size, MerkleProofs.root(server, size));
    }

    @Test
    void theSpecsExampleTreeHasTheSpecsTiles() {
        List<TileId> tiles = Tiles.newTiles(0, 70_000);
        assertThat(tiles.stream().filter(t -> !t.entries() && t.level() == 0 && !t.isPartial())).hasSize(273);
        assertThat(tiles).contains(TileId.hashes(0, 273, 112), TileId.bundle(273, 112), TileId.hashes(1, 0, 256),
                TileId.hashes(1, 1, 17), TileId.hashes(2, 0, 1));
        assertThat(tiles).hasSize(2 * 274 + 2 + 1);
        assertThat(Tiles.newTiles(0, 256)).containsExactly(TileId.hashes(0, 0, 256), TileId.bundle(0, 256),
                TileId.hashes(1, 0, 1));
        // growing 70,000 → 70,300: the partial level-0 tile becomes full, a new partial one starts.
        assertThat(Tiles.newTiles(70_000, 70_300)).containsExactly(TileId.hashes(0, 273, 256),
                TileId.bundle(273, 256), TileId.hashes(0, 274, 156), TileId.bundle(274, 156), TileId.hashes(1, 1, 18));
        assertThat(Tiles.newTiles(70_000, 70_000)).isEmpty();
    }

    @Test
    void inclusionProofsFromTilesEqualTheServersAtEverySizeShape() throws LogVerificationException {
        Random rnd = new Random(2);
        long[] sizes = {1, 2, 255, 256, 257, 511, 512, 65_535, 65_536, 65_537, 69_999, 70_000};
        for (long size : sizes) {
            Checkpoint cp = checkpoint(size);
            assertThat(TileProofs.root(TileProofsTest::serve, size)).isEqualTo(cp.root());
            for (int k = 0; k < 10; k++) {
                long index = k == 0 ? 0 : k == 1 ? size - 1 : (long) rnd.nextInt((int) size);
                assertThat(TileProofs.inclusionProof(TileProofsTest::serve, cp, index).path())
                        .as("index %d size %d", index, size)
                        .isEqualTo(MerkleProofs.inclusionProof(server, index, size).path());
                assertThat(TileProofs.leafHash(TileProofsTest::serve, cp, index))
                        .isEqualTo(server.nodeHash(NodeId.leaf(index)));
            }
        }
    }

    @Test
    void consistencyProofsFromTilesEqualTheServers() throws LogVerificationException {
        long[][] pairs = {{1, 2}, {1, 70_000}, {255, 256}, {256, 257}, {3_000, 65_536}, {65_536, 69_999},
                {12_345, 67_890}, {70_000, 70_000}};
        for (long[] p : pairs) {
            assertThat(TileProofs.consistencyProof(TileProofsTest::serve, checkpoint(p[0]), checkpoint(p[1])).path())
                    .as("%d → %d", p[0], p[1])
                    .isEqualTo(MerkleProofs.consistencyProof(server, p[0], p[1]).path());
        }
    }

    @Test
    void aProofReadsFewTilesAndEachOnce() throws LogVerificationException {
        AtomicInteger reads = new AtomicInteger();
        TileReader counting = t -> {
            reads.incrementAndGet();
            return serve(t);
        };
        TileProofs.inclusionProof(counting, checkpoint(70_000), 12_345);
        // one tile per level for the leaf's path, plus the right edge's partial tiles
        assertThat(reads.get()).isBetween(3, 6);
    }

    @Test
    void aTamperedOrTruncatedTileIsReportedNotProven() {
        Checkpoint cp = checkpoint(70_000);
        TileReader flipped = t -> {
            byte[] b = serve(t);
            if (t.level() == 0 && t.index() == 48) {
                b[100] ^= 1;
            }
            return b;
        };
        assertThatThrownBy(() -> TileProofs.inclusionProof(flipped, cp, 48 * 256 + 3))
                .isInstanceOfSatisfying(LogVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ROOT_MISMATCH));
        TileReader shortTile = t -> {
            byte[] b = serve(t);
            return t.level() == 1 ? java.util.Arrays.copyOf(b, b.length - 32) : b;
        };
        assertThatThrownBy(() -> TileProofs.inclusionProof(shortTile, cp, 5))
                .isInstanceOfSatisfying(LogVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_INPUT))
                .hasMessageContaining("tile/1/000");
        TileReader missing = t -> {
            throw new IOException("404 " + t.path());
        };
        assertThatThrownBy(() -> TileProofs.inclusionProof(missing, cp, 5))
                .isInstanceOfSatisfying(LogVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_INPUT));
        assertThatThrownBy(() -> TileProofs.inclusionProof(TileProofsTest::serve, cp, 70_000))
                .isInstanceOfSatisfying(LogVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INDEX_OUT_OF_RANGE));
        Checkpoint lying = new Checkpoint("vareg.kg/log", 70_000, checkpoint(69_999).root());
        assertThatThrownBy(() -> TileProofs.inclusionProof(TileProofsTest::serve, lying, 1))
                .isInstanceOfSatisfying(LogVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ROOT_MISMATCH));
    }

    @Test
    void entryBundlesRoundTripAndRejectTruncation() throws LogVerificationException {
        List<byte[]> entries = List.of(new byte[0], "{\"seq\":1}".getBytes(), new byte[EntryBundle.MAX_ENTRY]);
        byte[] bundle = EntryBundle.encode(entries);
        assertThat(bundle).startsWith(0, 0, 0, 9, '{');
        assertThat(bundle).hasSize(2 + 2 + 9 + 2 + 65_535);
        List<byte[]> decoded = EntryBundle.decode(bundle);
        assertThat(decoded).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(java.util.Arrays.equals(decoded.get(i), entries.get(i))).as("entry %d", i).isTrue();
        }
        assertThatThrownBy(() -> EntryBundle.decode(java.util.Arrays.copyOf(bundle, bundle.length - 1)))
                .isInstanceOf(LogVerificationException.class).hasMessageContaining("entry 2");
        assertThatThrownBy(() -> EntryBundle.decode(new byte[] {0}))
                .isInstanceOf(LogVerificationException.class).hasMessageContaining("length of entry 0");
        assertThatThrownBy(() -> EntryBundle.encode(List.of(new byte[EntryBundle.MAX_ENTRY + 1])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65535");
    }
}
