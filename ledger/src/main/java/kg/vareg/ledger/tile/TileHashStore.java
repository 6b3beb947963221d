package kg.vareg.ledger.tile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.merkle.HashStore;
import kg.vareg.ledger.merkle.NodeId;

/**
 * A {@link HashStore} for a tree of a given size whose hashes come from tlog-tiles tiles: node (l, i) with
 * l = 8·T + r is the MTH of 2^r consecutive hashes of one tile at tile level T, so any complete subtree is
 * read from one tile and at most 127 hashes. Each tile is read once per store and at the width the tree
 * size gives it (the partial tile the checkpoint requires, or the full tile).
 *
 * <p>The hashes are whatever the reader returns; {@link TileProofs} checks every answer against a root.
 * A tile of the wrong length is an {@link IllegalStateException}; a reader failure an
 * {@link UncheckedIOException}.
 */
public final class TileHashStore implements HashStore {

    private final TileReader reader;
    private final long size;
    private final Map<TileId, byte[]> tiles = new HashMap<>();

    public TileHashStore(TileReader reader, long treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative, got " + treeSize);
        }
        this.reader = reader;
        this.size = treeSize;
    }

    @Override
    public long size() {
        return size;
    }

    /** Tiles read so far (for tests and benchmarks: a proof needs O(log n / 8) tiles). */
    public int tilesRead() {
        return tiles.size();
    }

    @Override
    public Sha256Hash nodeHash(NodeId id) {
        if (id.end() > size) {
            throw new IllegalArgumentException("node " + id + " is not complete in a tree of size " + size);
        }
        int tileLevel = id.level() / TileId.HEIGHT;
        int r = id.level() % TileId.HEIGHT;
        long first = id.index() << r;
        int count = 1 << r;
        long tileIndex = first / TileId.FULL_WIDTH;
        int offset = (int) (first % TileId.FULL_WIDTH);
        TileId tile = Tiles.tileIn(size, tileLevel, tileIndex).orElseThrow(
                () -> new IllegalStateException("tree of size " + size + " has no tile for node " + id));
        byte[] body = tile(tile);
        List<Sha256Hash> level = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] h = new byte[32];
            System.arraycopy(body, (offset + i) * 32, h, 0, 32);
            level.add(Sha256Hash.of(h));
        }
        while (level.size() > 1) {
            List<Sha256Hash> up = new ArrayList<>(level.size() / 2);
            for (int i = 0; i < level.size(); i += 2) {
                up.add(TreeHasher.nodeHash(level.get(i), level.get(i + 1)));
            }
            level = up;
        }
        return level.get(0);
    }

    private byte[] tile(TileId tile) {
        byte[] body = tiles.get(tile);
        if (body != null) {
            return body;
        }
        try {
            body = reader.read(tile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tile.path() + ": " + e.getMessage(), e);
        }
        if (body == null || body.length != tile.hashBytes()) {
            throw new IllegalStateException(tile.path() + " has " + (body == null ? "no" : body.length)
                    + " bytes, expected " + tile.hashBytes());
        }
        tiles.put(tile, body);
        return body;
    }
}
