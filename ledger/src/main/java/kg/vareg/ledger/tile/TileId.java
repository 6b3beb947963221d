package kg.vareg.ledger.tile;

/**
 * One resource of a c2sp.org/tlog-tiles log: a hash tile {@code tile/<L>/<N>[.p/<W>]} or an entry
 * bundle {@code tile/entries/<N>[.p/<W>]}.
 *
 * <p>A hash tile at tile level L holds the Merkle Tree Hashes of tree level 8·L with indexes
 * [N·256, N·256 + W): {@code MTH(D[(N·256 + i)·256^L : (N·256 + i + 1)·256^L])}. An entry bundle holds
 * the entries whose leaf hashes form tile (0, N). {@code width} is 256 for a full tile, 1..255 for a
 * partial one. Level is 0 for entry bundles.
 */
public record TileId(boolean entries, int level, long index, int width) {

    /** Tree levels per tile (the spec's fixed tile height). */
    public static final int HEIGHT = 8;
    /** Hashes (or entries) in a full tile. */
    public static final int FULL_WIDTH = 1 << HEIGHT;
    /** Highest level the path syntax allows. */
    public static final int MAX_PATH_LEVEL = 63;
    /**
     * Highest tile level a log of at most 2^62 leaves can have a tile at (tree level 8·L ≤ 62;
     * a level-7 tile's hashes cover 2^56 leaves each).
     */
    public static final int MAX_TREE_TILE_LEVEL = 7;

    public TileId {
        if (level < 0 || level > MAX_PATH_LEVEL) {
            throw new IllegalArgumentException("tile level must be in [0, 63], got " + level);
        }
        if (entries && level != 0) {
            throw new IllegalArgumentException("entry bundles have no level, got " + level);
        }
        if (index < 0) {
            throw new IllegalArgumentException("tile index must not be negative, got " + index);
        }
        if (width < 1 || width > FULL_WIDTH) {
            throw new IllegalArgumentException("tile width must be in [1, 256], got " + width);
        }
    }

    public static TileId hashes(int level, long index, int width) {
        return new TileId(false, level, index, width);
    }

    public static TileId bundle(long index, int width) {
        return new TileId(true, 0, index, width);
    }

    public boolean isPartial() {
        return width < FULL_WIDTH;
    }

    /** The same tile at full width. */
    public TileId full() {
        return new TileId(entries, level, index, FULL_WIDTH);
    }

    /** Tree level of the hashes in this tile (8·L). */
    public int treeLevel() {
        return level * HEIGHT;
    }

    /** Index (at {@link #treeLevel()}) of the tile's first hash. */
    public long firstHashIndex() {
        return index * FULL_WIDTH;
    }

    /**
     * Parses {@code tile/<L>/<N>[.p/<W>]} or {@code tile/entries/<N>[.p/<W>]} (a leading slash is allowed);
     * anything else is a {@link TilePathException} saying which part is wrong.
     */
    public static TileId parse(String path) throws TilePathException {
        return TilePaths.parse(path);
    }

    /** {@code tile/<L>/<N>[.p/<W>]} or {@code tile/entries/<N>[.p/<W>]}, without a leading slash. */
    public String path() {
        return TilePaths.format(this);
    }

    /** Bytes of the tile's body: 32 per hash (hash tiles only). */
    public int hashBytes() {
        return width * 32;
    }

    @Override
    public String toString() {
        return path();
    }
}
