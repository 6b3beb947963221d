package kg.vareg.worker.export;

import java.io.IOException;
import java.util.Optional;

/** Where exported tlog-tiles files go (a directory, a bucket); paths are relative to the log prefix. */
interface TileSink {

    /** Whether {@code path} is already stored (full tiles are written once). */
    boolean exists(String path) throws IOException;

    /** The stored body of {@code path}, if any. */
    Optional<byte[]> read(String path) throws IOException;

    /** Stores {@code body} at {@code path} atomically: a reader sees the old body, or the whole new one. */
    void put(String path, byte[] body, boolean immutable) throws IOException;
}
