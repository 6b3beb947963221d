package kg.vareg.ledger.tile;

/**
 * The path encoding of c2sp.org/tlog-tiles: {@code <N>} as zero-padded 3-digit elements, all but the last
 * prefixed with {@code x} (1234067 → {@code x001/x234/067}); {@code <L>} and {@code <W>} decimal without
 * leading zeros; {@code <W>} in 1..255 and present only for partial tiles.
 */
final class TilePaths {

    private static final String TILE = "tile/";
    private static final String ENTRIES = "entries/";
    private static final String PARTIAL = ".p/";

    private TilePaths() {
    }

    static String format(TileId t) {
        StringBuilder sb = new StringBuilder(TILE);
        sb.append(t.entries() ? "entries" : Integer.toString(t.level())).append('/');
        appendIndex(sb, t.index());
        if (t.isPartial()) {
            sb.append(PARTIAL).append(t.width());
        }
        return sb.toString();
    }

    static void appendIndex(StringBuilder sb, long n) {
        long rest = n / 1000;
        String last = String.format("%03d", n % 1000);
        StringBuilder prefix = new StringBuilder();
        while (rest > 0) {
            prefix.insert(0, String.format("x%03d/", rest % 1000));
            rest /= 1000;
        }
        sb.append(prefix).append(last);
    }

    static TileId parse(String path) throws TilePathException {
        if (path == null) {
            throw new TilePathException("no tile path");
        }
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (!p.startsWith(TILE)) {
            throw new TilePathException("a tile path starts with tile/: " + quote(path));
        }
        p = p.substring(TILE.length());
        int slash = p.indexOf('/');
        if (slash <= 0) {
            throw new TilePathException("a tile path is tile/<L>/<N>[.p/<W>] or tile/entries/<N>[.p/<W>]: " + quote(path));
        }
        String levelPart = p.substring(0, slash);
        String rest = p.substring(slash + 1);
        boolean entries = levelPart.equals("entries");
        int level = entries ? 0 : parseLevel(levelPart);
        int width = TileId.FULL_WIDTH;
        int dot = rest.indexOf(PARTIAL);
        if (dot >= 0) {
            width = parseWidth(rest.substring(dot + PARTIAL.length()));
            rest = rest.substring(0, dot);
        } else if (rest.contains(".")) {
            throw new TilePathException("a partial tile ends in .p/<W>, got " + quote(path));
        }
        long index = parseIndex(rest);
        return new TileId(entries, level, index, width);
    }

    private static int parseLevel(String s) throws TilePathException {
        if (!isDecimal(s) || s.length() > 2 || (s.length() > 1 && s.charAt(0) == '0')) {
            throw new TilePathException("tile level <L> must be a decimal integer 0..63 without leading zeros, got "
                    + quote(s));
        }
        int level = Integer.parseInt(s);
        if (level > TileId.MAX_PATH_LEVEL) {
            throw new TilePathException("tile level <L> must be 0..63, got " + level);
        }
        return level;
    }

    private static int parseWidth(String s) throws TilePathException {
        if (!isDecimal(s) || s.length() > 3 || s.charAt(0) == '0') {
            throw new TilePathException("partial tile width <W> must be a decimal integer 1..255 without leading zeros, got "
                    + quote(s));
        }
        int w = Integer.parseInt(s);
        if (w >= TileId.FULL_WIDTH) {
            throw new TilePathException("partial tile width <W> must be 1..255 (a full tile has no .p/ suffix), got " + w);
        }
        return w;
    }

    private static long parseIndex(String s) throws TilePathException {
        String[] parts = s.split("/", -1);
        if (parts.length > 7) {
            throw new TilePathException("tile index <N> has too many elements: " + quote(s));
        }
        long n = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            String digits;
            if (last) {
                if (part.startsWith("x")) {
                    throw new TilePathException("the last element of tile index <N> has no x prefix: " + quote(s));
                }
                digits = part;
            } else {
                if (!part.startsWith("x")) {
                    throw new TilePathException("every element of tile index <N> but the last starts with x: "
                            + quote(s));
                }
                digits = part.substring(1);
            }
            if (digits.length() != 3 || !isDecimal(digits)) {
                throw new TilePathException("tile index <N> is made of 3-digit elements (e.g. x001/x234/067), got "
                        + quote(s));
            }
            if (n > (Long.MAX_VALUE - 999) / 1000) {
                throw new TilePathException("tile index <N> is too large: " + quote(s));
            }
            n = n * 1000 + Integer.parseInt(digits);
        }
        if (parts.length > 1 && parts[0].equals("x000")) {
            throw new TilePathException("tile index <N> has a leading x000 element: " + quote(s));
        }
        return n;
    }

    private static boolean isDecimal(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String quote(String s) {
        String shown = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return "\"" + shown.replaceAll("[^\\x20-\\x7e]", "?") + "\"";
    }
}
