package kg.vareg.worker.export;

import java.util.List;
import java.util.Optional;
import kg.vareg.common.logstore.CheckpointRecord;
import kg.vareg.common.logstore.LogQueries;

/** What the exporter reads: the latest signed checkpoint and, below its size, tile rows of the log schema. */
interface TileSource {

    Optional<CheckpointRecord> latestCheckpoint();

    /** Hashes of tree level {@code level}, indexes [from, from + count). */
    List<byte[]> hashes(int level, long from, int count);

    /** Canonical entries with leaf indexes [from, from + count). */
    List<byte[]> entries(long from, int count);

    static TileSource of(LogQueries log) {
        return new TileSource() {
            @Override
            public Optional<CheckpointRecord> latestCheckpoint() {
                return log.latestCheckpoint();
            }

            @Override
            public List<byte[]> hashes(int level, long from, int count) {
                return log.nodeHashRange(level, from, count);
            }

            @Override
            public List<byte[]> entries(long from, int count) {
                return log.entryRange(from, count);
            }
        };
    }
}
