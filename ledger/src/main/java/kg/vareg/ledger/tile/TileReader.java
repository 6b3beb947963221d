package kg.vareg.ledger.tile;

import java.io.IOException;

/**
 * Fetches the body of one tile: from a tlog-tiles HTTP prefix, a directory, a bucket, or a database.
 * {@link TileProofs} never trusts what it returns: every proof is checked against the checkpoint's root.
 */
@FunctionalInterface
public interface TileReader {

    /** The body of {@code tile} (32·width bytes for a hash tile). */
    byte[] read(TileId tile) throws IOException;
}
