package kg.vareg.worker.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import kg.vareg.common.logstore.CheckpointRecord;
import kg.vareg.ledger.tile.EntryBundle;
import kg.vareg.ledger.tile.TileId;
import kg.vareg.ledger.tile.Tiles;

/**
 * Brings a {@link TileSink} up to the log's latest signed checkpoint in the c2sp.org/tlog-tiles layout: first
 * every tile that is new since the checkpoint the sink already holds (full tiles written once, partial tiles of
 * the new size), the {@code checkpoint} file LAST. So a reader of the sink never sees a checkpoint whose tiles
 * are not there, and a crash anywhere leaves the old checkpoint with all its tiles; the next run redoes the
 * rest (tile contents are fixed by their path, so rewriting is harmless).
 */
final class TileExporter {

    /** What one run did. */
    record Result(long fromSize, long toSize, int tilesWritten) {
    }

    private final TileSource source;

    TileExporter(TileSource source) {
        this.source = source;
    }

    Result export(TileSink sink) throws IOException {
        Optional<CheckpointRecord> latest = source.latestCheckpoint();
        if (latest.isEmpty()) {
            return new Result(0, 0, 0);
        }
        long size = latest.get().size();
        long exported = exportedSize(sink);
        if (exported >= size) {
            return new Result(exported, exported, 0);
        }
        int written = 0;
        for (TileId t : Tiles.newTiles(exported, size)) {
            if (!t.isPartial() && sink.exists(t.path())) {
                continue;
            }
            sink.put(t.path(), body(t), !t.isPartial());
            written++;
        }
        sink.put("checkpoint", latest.get().signedNote().getBytes(StandardCharsets.UTF_8), false);
        return new Result(exported, size, written);
    }

    /** Size of the checkpoint the sink holds (line 2 of the note); 0 if none or unreadable. */
    static long exportedSize(TileSink sink) throws IOException {
        Optional<byte[]> note = sink.read("checkpoint");
        if (note.isEmpty()) {
            return 0;
        }
        String[] lines = new String(note.get(), StandardCharsets.UTF_8).split("\n", 3);
        try {
            return lines.length < 2 ? 0 : Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private byte[] body(TileId t) {
        if (t.entries()) {
            List<byte[]> entries = source.entries(t.firstHashIndex(), t.width());
            check(t, entries.size());
            return EntryBundle.encode(entries);
        }
        List<byte[]> hashes = source.hashes(t.treeLevel(), t.firstHashIndex(), t.width());
        check(t, hashes.size());
        byte[] out = new byte[hashes.size() * 32];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, out, i * 32, 32);
        }
        return out;
    }

    private static void check(TileId t, int rows) {
        if (rows != t.width()) {
            throw new IllegalStateException("log store is damaged: " + t.path() + " has " + rows + " of " + t.width()
                    + " rows below the checkpoint size");
        }
    }
}
