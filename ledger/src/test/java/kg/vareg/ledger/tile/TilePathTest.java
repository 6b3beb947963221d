package kg.vareg.ledger.tile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Path vectors: the example of c2sp.org/tlog-tiles (1234067 → x001/x234/067), and the C2SP layout vectors
 * of transparency-dev/tessera {@code api/layout/paths_test.go} (TestTilePath, TestEntriesPath,
 * TestParseTileLevelIndexPartial).
 */
class TilePathTest {

    @ParameterizedTest
    @CsvSource({
            // level, index, width (256 = full), path
            "0, 0, 256, tile/0/000",
            "0, 0, 255, tile/0/000.p/255",
            "1, 0, 256, tile/1/000",
            "15, 455667, 256, tile/15/x455/667",
            "15, 123456789, 41, tile/15/x123/x456/789.p/41",
            "0, 1234067, 256, tile/0/x001/x234/067",
            "0, 1234067, 89, tile/0/x001/x234/067.p/89",
            "63, 999999999999999999, 255, tile/63/x999/x999/x999/x999/x999/999.p/255",
            "0, 1, 256, tile/0/001",
            "3, 1000, 7, tile/3/x001/000.p/7",
    })
    void hashTilePathsFollowTheSpec(int level, long index, int width, String path) throws TilePathException {
        TileId t = TileId.hashes(level, index, width);
        assertThat(t.path()).isEqualTo(path);
        assertThat(TileId.parse(path)).isEqualTo(t);
        assertThat(TileId.parse("/" + path)).isEqualTo(t);
    }

    @ParameterizedTest
    @CsvSource({
            "0, 256, tile/entries/000",
            "0, 8, tile/entries/000.p/8",
            "255, 256, tile/entries/255",
            "255, 253, tile/entries/255.p/253",
            "1, 1, tile/entries/001.p/1",
            "123456789, 256, tile/entries/x123/x456/789",
    })
    void entryBundlePathsFollowTheSpec(long index, int width, String path) throws TilePathException {
        TileId t = TileId.bundle(index, width);
        assertThat(t.path()).isEqualTo(path);
        assertThat(TileId.parse(path)).isEqualTo(t);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "tile/0/x001/x234/067.p/", "tile/0/x001/x234/067.p", "tile/0/x001/x234/", "tile/0/x001/x234",
            "tile/0/x001/", "tile/0/x001", "tile/1/x001/.p/abc", "tile/64/x001/002", "tile/-1/x001/002",
            "tile/abc/x001/002", "tile/8/001/002", "tile/8/x001/0002", "tile/8/x001/-002", "tile/8/x001/002.p/256",
            "tile/63/x999/x999/x999/x999/x999/x999/999.p/255",
            // beyond the vectors: W = 0, leading zeros, empty parts, other prefixes
            "tile/0/000.p/0", "tile/0/000.p/007", "tile/01/000", "tile//000", "tile/0/", "tile/0", "tile/",
            "tiles/0/000", "checkpoint", "", "tile/0/00", "tile/0/1", "tile/0/x000/001", "tile/0/X001/002",
            "tile/entries/x001", "tile/entries/000.p/256", "tile/0/000.q/5", "tile/0/000.p/5/6",
            "tile/0/000/", "tile/0/0a0", "tile/9999999999/000", "tile/entries/000.p/-1",
    })
    void malformedPathsAreRejectedWithAReason(String path) {
        assertThatThrownBy(() -> TileId.parse(path)).isInstanceOf(TilePathException.class)
                .hasMessageContaining("tile");
    }
}
