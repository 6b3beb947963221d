package kg.vareg.ledger.tile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.HashStore;
import kg.vareg.ledger.merkle.NodeId;

/**
 * Which tiles a tree of a given size has, and their contents from a {@link HashStore}
 * (c2sp.org/tlog-tiles: tile height 8, width 256; the rightmost tiles of each level are partial).
 */
public final class Tiles {

    private Tiles() {
    }

    /** Hashes a tree of {@code treeSize} leaves has at tree level 8·{@code level}: floor(size / 256^L). */
    public static long hashesAtLevel(long treeSize, int level) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative, got " + treeSize);
        }
        int shift = level * TileId.HEIGHT;
        return shift >= 63 ? 0 : treeSize >>> shift;
    }

    /**
     * Width of tile {@code index} at {@code level} in a tree of {@code treeSize} leaves: 256 if full, 1..255
     * if partial, empty if the tree has no such tile.
     */
    public static Optional<Integer> widthIn(long treeSize, int level, long index) {
        long available = hashesAtLevel(treeSize, level) - index * TileId.FULL_WIDTH;
        if (index < 0 || available <= 0) {
            return Optional.empty();
        }
        return Optional.of((int) Math.min(TileId.FULL_WIDTH, available));
    }

    /** The tile (level, index) as it is in a tree of {@code treeSize}, if the tree has it. */
    public static Optional<TileId> tileIn(long treeSize, int level, long index) {
        return widthIn(treeSize, level, index).map(w -> TileId.hashes(level, index, w));
    }

    /**
     * Every hash tile and entry bundle of a tree of {@code treeSize} leaves whose content is new since
     * {@code oldSize} (0 for all): the full tiles completed in between, and the partial tiles of the new size.
     * Lowest level first, left to right; the order an exporter writes them in.
     */
    public static List<TileId> newTiles(long oldSize, long treeSize) {
        if (oldSize < 0 || oldSize > treeSize) {
            throw new IllegalArgumentException("need 0 <= oldSize <= treeSize, got " + oldSize + ", " + treeSize);
        }
        List<TileId> out = new ArrayList<>();
        for (int level = 0; level <= TileId.MAX_TREE_TILE_LEVEL; level++) {
            long newHashes = hashesAtLevel(treeSize, level);
            if (newHashes == 0) {
                break;
            }
            long oldHashes = hashesAtLevel(oldSize, level);
            long firstTile = oldHashes / TileId.FULL_WIDTH;
            long lastTile = (newHashes - 1) / TileId.FULL_WIDTH;
            for (long n = firstTile; n <= lastTile; n++) {
                int width = widthIn(treeSize, level, n).orElseThrow();
                int oldWidth = widthIn(oldSize, level, n).orElse(0);
                if (width == oldWidth) {
                    continue;
                }
                out.add(TileId.hashes(level, n, width));
                if (level == 0) {
                    out.add(TileId.bundle(n, width));
                }
            }
        }
        return out;
    }

    /** The node ids whose hashes make up hash tile {@code t}, in tile order. */
    public static List<NodeId> nodesOf(TileId t) {
        if (t.entries()) {
            throw new IllegalArgumentException("an entry bundle holds entries, not hashes: " + t);
        }
        if (t.level() > TileId.MAX_TREE_TILE_LEVEL) {
            throw new IllegalArgumentException("no log has tiles at level " + t.level());
        }
        List<NodeId> ids = new ArrayList<>(t.width());
        for (int i = 0; i < t.width(); i++) {
            ids.add(new NodeId(t.treeLevel(), t.firstHashIndex() + i));
        }
        return ids;
    }

    /** The body of hash tile {@code t}: its hashes concatenated, read from {@code store} in one batch. */
    public static byte[] hashTile(HashStore store, TileId t) {
        return concat(store.nodeHashes(nodesOf(t)));
    }

    /** Concatenates 32-byte hashes into a tile body. */
    public static byte[] concat(List<Sha256Hash> hashes) {
        byte[] out = new byte[hashes.size() * 32];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i).toBytes(), 0, out, i * 32, 32);
        }
        return out;
    }
}
