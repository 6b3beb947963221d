package kg.vareg.backend.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import kg.vareg.common.logstore.CheckpointRecord;
import kg.vareg.common.logstore.LogQueries;
import kg.vareg.ledger.tile.EntryBundle;
import kg.vareg.ledger.tile.TileId;
import kg.vareg.ledger.tile.TilePathException;
import kg.vareg.ledger.tile.Tiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The log as c2sp.org/tlog-tiles resources, read from the worker's {@code log} schema: the latest signed
 * checkpoint, hash tiles from {@code log.nodes} (tree level 8·L, one range scan of at most 256 rows) and entry
 * bundles from {@code log.leaves} ⋈ {@code registry.journal}. Tiles are cut at the latest checkpoint's size,
 * so every tile served is consistent with a signed checkpoint.
 *
 * <p>Full tiles never change, so they are also kept in a bounded in-memory cache; partial tiles and the
 * checkpoint are always read from the database. ¶66: journal entries carry commitments, never founders' data
 * in clear, so the entries are as public as the register (they are the same bytes as
 * {@code /api/v1/public/log/entries/{i}}).
 */
@Service
class LogTiles {

    private final LogQueries log;
    private final Cache<TileId, byte[]> fullTiles = Caffeine.newBuilder().maximumWeight(64L << 20)
            .weigher((TileId k, byte[] v) -> v.length + 64).build();

    LogTiles(JdbcTemplate jdbc) {
        this.log = new LogQueries(jdbc);
    }

    /** The latest signed checkpoint note (C2SP tlog-checkpoint + signed-note), if the log has one. */
    Optional<byte[]> checkpoint() {
        return log.latestCheckpoint().map(c -> c.signedNote().getBytes(StandardCharsets.UTF_8));
    }

    /** The resource at {@code path} ({@code tile/...}, relative to the log prefix). */
    TileResponse tile(String path) {
        TileId t;
        try {
            t = TileId.parse(path);
        } catch (TilePathException e) {
            return new TileResponse.Malformed(e.getMessage());
        }
        if (!t.isPartial()) {
            byte[] cached = fullTiles.getIfPresent(t);
            if (cached != null) {
                return new TileResponse.Found(cached, true);
            }
        }
        long size = log.latestCheckpoint().map(CheckpointRecord::size).orElse(0L);
        Optional<String> missing = whyMissing(t, size);
        if (missing.isPresent()) {
            return new TileResponse.Missing(missing.get());
        }
        Optional<byte[]> body = t.entries() ? bundle(t) : Optional.of(hashes(t));
        if (body.isEmpty()) {
            return new TileResponse.Missing(t.path() + " holds an entry longer than 65535 bytes, which a tlog-tiles "
                    + "bundle cannot carry; read the entries at /api/v1/public/log/entries/{index}");
        }
        if (!t.isPartial()) {
            fullTiles.put(t, body.get());
        }
        return new TileResponse.Found(body.get(), !t.isPartial());
    }

    /** Why the log (at the latest checkpoint's size) has no such tile; empty if it has it. */
    static Optional<String> whyMissing(TileId t, long size) {
        if (size == 0) {
            return Optional.of("the log has no signed checkpoint yet, so it has no tiles");
        }
        int top = topLevel(size);
        if (t.level() > top) {
            return Optional.of("tile level " + t.level() + " is above the tree: a log of " + size
                    + " entries has tiles at levels 0.." + top);
        }
        long available = Tiles.hashesAtLevel(size, t.level()) - t.firstHashIndex();
        String what = t.entries() ? "entry bundle" : "tile";
        if (available <= 0) {
            long tiles = (Tiles.hashesAtLevel(size, t.level()) + TileId.FULL_WIDTH - 1) / TileId.FULL_WIDTH;
            return Optional.of(what + " index " + t.index() + " is beyond the log: at its checkpoint size " + size
                    + " level " + t.level() + " has " + tiles + " " + what + (tiles == 1 ? "" : "s"));
        }
        if (available < t.width()) {
            String full = t.isPartial() ? "" : "; the full " + what + " does not exist yet, fetch "
                    + new TileId(t.entries(), t.level(), t.index(), (int) available).path();
            return Optional.of(what + " " + t.path() + " needs " + t.width() + " hashes but the log at its checkpoint "
                    + "size " + size + " has only " + available + " there" + full);
        }
        return Optional.empty();
    }

    /** Highest tile level a tree of {@code size} (> 0) has a tile at. */
    static int topLevel(long size) {
        int level = 0;
        while (level < TileId.MAX_TREE_TILE_LEVEL && Tiles.hashesAtLevel(size, level + 1) > 0) {
            level++;
        }
        return level;
    }

    private byte[] hashes(TileId t) {
        List<byte[]> rows = log.nodeHashRange(t.treeLevel(), t.firstHashIndex(), t.width());
        if (rows.size() != t.width()) {
            throw new IllegalStateException("log store is damaged: " + t.path() + " has " + rows.size() + " of "
                    + t.width() + " hashes below the checkpoint size");
        }
        byte[] out = new byte[rows.size() * 32];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, out, i * 32, 32);
        }
        return out;
    }

    private Optional<byte[]> bundle(TileId t) {
        List<byte[]> entries = log.entryRange(t.firstHashIndex(), t.width());
        if (entries.size() != t.width()) {
            throw new IllegalStateException("log store is damaged: " + t.path() + " has " + entries.size() + " of "
                    + t.width() + " entries below the checkpoint size");
        }
        for (byte[] e : entries) {
            if (e.length > EntryBundle.MAX_ENTRY) {
                return Optional.empty();
            }
        }
        return Optional.of(EntryBundle.encode(entries));
    }
}
