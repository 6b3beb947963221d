package kg.vareg.backend.tiles;

/** What the tile service answers for one path: a body to serve, or why there is none. */
sealed interface TileResponse {

    /** A tile, bundle or checkpoint body; {@code immutable} for full tiles (cache forever). */
    record Found(byte[] body, boolean immutable) implements TileResponse {
    }

    /** 400: the path does not follow c2sp.org/tlog-tiles. */
    record Malformed(String reason) implements TileResponse {
    }

    /** 404: a well-formed path the log has no resource for (yet). */
    record Missing(String reason) implements TileResponse {
    }
}
