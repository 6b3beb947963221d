package kg.vareg.ledger.tile;

/** A tile path that does not follow c2sp.org/tlog-tiles; the message says which part is wrong. */
public final class TilePathException extends Exception {

    private static final long serialVersionUID = 1L;

    public TilePathException(String message) {
        super(message);
    }
}
